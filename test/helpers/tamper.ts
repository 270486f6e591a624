import type { Amount, Box, EIP12UnsignedInput, EIP12UnsignedTransaction, NonMandatoryRegisters } from '@fleet-sdk/common';
import { encodeAccountRegisters } from '../../electron/core/contracts/registers';

/** A copy of `tx` changed by `change`: attacks start from a valid transaction and alter one thing. */
export function tamper(tx: EIP12UnsignedTransaction, change: (copy: EIP12UnsignedTransaction) => void): EIP12UnsignedTransaction {
  const copy = structuredClone(tx);
  change(copy);
  return copy;
}

export function output(tx: EIP12UnsignedTransaction, index: number) {
  const box = tx.outputs[index];
  if (!box) throw new Error(`no output ${index}`);
  return box;
}

export function setBalance(tx: EIP12UnsignedTransaction, index: number, owner: string, balance: bigint): void {
  output(tx, index).additionalRegisters = encodeAccountRegisters({ owner, balance }) as NonMandatoryRegisters;
}

/** A box as a transaction input, for attacks that slip a box into a transaction built for another. */
export function asInput(box: Box<Amount>): EIP12UnsignedInput {
  return {
    ...box,
    value: box.value.toString(),
    assets: box.assets.map(({ tokenId, amount }) => ({ tokenId, amount: amount.toString() })),
    extension: {},
  };
}
