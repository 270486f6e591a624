import type { EIP12UnsignedTransaction, SignedTransaction } from '@fleet-sdk/common';
import { reduceInput, verifyProof } from '../../electron/core/interpreter/sigma-interpreter';
import { bytesToSign } from '../../electron/core/transactions/transaction-bytes';

/**
 * What a node does with each input: the real interpreter reduces the box's script in the transaction's context
 * (context extension included) to a sigma proposition, and the proof must verify for it over bytesToSign.
 * Returns, per input, whether the node would accept it.
 */
export function interpreterAccepts(unsigned: EIP12UnsignedTransaction, signed: SignedTransaction): boolean[] {
  const message = bytesToSign(unsigned);
  return signed.inputs.map((input, index) => {
    const { proposition } = reduceInput(unsigned, index, { height: 1_000_000 });
    return verifyProof(proposition, message, input.spendingProof?.proofBytes ?? '');
  });
}
