import { describe, expect, it } from 'vitest';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { indexedBoxPageSchema, indexedBoxSchema, indexedTransactionPageSchema, indexedTransactionSchema } from '../../electron/core/chain/node-schemas';
import { readIndexedBox, readIndexedBoxPage, readIndexedTransaction, readIndexedTransactionPage } from '../../electron/core/chain/node-transaction-reader';
import { asset, box, idOf, input, LONG_MAX, P2PK_TREE, transaction } from './node-fixtures';

/*
 * The fast reader of the node's index answers (IndexedErgoBox, IndexedErgoTransaction and their pages) must read
 * every answer the zod schemas accept exactly as they do, and leave every answer they refuse to them.
 */

/** The answer as the client sees it: written by the fake node and read back by the node JSON parser. */
function answer(value: unknown): unknown {
  return parseNodeJson(stringifyNodeJson(value));
}

const CONTRACT_TREE = `1004${'0e20'.repeat(2)}${'ab'.repeat(300)}`;

/** IndexedErgoBox: the box plus what the index knows of it (ergo ApiExtraCodecs). */
function indexedBox(overrides: Record<string, unknown> = {}) {
  return { ...box(), globalIndex: 1234n, inclusionHeight: 9150n, address: '3WxxmEVX8Sf8ZPNWtRfyvHLYSyQfWrgnGG55pMB1oPEA8BBa9CZc', spentTransactionId: null, spendingProof: null, ...overrides };
}

/** IndexedErgoTransaction: its inputs are the full boxes it spends, each with the proof that spent it. */
function indexedTransaction(label: string, overrides: Record<string, unknown> = {}, inputOverrides: Record<string, unknown> = {}) {
  const tx = transaction(label, { spends: [`${label} spends`], outputs: [{ ergoTree: CONTRACT_TREE, assets: [asset('LETS', LONG_MAX)], additionalRegisters: { R4: '0e0141' } }, {}] });
  const inputs = tx.inputs.map((spent) =>
    indexedBox({ boxId: spent.boxId, ergoTree: CONTRACT_TREE, transactionId: idOf(`${label} parent`), spentTransactionId: tx.id, spendingProof: spent.spendingProof, ...inputOverrides }),
  );
  const outputs = tx.outputs.map((output, i) => ({ ...output, globalIndex: 2000n + BigInt(i), inclusionHeight: 9151n, address: 'x', spentTransactionId: null, spendingProof: null }));
  return { ...tx, blockId: idOf('block 9151'), inclusionHeight: 9151n, timestamp: 1_767_225_600_000n, index: 2n, globalIndex: 777n, numConfirmations: 3n, inputs, outputs, ...overrides };
}

const validBoxes: [string, unknown][] = [
  ['an unspent box', answer(indexedBox())],
  ['a spent box with tokens and registers', answer(indexedBox({ assets: [asset('LETS', 5n)], additionalRegisters: { R4: '0e0141' }, spentTransactionId: idOf('tx B'), spendingProof: input('box A').spendingProof }))],
  ['uppercase ids and a box without assets', answer(indexedBox({ boxId: idOf('box A').toUpperCase(), spentTransactionId: idOf('tx B').toUpperCase(), assets: undefined }))],
];

const invalidBoxes: [string, unknown][] = [
  ['a box without inclusion height', answer(indexedBox({ inclusionHeight: undefined }))],
  ['a box without spentTransactionId', answer(indexedBox({ spentTransactionId: undefined }))],
  ['a negative global index', answer(indexedBox({ globalIndex: -1n }))],
  ['a global index past 2^53', answer(indexedBox({ globalIndex: 2n ** 53n }))],
  ['a box without transaction id', answer(indexedBox({ transactionId: undefined }))],
  ['a spending transaction that is not an id', answer(indexedBox({ spentTransactionId: 'abc' }))],
];

const validTransactions: [string, unknown][] = [
  ['a transaction with a contract input and output', answer(indexedTransaction('tx A'))],
  ['an input without spentTransactionId', answer(indexedTransaction('tx A', {}, { spentTransactionId: undefined }))],
  ['uppercase ids', answer({ ...indexedTransaction('tx A'), id: idOf('tx A').toUpperCase(), blockId: idOf('block 9151').toUpperCase() })],
];

