import { AppError, type ErrorCode } from '../errors/app-error';

/*
 * The Explorer is reached with the node's HTTP layer and judged with the node's schemas, so its failures arrive as
 * the node's AppErrors (same codes, which the status bar and the outbox act on). Their wording names "the Ergo
 * node" and tells the treasurer to check their node; here the Explorer is named instead, and the hint says what
 * can be done about a public service the treasurer does not run.
 */

const HINTS: Partial<Record<ErrorCode, string>> = {
  'chain-unreachable': 'Check the internet connection; the public Explorer may also be down or busy. The app keeps retrying.',
  'chain-response-invalid':
    'The public Explorer sent something unexpected, perhaps after a change of its API. Nothing was stored; the app retries, and your own Ergo node is the dependable alternative.',
  'chain-node-error': 'The public Explorer has a problem of its own. The app keeps retrying; your own Ergo node is the dependable alternative.',
};

/** After a failed submit nobody knows whether the Explorer passed the transaction on; resending is the outbox's call. */
const SUBMIT_OUTCOME_UNKNOWN =
  'The transaction may or may not have reached the network. Do not send it again by hand: the app looks for it in the mempool and the chain.';

export function asExplorerError(error: unknown, { submitting = false } = {}): unknown {
  if (!(error instanceof AppError)) return error;
  const hint = HINTS[error.code];
  if (hint === undefined) return error;
  const message = error.message.replace('Ergo node at', 'Ergo Explorer at');
  return new AppError(error.code, message, submitting ? SUBMIT_OUTCOME_UNKNOWN : hint);
}

/** The Explorer has no counterpart of the node's POST /transactions/check. */
export function checkUnsupported(): AppError {
  return new AppError(
    'chain-node-error',
    'The public Ergo Explorer cannot check a transaction without sending it.',
    'The app checks transactions itself before signing; to have a node check them too, use your own Ergo node in Settings.',
  );
}

/**
 * A contract whose address is too long for the URL of the Explorer's listing by address (explorer-client.ts,
 * MAX_REQUEST_TARGET). The code is not one the hints above reword: this is a limit of the public Explorer, not a fault.
 */
export function addressTooLong(explorerUrl: string, treeBytes: number): AppError {
  return new AppError(
    'limit-exceeded',
    `The Ergo Explorer at ${explorerUrl} cannot list the transactions of a contract of ${treeBytes} bytes: its address is longer than the web addresses the Explorer accepts.`,
    'Follow this LETS through your own Ergo node with extraIndex = true (Settings), which takes the address in the body of its request.',
  );
}
