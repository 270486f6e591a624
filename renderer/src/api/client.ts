import type { CallInput, CallName, CallOutput } from '../../../electron/core/api/contract';
import { decodeWire, encodeWire, type CallResult } from '../../../electron/core/api/wire';
import type { ErrorPayload } from '../../../electron/core/errors/app-error';

/** An API failure as the screens see it: the same code, message and hint the core produced. */
export class ApiError extends Error {
  readonly code: ErrorPayload['code'];
  readonly hint: string;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.hint = payload.hint;
  }
}

/** Anything a call threw, as an ApiError the screens can show. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ code: 'internal', message: 'The app could not reach its core.', hint: 'Restart the app.' });
}

type SendText = (name: string, payload: string) => Promise<string>;

declare global {
  interface Window {
    letsBridge?: { call: SendText };
  }
}

/**
 * In Electron the preload exposes `letsBridge`; in the test/dev web bridge the page is opened with
 * `#bridge-token=…` and calls go to the same origin over HTTP. Either way the wire format is the same.
 */
function chooseTransport(): SendText {
  if (window.letsBridge) return window.letsBridge.call;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('bridge-token');
  if (!token) {
    return () => Promise.reject(new ApiError({ code: 'internal', message: 'The app is not connected to its core.', hint: 'Start the app with npm start.' }));
  }
  return async (name, payload) => {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: payload,
    });
    return response.text();
  };
}

const send = chooseTransport();

export async function callApi<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = decodeWire(await send(name, encodeWire(input))) as CallResult<CallOutput<N>>;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
