import type { Amount, BoxCandidate, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { blake2b256, hex } from '@fleet-sdk/crypto';
import { serializeBox, serializeTransaction } from '@fleet-sdk/serializer';

/**
 * The message every input proof signs: the transaction serialized with empty proofs ("bytesToSign"). Its
 * blake2b256 is the transaction id, so the boxes a transaction will create, ids included, are known before it is
 * signed; the Ledger app hashes the same bytes as they stream in.
 */
export function bytesToSign(tx: EIP12UnsignedTransaction): Uint8Array {
  return serializeTransaction({
    inputs: tx.inputs.map(({ boxId, extension }) => ({ boxId, extension })),
    dataInputs: tx.dataInputs.map(({ boxId }) => ({ boxId })),
    outputs: tx.outputs,
  }).toBytes();
}

export function transactionId(tx: EIP12UnsignedTransaction): string {
  return hex.encode(blake2b256(bytesToSign(tx)));
}

/** A box's id: blake2b256 of the box serialized with the id of its creating transaction and its index. */
export function boxIdOf(box: BoxCandidate<Amount> & { transactionId: string; index: number }): string {
  return hex.encode(blake2b256(serializeBox({ ...box, boxId: '' }).toBytes()));
}
