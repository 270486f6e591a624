import type { z } from 'zod';
import { AppError, toErrorPayload } from '../errors/app-error';
import { apiContract, isCallName, type Handlers } from './contract';
import { decodeWire, encodeWire, type CallResult } from './wire';

/** Turns zod's issues into one sentence a treasurer can act on ("Search text: can be at most 100 characters."). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join(' ');
}

export interface Dispatcher {
  /** Validates and runs one call. Never throws: failures come back as error payloads. */
  dispatch(name: unknown, payload: unknown): Promise<CallResult<unknown>>;
  /** The same over the wire format, for IPC and the web bridge. */
  dispatchWire(name: unknown, payloadText: unknown): Promise<string>;
}

export function createDispatcher(handlers: Handlers, onUnexpected: (error: unknown) => void): Dispatcher {
  async function dispatch(name: unknown, payload: unknown): Promise<CallResult<unknown>> {
    try {
      if (!isCallName(name)) {
        throw new AppError('unknown-call', `The app asked for "${String(name)}", which does not exist.`, 'Update or reinstall the app.');
      }
      const parsed = apiContract[name].input.safeParse(payload);
      if (!parsed.success) {
        throw new AppError('invalid-input', `Some input was not valid. ${describeIssues(parsed.error)}`, 'Correct the highlighted value and try again.');
      }
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (!(error instanceof AppError)) onUnexpected(error);
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  async function dispatchWire(name: unknown, payloadText: unknown): Promise<string> {
    let payload: unknown;
    try {
      if (typeof payloadText !== 'string') throw new Error('payload is not text');
      payload = decodeWire(payloadText);
    } catch {
      const error = new AppError('invalid-input', 'The request could not be read.', 'Restart the app and try again.');
      return encodeWire({ ok: false, error: error.toPayload() });
    }
    return encodeWire(await dispatch(name, payload));
  }

  return { dispatch, dispatchWire };
}
