import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { checkCreationHeights } from './height-rules';
import { checkSigningShape } from './signing-shape';
import { checkTokenBalance, checkTokenCount } from './token-rules';
import { checkErgBalance, checkFee, checkMinimumBoxValues, MIN_FEE, MIN_VALUE_PER_BYTE } from './value-rules';

export interface PreflightContext {
  /** Current chain tip; outputs must be created at or below it. */
  height: number;
  minFee?: bigint;
  minValuePerByte?: bigint;
}

/**
 * Rules the chain (or the Ledger) would enforce but mock-chain does not, checked on every built
 * transaction before it may be signed. Throws AppError('preflight-failed') naming the first broken rule.
 * The cheap structural rules run first; the interpreter runs last.
 */
export function preflight(tx: EIP12UnsignedTransaction, context: PreflightContext): void {
  checkErgBalance(tx);
  checkFee(tx, context.minFee ?? MIN_FEE);
  checkMinimumBoxValues(tx, context.minValuePerByte ?? MIN_VALUE_PER_BYTE);
  checkTokenCount(tx);
  checkTokenBalance(tx);
  checkCreationHeights(tx, context.height);
  checkSigningShape(tx, context.height);
}
