import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { refuse } from './refuse';

/** A day of blocks: an older creation height means the transaction was built from stale state. */
export const MAX_CREATION_AGE = 720;

/**
 * The chain refuses outputs created "in the future" and, since block version 3, outputs older than any
 * input (monotonic creation height).
 */
export function checkCreationHeights(tx: EIP12UnsignedTransaction, height: number): void {
  const newestInput = Math.max(0, ...tx.inputs.map((input) => input.creationHeight));
  tx.outputs.forEach((output, index) => {
    const at = output.creationHeight;
    if (at > height || at < newestInput || at < height - MAX_CREATION_AGE) {
      refuse(
        `Output ${index + 1} claims creation height ${at}, outside the allowed range ${Math.max(newestInput, height - MAX_CREATION_AGE)}–${height}.`,
        'Build the transaction again at the current height.',
      );
    }
  });
}
