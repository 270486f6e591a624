/**
 * Errors are values with a code, a sentence for the treasurer and a hint of what to do next.
 * They cross the API boundary as plain data (see toErrorPayload); a stack trace never reaches the UI.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-call'
  | 'unauthorised'
  | 'not-found'
  | 'conflict'
  | 'limit-exceeded'
  | 'preflight-failed'
  | 'below-credit-floor'
  | 'above-credit-cap'
  | 'collateral-too-low'
  | 'collateral-locked'
  | 'contract-error'
  | 'chain-unreachable'
  | 'chain-response-invalid'
  | 'chain-node-error'
  | 'chain-wrong-network'
  | 'not-a-lets'
  | 'lets-lookalike'
  | 'lets-birth-invalid'
  | 'no-chain-index'
  | 'mainnet-unconfirmed'
  | 'transaction-rejected'
  | 'transaction-conflict'
  | 'device-error'
  | 'device-not-connected'
  | 'device-locked'
  | 'device-wrong-app'
  | 'device-wrong-wallet'
  | 'device-busy'
  | 'device-rejected'
  | 'device-disconnected'
  | 'device-timeout'
  | 'signature-invalid'
  | 'database-error'
  | 'internal';

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  hint: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Anything thrown below the API boundary becomes a payload; unexpected errors are not leaked verbatim. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  return {
    code: 'internal',
    message: 'Something went wrong inside the app.',
    hint: 'Try again. If it keeps happening, restart the app; your data is safe in the local database.',
  };
}
