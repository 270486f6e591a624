import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { blake2b256, hex } from '@fleet-sdk/crypto';
import { serializeBox } from '@fleet-sdk/serializer';
import { boxIdOf, bytesToSign } from '../transactions/transaction-bytes';
import type { ChainBox, ChainTransaction, SignedTransactionJson } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import { FALSE_TREE, reduceInput, TRUE_TREE, verifyProof, type NextBlock } from '../interpreter/sigma-interpreter';

/** Node rule: every box pays rent-free storage up front, 360 nanoERG per serialized byte. */
const MIN_VALUE_PER_BYTE = 360n;

/**
 * ERG values and token amounts are Java Longs on a node: its JSON decoder reads them `as[Long]` (sigmastate-interpreter
 * sdk/shared/.../JsonCodecs.scala, ergoBoxCandidateDecoder and assetDecoder), and every sum of them is taken with
 * Math.addExact, so a transaction whose amounts or sums go past this is refused, never wrapped.
 */
export const LONG_MAX = 2n ** 63n - 1n;

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

/**
 * Sums amounts as a node does, with Math.addExact: past Long.MaxValue the sum throws and the transaction is refused.
 * The amounts are never negative here (checked before), so the sum exceeds LONG_MAX exactly when addExact would throw.
 */
function sumExact(amounts: readonly bigint[], overflow: string): bigint {
  let sum = 0n;
  for (const amount of amounts) {
    sum += amount;
    if (sum > LONG_MAX) reject(`${overflow} overflows a Long (above ${LONG_MAX}).`);
  }
  return sum;
}

/** Token id → total over the boxes, as ErgoBoxAssetExtractor.extractAssets (ergoplatform/ergo, ergo-wallet) sums them. */
function tokenTotals(boxes: readonly { assets: readonly { tokenId: string; amount: bigint }[] }[], where: string): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const { tokenId, amount } of boxes.flatMap((b) => b.assets)) {
    const total = (totals.get(tokenId) ?? 0n) + amount;
    if (total > LONG_MAX) reject(`the amount of token ${tokenId.slice(0, 12)}… ${where} overflows a Long (above ${LONG_MAX}).`);
    totals.set(tokenId, total);
  }
  return totals;
}

/**
 * Amounts a node could not even decode (a Long each) or that it refuses before looking at any box
 * (ergoplatform/ergo, ErgoTransaction.validateStateless: txNegativeOutput, and txOutputSum with Math.addExact).
 */
function checkAmounts(tx: SignedTransactionJson): bigint {
  tx.outputs.forEach((o, index) => {
    if (o.value < 0n) reject(`output ${index + 1} holds a negative ERG value.`);
    if (o.value > LONG_MAX) reject(`output ${index + 1} holds ${o.value} nanoERG, more than a Long (${LONG_MAX}).`);
    for (const token of o.assets) {
      if (token.amount > LONG_MAX) reject(`output ${index + 1} holds ${token.amount} of token ${token.tokenId.slice(0, 12)}…, more than a Long (${LONG_MAX}).`);
    }
  });
  return sumExact(tx.outputs.map((o) => o.value), 'the sum of the output values');
}

function checkAssets(inputs: ChainBox[], tx: SignedTransactionJson): void {
  // ErgoTransaction.validateStateful, txPositiveAssets: every output token amount is > 0.
  if (tx.outputs.some((o) => o.assets.some((a) => a.amount <= 0n))) reject('an output carries a token amount that is not positive.');
  // txAssetsInOneBox (outAssetsTry) and verifyAssets: one token's total over the outputs, and over the inputs, must fit
  // a Long (extractAssets sums with Math.addExact; a failure is fatal), else e.g. a mint split over two outputs would
  // create more than Long.MaxValue units of one token.
  const created = tokenTotals(tx.outputs, 'across the outputs');
  const available = tokenTotals(inputs, 'across the inputs');
  const mintable = inputs[0]?.boxId;
  for (const [tokenId, amount] of created) {
    // txAssetsPreservation: Ergo mints only one new token per transaction, and its id must be the first input's box id.
    if (tokenId !== mintable && amount > (available.get(tokenId) ?? 0n)) reject(`token ${tokenId.slice(0, 12)}… is created out of nothing.`);
  }
}

/**
 * What a node checks before it accepts a transaction into its mempool: inputs unspent and distinct, amounts and their
 * sums within a Long, ERG conserved, no token out of nothing, minimum box values, creation heights neither above the
 * next block nor below an input's, and every input's script reduced by the real interpreter with its proof verified. Returns the transaction as it will appear on chain (ids computed).
 */
export function validateTransaction(tx: SignedTransactionJson, view: UtxoView, next: NextBlock): ChainTransaction {
  if (tx.inputs.length === 0 || tx.outputs.length === 0) reject('it has no inputs or no outputs.');
  const ids = tx.inputs.map((i) => i.boxId);
  if (new Set(ids).size !== ids.length) reject('it spends the same box twice.');
  const valueOut = checkAmounts(tx);
  const inputs = ids.map((id) => lookUp(view, id, 'input box'));
  const dataInputs = tx.dataInputs.map((d) => lookUp(view, d.boxId, 'data input'));

  // ErgoTransaction.validateStateful: txInputsSum (Math.addExact), then txErgPreservation.
  const valueIn = sumExact(inputs.map((b) => b.value), 'the sum of the input values');
  if (valueIn !== valueOut) reject(`ERG in (${valueIn}) does not equal ERG out (${valueOut}).`);
  checkAssets(inputs, tx);

  const unsigned = toUnsigned(tx, inputs, dataInputs);
  const message = bytesToSign(unsigned);
  const transactionId = hex.encode(blake2b256(message));
  // ergoplatform/ergo, ErgoTransaction.validateStateful → verifyOutput, rule txMonotonicHeight (ValidationRules.scala,
  // id 124, EIP-39): every output's creation height is at least the highest creation height among the inputs (data
  // inputs do not count). It applies from block version 3 (Header.Interpreter50Version, the 5.0 soft-fork; up to
  // HardeningVersion 2 the bound is 0); mainnet has made version 3 blocks since then and the node ships protocolVersion
  // 4, so a node applies it to every transaction today, as the devnet does.
  const maxInputCreationHeight = Math.max(...inputs.map((b) => b.creationHeight));
  const outputs = tx.outputs.map((o, index) => {
    // Rule txFuture (ErgoTransaction.verifyOutput): no output is created above the block that includes it.
    if (o.creationHeight > next.height) reject(`output ${index + 1} claims a creation height above the next block.`);
    if (o.creationHeight < maxInputCreationHeight) reject(`output ${index + 1} claims creation height ${o.creationHeight}, below input's ${maxInputCreationHeight}.`);
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
