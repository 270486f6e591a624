import { AppError } from '../errors/app-error';
import type { ChainHeader } from './chain-source';

/** An id as refusals name it: its first 12 hex digits, as statements and the ledger show transactions. */
export const shortId = (id: string) => `${String(id).slice(0, 12)}…`;

const CHANGED_ON_THE_WAY = 'The node, or something between it and this computer, changed its answer. Use another node you trust, then sync again.';

/**
 * A chain source's answer the checks refused (chain-checks.ts): what it sent and what is wrong with it, in words, and
 * that nothing of it reached the mirror.
 */
export function refusedAnswer(what: string, hint = CHANGED_ON_THE_WAY): AppError {
  return new AppError('chain-response-invalid', `The chain source sent ${what}: nothing of it was stored.`, hint);
}

/** The refusal of a block header, named by height and id. */
export function refusedHeader(header: Pick<ChainHeader, 'height' | 'id'>, problem: string, hint?: string): AppError {
  return refusedAnswer(`a block header (height ${header.height}, id ${shortId(header.id)}) ${problem}`, hint);
}
