import type { SignedTransaction } from '@fleet-sdk/common';
import type { SignedTransactionJson } from './chain-source';

/** A Fleet-signed transaction (amounts as strings or bigints) in the node's shape with bigint amounts. */
export function toSignedTransactionJson(signed: SignedTransaction): SignedTransactionJson {
  return {
    id: signed.id,
    inputs: signed.inputs.map((i) => ({
      boxId: i.boxId,
      spendingProof: { proofBytes: i.spendingProof?.proofBytes ?? '', extension: { ...i.spendingProof?.extension } as Record<string, string> },
    })),
    dataInputs: signed.dataInputs.map((d) => ({ boxId: d.boxId })),
    outputs: signed.outputs.map((o) => ({
      value: BigInt(o.value),
      ergoTree: o.ergoTree,
      creationHeight: o.creationHeight,
      assets: o.assets.map((a) => ({ tokenId: a.tokenId, amount: BigInt(a.amount) })),
      additionalRegisters: { ...o.additionalRegisters },
    })),
  };
}
