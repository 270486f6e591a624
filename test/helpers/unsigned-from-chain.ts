import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import type { ChainIndex } from '../../electron/core/chain/chain-index';

/**
 * A confirmed transaction as it stood before it was signed, rebuilt from the chain's index: its input and data input
 * boxes whole (as the index keeps spent boxes), its outputs as candidates, no proofs. What the review's reader reads.
 */
export async function unsignedFromChain(index: ChainIndex, transactionId: string): Promise<EIP12UnsignedTransaction> {
  const tx = await index.transaction(transactionId);
  if (!tx) throw new Error(`the index does not know transaction ${transactionId}`);
  const whole = async (boxId: string) => {
    const box = await index.box(boxId);
    if (!box) throw new Error(`the index does not know box ${boxId}`);
    const { boxId: id, transactionId: createdBy, index: at, ergoTree, creationHeight, additionalRegisters } = box;
    return { boxId: id, transactionId: createdBy, index: at, ergoTree, creationHeight, additionalRegisters, value: String(box.value), assets: box.assets.map((a) => ({ tokenId: a.tokenId, amount: String(a.amount) })) };
  };
  return {
    inputs: await Promise.all(tx.inputs.map(async (input) => ({ ...(await whole(input.boxId)), extension: input.extension }))),
    dataInputs: await Promise.all(tx.dataInputs.map((d) => whole(d.boxId))),
    outputs: tx.outputs.map((o) => ({ value: String(o.value), ergoTree: o.ergoTree, creationHeight: o.creationHeight, assets: o.assets.map((a) => ({ tokenId: a.tokenId, amount: String(a.amount) })), additionalRegisters: o.additionalRegisters })),
  };
}
