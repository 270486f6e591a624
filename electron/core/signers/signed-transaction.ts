import type { Box, EIP12UnsignedTransaction, SignedTransaction } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { boxIdOf, bytesToSign, transactionId } from '../transactions/transaction-bytes';
import { Prover } from '@fleet-sdk/wallet';
import { AppError } from '../errors/app-error';

export function assembleSignedTransaction(tx: EIP12UnsignedTransaction, proofs: readonly Uint8Array[]): SignedTransaction {
  if (proofs.length !== tx.inputs.length) {
    throw new AppError('signature-invalid', 'The signer returned the wrong number of signatures.', 'Nothing was sent. Try signing again.');
  }
  const id = transactionId(tx);
  return {
    id,
    inputs: tx.inputs.map((input, i) => ({
      boxId: input.boxId,
      spendingProof: { proofBytes: hex.encode(proofs[i] as Uint8Array), extension: input.extension },
    })),
    dataInputs: tx.dataInputs.map((dataInput) => ({ boxId: dataInput.boxId })),
    outputs: tx.outputs.map((output, index) => {
      const box: Box<string> = { ...output, boxId: '', transactionId: id, index };
      return { ...box, boxId: boxIdOf(box) };
    }),
  };
}

/**
 * Checks every proof as a Schnorr signature of bytesToSign under the key that was asked to prove the
 * input. This catches a wrong key, a corrupted reply or a mapping bug before anything leaves the app.
 */
export function verifyProofs(tx: EIP12UnsignedTransaction, proofs: readonly Uint8Array[], publicKeys: readonly Uint8Array[]): void {
  const message = bytesToSign(tx);
  const prover = new Prover();
  proofs.forEach((proof, i) => {
    const publicKey = publicKeys[i];
    if (!publicKey || !prover.verify(message, proof, publicKey)) {
      throw new AppError(
        'signature-invalid',
        `The signature for input ${i + 1} does not match the transaction.`,
        'Nothing was sent. Check that the right wallet (seed) is on the device, then sign again.',
      );
    }
  });
}
