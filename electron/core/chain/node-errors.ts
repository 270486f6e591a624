import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import { apiErrorSchema } from './node-schemas';

/**
 * Every way a node call can fail, as an AppError a treasurer can act on. Text that comes from the node is shortened
 * and stripped of control characters first: it is shown in the UI and must not be able to flood or garble it.
 */

const MAX_NODE_TEXT = 300;

export function nodeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > MAX_NODE_TEXT ? `${clean.slice(0, MAX_NODE_TEXT)}…` : clean;
}

export type TransportFailure =
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'network'; code: string | undefined };

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing is listening at that address',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the connection was dropped',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

function describeFailure(failure: TransportFailure): string {
  if (failure.kind === 'timeout') {
    const { timeoutMs } = failure;
    return `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  }
  return (failure.code && NETWORK_CODES[failure.code]) ?? `network error${failure.code ? ` ${failure.code}` : ''}`;
}

/** After a failed submit nobody knows whether the node took the transaction; sending it again is the outbox's call. */
const SUBMIT_OUTCOME_UNKNOWN =
  'The transaction may or may not have reached the node. Do not send it again by hand: the app looks for it in the mempool and the chain.';

export const SUBMIT_ENDPOINT = 'POST /transactions';

export function unreachable(nodeUrl: string, failure: TransportFailure, endpoint: string): AppError {
  return new AppError(
    'chain-unreachable',
    `Cannot reach the Ergo node at ${nodeUrl} (${describeFailure(failure)}).`,
    endpoint === SUBMIT_ENDPOINT
      ? SUBMIT_OUTCOME_UNKNOWN
      : 'Check that the node is running and that the address in Settings is right. The app keeps retrying.',
  );
}

export function responseInvalid(nodeUrl: string, endpoint: string, problem: string): AppError {
  return new AppError(
    'chain-response-invalid',
    `The Ergo node at ${nodeUrl} gave an answer the app cannot use (${endpoint}: ${problem}). Nothing from it was stored.`,
    'Check that the address in Settings points to an Ergo node (not a web page or proxy) and that the node software is up to date.',
  );
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text ? `${text}.` : ''}${String(key)}`), '');
}

/** The first schema problem, named by field: "outputs[0].value must not be negative". */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'the answer has an unexpected shape';
  const field = fieldPath(issue.path);
  const problem =
    issue.code === 'unrecognized_keys'
      ? `has unexpected entries ${issue.keys.map((key) => nodeText(key)).join(', ')}`
      : issue.code === 'invalid_type' && issue.input === undefined
        ? 'is missing'
        : issue.message;
  return field ? `field ${field} ${problem}` : `the answer ${problem}`;
}

/** The node's own words from an ApiError body, or null if the body is not one. */
export function apiErrorText(body: unknown): string | null {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) return null;
  const parts = [parsed.data.reason, parsed.data.detail].filter((part): part is string => !!part && part.trim() !== '');
  return parts.length > 0 ? nodeText(parts.join(': ')) : null;
}

/** A non-2xx answer that is not a rejection of a transaction. */
export function nodeAnsweredError(nodeUrl: string, endpoint: string, status: number, body: unknown): AppError {
  const said = apiErrorText(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401 || status === 403) {
    return new AppError(
      'unauthorised',
      `The Ergo node at ${nodeUrl} refused access to ${endpoint} (${status}${suffix}).`,
      'Check the node API key in Settings.',
    );
  }
  return new AppError(
    'chain-node-error',
    `The Ergo node at ${nodeUrl} answered ${endpoint} with an error (${status}${suffix}).`,
    endpoint === SUBMIT_ENDPOINT
      ? SUBMIT_OUTCOME_UNKNOWN
      : status >= 500
        ? 'The node has a problem of its own; look at its log or restart it. The app keeps retrying.'
        : 'The node did not accept the request; check that it runs a current Ergo node version.',
  );
}

/**
 * The node refused a transaction (POST /transactions or /transactions/check answer 400 with the reason). The node's
 * texts are not a stable API, so the classification is a best effort for the wording; its own words are always shown.
 */
export function transactionRefused(body: unknown, status: number): AppError {
  const said = apiErrorText(body) ?? `status ${status}`;
  if (/double.?spend|already spent|not found in utxo|input.{0,40}not found/i.test(said)) {
    return new AppError(
      'transaction-conflict',
      `The node refused the transaction: one of the boxes it spends is already spent or about to be (${said}).`,
      'The ledger changed since the transaction was built, or it was already sent. Wait for the next sync and build it again.',
    );
  }
  if (/script|reduced to false|verification|proof/i.test(said)) {
    return new AppError(
      'transaction-rejected',
      `The node refused the transaction: a contract did not accept it (${said}).`,
      'The transaction breaks a ledger rule or was signed for an older state. Sync, build it again, and report it if it keeps failing.',
    );
  }
  return new AppError(
    'transaction-rejected',
    `The node refused the transaction (${said}).`,
    'Nothing was sent. Sync and build the transaction again; report it if it keeps failing.',
  );
}

export function wrongNetwork(nodeUrl: string, reported: string, expected: string): AppError {
  return new AppError(
    'chain-wrong-network',
    `The Ergo node at ${nodeUrl} is on ${reported}, but this ledger lives on ${expected}.`,
    `Point Settings at a ${expected} node. Nothing was read from this one.`,
  );
}

export function networkUnknown(nodeUrl: string): AppError {
  return new AppError(
    'chain-wrong-network',
    `The Ergo node at ${nodeUrl} does not say whether it is on mainnet or testnet.`,
    'Choose the network in Settings so the app can tell which chain it is reading.',
  );
}

export function blockUnknown(nodeUrl: string, headerId: string): AppError {
  return new AppError(
    'not-found',
    `The Ergo node at ${nodeUrl} does not know block ${headerId}.`,
    'The chain may have switched to another branch; the next sync finds where it forked.',
  );
}
