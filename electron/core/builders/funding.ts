import { type Amount, type Box, type EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { InsufficientInputs, OutputBuilder, RECOMMENDED_MIN_FEE_VALUE, TransactionBuilder } from '@fleet-sdk/core';
import { AppError } from '../errors/app-error';
import { preflight } from '../preflight/preflight';

/** Who pays: the signer's own wallet boxes fund the fee (and any new box), change goes back to them. */
export interface Funding {
  walletBoxes: Box<Amount>[];
  changeAddress: string;
  /** Current chain height; every output is created at it. */
  height: number;
  /** Miner fee in nanoERG; defaults to Fleet's recommended minimum. */
  fee?: bigint;
}

/**
 * Contract inputs come first and in the given order (our contracts address them by position), wallet
 * boxes are selected after them as needed. Outputs: the contract outputs in order, then fee, then change.
 * Runs pre-flight, so whatever this returns may be shown to a signer.
 */
export function assembleTransaction(
  contractInputs: Box<Amount>[],
  outputs: OutputBuilder[],
  funding: Funding,
): EIP12UnsignedTransaction {
  let tx: EIP12UnsignedTransaction;
  try {
    tx = new TransactionBuilder(funding.height)
      .from(contractInputs, { ensureInclusion: true })
      .and.from(funding.walletBoxes)
      .to(outputs)
      .payFee(funding.fee ?? RECOMMENDED_MIN_FEE_VALUE)
      .sendChangeTo(funding.changeAddress)
      .build()
      .toEIP12Object();
  } catch (error) {
    if (error instanceof InsufficientInputs) {
      throw new AppError(
        'invalid-input',
        'The wallet paying for this transaction does not hold enough ERG for the fee and the new boxes.',
        'Send a little ERG to the paying wallet (0.01 ERG covers many transactions) and try again.',
      );
    }
    throw error;
  }
  preflight(tx, { height: funding.height });
  return tx;
}

/** The ERG every LETS box carries: Fleet's safe minimum, far above what their size requires. */
export { SAFE_MIN_BOX_VALUE as LETS_BOX_VALUE } from '@fleet-sdk/core';
