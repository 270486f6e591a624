import { describe, expect, it } from 'vitest';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { blockTransactionsSchema, MEMPOOL_PAGE_LIMIT, mempoolPageSchema } from '../../electron/core/chain/node-schemas';
import { readBlockTransactions, readTransactionPage } from '../../electron/core/chain/node-transaction-reader';
import { asset, blockTransactions, box, idOf, input, LONG_MAX, mempoolTransaction, transaction } from './node-fixtures';

/** The answer as the client sees it: written by the fake node and read back by the node JSON parser. */
function answer(value: unknown): unknown {
  return parseNodeJson(stringifyNodeJson(value));
}

function block(...transactions: unknown[]): unknown {
  return answer(blockTransactions('block 667', transactions));
}

const withTokens = transaction('tx A', {
  outputs: [
    { value: LONG_MAX, assets: [asset('LETS', LONG_MAX), asset('member', 1n)], additionalRegisters: { R4: '0e0141', R5: '05c801' } },
    { boxId: idOf('tx A output 1').toUpperCase(), ergoTree: '0008CD03AB', transactionId: undefined, index: undefined },
  ],
});

/** Answers the schema accepts, including unusual but valid ones the fast reader must read identically. */
const valid: [string, unknown][] = [
  ['a block of ordinary transactions', block(transaction('tx A'), transaction('tx B', { spends: ['box B', 'box C'], outputs: [{}, {}] }))],
  ['tokens, registers, uppercase hex and omitted output ids', block(withTokens)],
  ['an output without assets', block({ ...transaction('tx A'), outputs: [{ ...box(), assets: undefined }] })],
  ['an empty block', block()],
  ['fields a newer node adds', block({ ...transaction('tx A'), extra: { nested: [1n] } })],
];

/** Answers the schema refuses: the fast reader must not accept any of them. */
const invalid: [string, unknown][] = [
  ['a negative value', block(transaction('tx A', { outputs: [{ value: -1n }] }))],
  ['a value past Long.MAX', block(transaction('tx A', { outputs: [{ value: LONG_MAX + 1n }] }))],
  ['a value as text', block(transaction('tx A', { outputs: [{ value: '5' }] }))],
  ['a zero token amount', block(transaction('tx A', { outputs: [{ assets: [asset('LETS', 0n)] }] }))],
  ['256 tokens', block(transaction('tx A', { outputs: [{ assets: Array.from({ length: 256 }, (_, i) => asset(`t${i}`, 1n)) }] }))],
  ['a register R3', block(transaction('tx A', { outputs: [{ additionalRegisters: { R3: '0400' } }] }))],
  ['an odd-length register', block(transaction('tx A', { outputs: [{ additionalRegisters: { R4: '040' } }] }))],
  ['a register past the box size', block(transaction('tx A', { outputs: [{ additionalRegisters: { R4: '00'.repeat(4097) } }] }))],
  ['an empty tree', block(transaction('tx A', { outputs: [{ ergoTree: '' }] }))],
  ['a tree that is not hex', block(transaction('tx A', { outputs: [{ ergoTree: '0008cd03zz' }] }))],
  ['a 63-character box id', block(transaction('tx A', { outputs: [{ boxId: idOf('x').slice(1) }] }))],
  ['an output at the wrong index', block(transaction('tx A', { outputs: [{ index: 3n }] }))],
  ['an output of another transaction', block(transaction('tx A', { outputs: [{ transactionId: idOf('tx B') }] }))],
  ['a height past int32', block(transaction('tx A', { outputs: [{ creationHeight: 2n ** 31n }] }))],
  ['a fractional height', parseNodeJson(stringifyNodeJson(blockTransactions('block 667', [transaction('tx A')])).replace('"creationHeight":9149', '"creationHeight":9149.5'))],
  ['no inputs', block({ ...transaction('tx A'), inputs: [] })],
  ['no outputs', block({ ...transaction('tx A'), outputs: [] })],
  ['an input without proof', block({ ...transaction('tx A'), inputs: [{ boxId: idOf('box A') }] })],
  ['a context variable named x', block({ ...transaction('tx A'), inputs: [{ ...input('box A'), spendingProof: { proofBytes: '', extension: { x: '00' } } }] })],
  ['data inputs missing', block({ ...transaction('tx A'), dataInputs: undefined })],
  ['a block without header id', answer({ transactions: [] })],
  ['transactions as an object', answer({ headerId: idOf('block 667'), transactions: {} })],
];

describe('the fast reader of block transactions', () => {
  it.each(valid)('reads %s exactly as the schema does', (_name, json) => {
    const expected = blockTransactionsSchema.parse(json);
    expect(readBlockTransactions(json)).toStrictEqual(expected);
    // Key order matters too: the mirror stores registers as JSON text.
    expect(JSON.stringify(readBlockTransactions(json), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toBe(
      JSON.stringify(expected, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    );
  });

  it.each(invalid)('leaves %s to the schema, which refuses it', (_name, json) => {
    expect(blockTransactionsSchema.safeParse(json).success).toBe(false);
    expect(readBlockTransactions(json)).toBeUndefined();
  });

  it('checks a long tree it has already accepted no less strictly in the next block', () => {
    const tree = `0008cd${'ab'.repeat(200)}`;
    const good = block(transaction('tx A', { outputs: [{ ergoTree: tree }, { ergoTree: tree }] }));
    expect(readBlockTransactions(good)).toStrictEqual(blockTransactionsSchema.parse(good));
    // More distinct trees than it remembers, so that some are forgotten again on the way.
    for (let i = 0; i < 100; i++) {
      const other = block(transaction('tx A', { outputs: [{ ergoTree: `0008cd${i.toString(16).padStart(4, '0')}${'cd'.repeat(200)}` }] }));
      expect(readBlockTransactions(other)).toStrictEqual(blockTransactionsSchema.parse(other));
    }
    for (const bad of [`0008cd${'ab'.repeat(199)}zz`, `0008cd${'ab'.repeat(199)}a`]) {
      const json = block(transaction('tx A', { outputs: [{ ergoTree: tree }, { ergoTree: bad }] }));
      expect(blockTransactionsSchema.safeParse(json).success).toBe(false);
      expect(readBlockTransactions(json)).toBeUndefined();
    }
  });

  it('leaves a "__proto__" register to the schema', () => {
    const json = parseNodeJson(stringifyNodeJson(blockTransactions('block 667', [transaction('tx A')])).replace('"additionalRegisters":{}', '"additionalRegisters":{"__proto__":"00"}'));
    expect(readBlockTransactions(json)).toBeUndefined();
  });
});

describe('the fast reader of mempool pages', () => {
  it('reads a page as the schema does, dropping the input boxes the mempool adds', () => {
    const json = answer([mempoolTransaction('tx A'), mempoolTransaction('tx B')]);
    expect(readTransactionPage(json, MEMPOOL_PAGE_LIMIT)).toStrictEqual(mempoolPageSchema.parse(json));
  });

  it('leaves a page longer than the limit to the schema', () => {
    const json = answer(Array.from({ length: MEMPOOL_PAGE_LIMIT + 1 }, (_, i) => mempoolTransaction(`tx ${i}`)));
    expect(mempoolPageSchema.safeParse(json).success).toBe(false);
    expect(readTransactionPage(json, MEMPOOL_PAGE_LIMIT)).toBeUndefined();
  });
});
