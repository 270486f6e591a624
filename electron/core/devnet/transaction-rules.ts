import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { blake2b256, hex } from '@fleet-sdk/crypto';
import { serializeBox } from '@fleet-sdk/serializer';
import { boxIdOf, bytesToSign } from '../transactions/transaction-bytes';
import type { ChainBox, ChainTransaction, SignedTransactionJson } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import { FALSE_TREE, reduceInput, TRUE_TREE, verifyProof, type NextBlock } from '../interpreter/sigma-interpreter';

/** Node rule: every box pays rent-free storage up front, 360 nanoERG per serialized byte. */
const MIN_VALUE_PER_BYTE = 360n;

export interface UtxoView {
  unspent(boxId: string): ChainBox | undefined;
}

function reject(reason: string): never {
  throw new AppError('transaction-rejected', `The chain refused the transaction: ${reason}`, 'Refresh the ledger and build the transaction again.');
}

/** EIP-12 carries amounts as decimal strings (sigmastate-js insists on it). */
function eip12Amounts<T extends { value: bigint; assets: { tokenId: string; amount: bigint }[] }>(box: T) {
  return { ...box, value: box.value.toString(), assets: box.assets.map((a) => ({ tokenId: a.tokenId, amount: a.amount.toString() })) };
}

/** The same transaction as the interpreter and the signers see it: full input boxes, no proofs. */
function toUnsigned(tx: SignedTransactionJson, inputs: ChainBox[], dataInputs: ChainBox[]): EIP12UnsignedTransaction {
  return {
    inputs: inputs.map((box, i) => ({ ...eip12Amounts(box), extension: tx.inputs[i]?.spendingProof.extension ?? {} })),
    dataInputs: dataInputs.map(eip12Amounts),
    outputs: tx.outputs.map(eip12Amounts),
  };
}

function lookUp(view: UtxoView, boxId: string, role: string): ChainBox {
  return view.unspent(boxId) ?? reject(`${role} ${boxId.slice(0, 12)}… does not exist or is already spent.`);
}

function checkAssets(inputs: ChainBox[], tx: SignedTransactionJson): void {
  const available = new Map<string, bigint>();
  for (const token of inputs.flatMap((b) => b.assets)) available.set(token.tokenId, (available.get(token.tokenId) ?? 0n) + token.amount);
  const mintable = inputs[0]?.boxId;
  const created = new Map<string, bigint>();
  for (const token of tx.outputs.flatMap((o) => o.assets)) {
    if (token.amount <= 0n) reject('an output carries a token amount that is not positive.');
    created.set(token.tokenId, (created.get(token.tokenId) ?? 0n) + token.amount);
  }
  for (const [tokenId, amount] of created) {
    // Ergo mints only one new token per transaction, and its id must be the first input's box id.
    if (tokenId !== mintable && amount > (available.get(tokenId) ?? 0n)) reject(`token ${tokenId.slice(0, 12)}… is created out of nothing.`);
  }
}

/**
 * What a node checks before it accepts a transaction into its mempool: inputs unspent and distinct, ERG conserved,
 * no token out of nothing, minimum box values, sane creation heights, and every input's script reduced by the real
 * interpreter with its proof verified. Returns the transaction as it will appear on chain (ids computed).
 */
export function validateTransaction(tx: SignedTransactionJson, view: UtxoView, next: NextBlock): ChainTransaction {
  if (tx.inputs.length === 0 || tx.outputs.length === 0) reject('it has no inputs or no outputs.');
  const ids = tx.inputs.map((i) => i.boxId);
  if (new Set(ids).size !== ids.length) reject('it spends the same box twice.');
  const inputs = ids.map((id) => lookUp(view, id, 'input box'));
  const dataInputs = tx.dataInputs.map((d) => lookUp(view, d.boxId, 'data input'));

  const valueIn = inputs.reduce((sum, b) => sum + b.value, 0n);
  const valueOut = tx.outputs.reduce((sum, o) => sum + o.value, 0n);
  if (valueIn !== valueOut) reject(`ERG in (${valueIn}) does not equal ERG out (${valueOut}).`);
  checkAssets(inputs, tx);

  const unsigned = toUnsigned(tx, inputs, dataInputs);
  const message = bytesToSign(unsigned);
  const transactionId = hex.encode(blake2b256(message));
  const outputs = tx.outputs.map((o, index) => {
    if (o.creationHeight > next.height) reject(`output ${index + 1} claims a creation height above the next block.`);
    const withoutId = { ...o, assets: o.assets.map((a) => ({ ...a })), transactionId, index };
    const size = BigInt(serializeBox({ ...withoutId, boxId: '' }).toBytes().length);
    if (o.value < size * MIN_VALUE_PER_BYTE) reject(`output ${index + 1} holds ${o.value} nanoERG, below the minimum of ${size * MIN_VALUE_PER_BYTE}.`);
    return { ...withoutId, boxId: boxIdOf(withoutId) };
  });

  tx.inputs.forEach((input, index) => {
    let tree: string;
    let proposition;
    try {
      ({ tree, proposition } = reduceInput(unsigned, index, next));
    } catch (error) {
      return reject(`the script of input ${index + 1} failed: ${String(error).slice(0, 200)}`);
    }
    if (tree === FALSE_TREE) reject(`the script of input ${index + 1} does not allow this spend.`);
    if (tree !== TRUE_TREE && !verifyProof(proposition, message, input.spendingProof.proofBytes)) {
      reject(`the signature for input ${index + 1} is missing or wrong.`);
    }
  });

  return {
    id: transactionId,
    inputs: tx.inputs.map((i) => ({ boxId: i.boxId, proofBytes: i.spendingProof.proofBytes, extension: i.spendingProof.extension })),
    dataInputs: tx.dataInputs.map((d) => ({ boxId: d.boxId })),
    outputs,
  };
}