const invalidTransactions: [string, unknown][] = [
  ['an input spent by another transaction', answer(indexedTransaction('tx A', {}, { spentTransactionId: idOf('tx B') }))],
  ['an input without its tree', answer(indexedTransaction('tx A', {}, { ergoTree: undefined }))],
  ['an input with an empty tree', answer(indexedTransaction('tx A', {}, { ergoTree: '' }))],
  ['an input without proof', answer(indexedTransaction('tx A', {}, { spendingProof: null }))],
  ['no block id', answer(indexedTransaction('tx A', { blockId: undefined }))],
  ['a timestamp as text', answer(indexedTransaction('tx A', { timestamp: '1767225600000' }))],
  ['an output of another transaction', answer(indexedTransaction('tx A', { outputs: [indexedBox({ transactionId: idOf('tx B') })] }))],
  ['an output at the wrong index', answer(indexedTransaction('tx A', { outputs: [indexedBox({ transactionId: idOf('tx A'), index: 1n })] }))],
  ['no inputs', answer(indexedTransaction('tx A', { inputs: [] }))],
];

describe('the fast reader of the node’s index', () => {
  it.each(validBoxes)('reads %s exactly as the schema does', (_name, json) => {
    expect(readIndexedBox(json)).toStrictEqual(indexedBoxSchema.parse(json));
    expect(readIndexedBoxPage({ items: [json, json], total: 9n })).toStrictEqual(indexedBoxPageSchema.parse({ items: [json, json], total: 9n }));
  });

  it.each(invalidBoxes)('leaves %s to the schema, which refuses it', (_name, json) => {
    expect(indexedBoxSchema.safeParse(json).success).toBe(false);
    expect(readIndexedBox(json)).toBeUndefined();
    expect(readIndexedBoxPage({ items: [json], total: 1n })).toBeUndefined();
  });

  it.each(validTransactions)('reads %s exactly as the schema does', (_name, json) => {
    const expected = indexedTransactionSchema.parse(json);
    expect(readIndexedTransaction(json)).toStrictEqual(expected);
    expect(expected.inputTrees).toEqual([CONTRACT_TREE]);
    // Key order matters too: the mirror stores registers as JSON text.
    const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text(readIndexedTransaction(json))).toBe(text(expected));
    const page = { items: [json], total: 1n };
    expect(readIndexedTransactionPage(page)).toStrictEqual(indexedTransactionPageSchema.parse(page));
  });

  it.each(invalidTransactions)('leaves %s to the schema, which refuses it', (_name, json) => {
    expect(indexedTransactionSchema.safeParse(json).success).toBe(false);
    expect(readIndexedTransaction(json)).toBeUndefined();
    expect(readIndexedTransactionPage({ items: [json], total: 1n })).toBeUndefined();
  });

  it('leaves pages that are not pages to the schema', () => {
    const tx = answer(indexedTransaction('tx A'));
    for (const page of [[tx], { items: [tx] }, { items: [tx], total: -1n }, { items: tx, total: 1n }, { items: Array.from({ length: 16_385 }, () => tx), total: 20_000n }]) {
      expect(indexedTransactionPageSchema.safeParse(page).success).toBe(false);
      expect(readIndexedTransactionPage(page)).toBeUndefined();
    }
  });

  it('hands on the transaction as ChainIndex describes it, and keeps the input scripts apart', () => {
    const read = readIndexedTransaction(answer(indexedTransaction('tx A')));
    expect(read?.globalIndex).toBe(777);
    expect(read?.transaction).toMatchObject({ id: idOf('tx A'), blockId: idOf('block 9151'), inclusionHeight: 9151, index: 2, timestamp: 1_767_225_600_000 });
    expect(read?.transaction.inputs).toEqual([{ boxId: idOf('tx A spends'), ...input('x').spendingProof }]);
    expect(read?.transaction.outputs[1]).toEqual({ ...box({ boxId: idOf('tx A output 1'), transactionId: idOf('tx A'), index: 1, creationHeight: 9149, ergoTree: P2PK_TREE }) });
  });
});
