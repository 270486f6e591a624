import type { Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { ErgoBox } from '@fleet-sdk/core';
import { transactionId } from '../transactions/transaction-bytes';

/** The boxes a transaction will create, with the ids the chain will give them (known before signing). */
export function createdBoxes(tx: EIP12UnsignedTransaction): Box<string>[] {
  const id = transactionId(tx);
  return tx.outputs.map((output, index) => new ErgoBox(output, id, index).toPlainObject('EIP-12'));
}
