import { FEE_CONTRACT, type EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { estimateBoxSize } from '@fleet-sdk/serializer';
import { refuse } from './refuse';

/** Node default for the smallest fee it relays (0.001 ERG). */
export const MIN_FEE = 1_000_000n;
/** Mainnet `minValuePerByte`: a box must hold at least this many nanoERG per serialised byte. */
export const MIN_VALUE_PER_BYTE = 360n;

function ergOf(boxes: { value: string | bigint }[]): bigint {
  return boxes.reduce((sum, box) => sum + BigInt(box.value), 0n);
}

export function checkErgBalance(tx: EIP12UnsignedTransaction): void {
  const spent = ergOf(tx.inputs);
  const created = ergOf(tx.outputs);
  if (spent !== created) {
    refuse(
      `The ERG do not add up: inputs hold ${spent} nanoERG, outputs and fee ${created} nanoERG.`,
      'Build the transaction again so that change and fee take up exactly what the inputs hold.',
    );
  }
}

export function checkFee(tx: EIP12UnsignedTransaction, minFee: bigint): void {
  const fees = tx.outputs.filter((output) => output.ergoTree === FEE_CONTRACT);
  const fee = fees[0];
  if (fees.length !== 1 || !fee) {
    refuse('The transaction has no miner fee output, so no miner would include it.', 'Build it again with a fee.');
  }
  if (BigInt(fee.value) < minFee) {
    refuse(
      `The miner fee of ${fee.value} nanoERG is below the minimum of ${minFee} nanoERG.`,
      'Build the transaction again with at least the minimum fee.',
    );
  }
}

export function checkMinimumBoxValues(tx: EIP12UnsignedTransaction, valuePerByte: bigint): void {
  tx.outputs.forEach((output, index) => {
    const minimum = BigInt(estimateBoxSize(output)) * valuePerByte;
    if (BigInt(output.value) < minimum) {
      refuse(
        `Output ${index + 1} holds ${output.value} nanoERG, below the ${minimum} nanoERG its size requires.`,
        'Every box on Ergo must hold a minimum of ERG for its size; add ERG to it.',
      );
    }
  });
}
