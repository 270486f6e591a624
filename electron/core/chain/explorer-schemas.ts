import { z } from 'zod';
import { hexId, MEMPOOL_PAGE_LIMIT } from './node-schemas';

/*
 * The answers of the public Ergo Explorer (github.com/ergoplatform/explorer-backend, modules/explorer-api: the v1
 * and v0 models) as the node's shapes. The Explorer names fields differently from the node (a box's `id` and `txId`
 * in v0, registers as objects in v1) but carries the same values, so these schemas only check the Explorer's
 * envelope and rename; the node's schemas (node-schemas.ts) then judge every value with the same rules as for a
 * node, so an Explorer box can never be accepted where a node box would be refused. Numbers arrive as bigint
 * (parseNodeJson), so int64 amounts beyond 2^53 stay exact.
 */

const anything = z.unknown();

/**
 * v0 answers registers as `{ "R4": "hex" }`, v1 as `{ "R4": { "serializedValue": "hex", "sigmaType", "renderedValue" } }`
 * (explorer protocol/registers.scala). Only the serialized bytes matter; the rendering is the Explorer's opinion.
 */
const registers = z.record(z.string(), anything, { error: 'must be an object of registers R4 to R9' }).transform((entries) =>
  // Object.fromEntries creates own properties, so a "__proto__" register stays a key for the node schema to refuse.
  Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, serializedValue(value)])),
);

function serializedValue(register: unknown): unknown {
  if (typeof register === 'object' && register !== null && 'serializedValue' in register) return register.serializedValue;
  return register;
}

const boxValues = { value: anything, ergoTree: anything, creationHeight: anything, assets: anything, additionalRegisters: registers };

/** v0 OutputInfo and UOutputInfo (blocks and mempool): `id` and `txId`. */
const v0Output = z
  .object({ id: anything, txId: anything, index: anything, ...boxValues }, { error: 'must be a box object' })
  .transform(({ id, txId, ...box }) => ({ boxId: id, transactionId: txId, ...box }));

/** The box fields of a v1 OutputInfo, which v1 names as the node does. */
const v1OutputFields = { boxId: anything, transactionId: anything, index: anything, ...boxValues };
const mainChain = z.boolean({ error: 'must be true or false' });

/** v1 OutputInfo (GET /api/v1/boxes/…): node names, plus whether and where it is spent. */
export const explorerBoxSchema = z
  .object({ ...v1OutputFields, spentTransactionId: hexId.nullable(), mainChain }, { error: 'must be a box object' })
  .transform(({ spentTransactionId, mainChain, ...box }) => ({ box, unspent: spentTransactionId === null && mainChain }));

/**
 * v1 OutputInfo as the index answers it (a box by id, the boxes that held a token), in the names of the node's
 * IndexedErgoBox for indexedBoxSchema: the height of the block that settled it is the node's inclusion height.
 */
export const explorerIndexedBoxSchema = z
  .object({ ...v1OutputFields, globalIndex: anything, settlementHeight: anything, spentTransactionId: anything, mainChain }, { error: 'must be a box object' })
  .transform(({ settlementHeight, mainChain, ...box }) => ({ box: { ...box, inclusionHeight: settlementHeight }, mainChain }));

const proofBytes = z.string({ error: 'must be hexadecimal text' }).nullable();

/**
 * Confirmed inputs (v0 and v1 InputInfo) carry the proof bytes but not the context extension; the mirror reads
 * neither, so an input without them is still a complete record of which box was spent. An empty proof comes back as
 * null.
 */
function confirmedProof(spendingProof: string | null) {
  return { proofBytes: spendingProof ?? '', extension: {} };
}

const v0Input = z
  .object({ id: anything, spendingProof: proofBytes }, { error: 'must be an input object' })
  .transform(({ id, spendingProof }) => ({ boxId: id, spendingProof: confirmedProof(spendingProof) }));

/** Mempool inputs (v0 UInputInfo) carry the whole spending proof. */
const v0MempoolInput = z
  .object({ id: anything, spendingProof: z.object({ proofBytes, extension: anything }, { error: 'must be a spending proof object' }) }, { error: 'must be an input object' })
  .transform(({ id, spendingProof }) => ({ boxId: id, spendingProof: { proofBytes: spendingProof.proofBytes ?? '', extension: spendingProof.extension } }));

const v0DataInput = z.object({ id: anything }, { error: 'must be a data input object' }).transform(({ id }) => ({ boxId: id }));

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: 'must be a list' });
}

function v0Transaction<I extends z.ZodType>(input: I) {
  return z.object({ id: anything, inputs: list(input), dataInputs: list(v0DataInput), outputs: list(v0Output) }, { error: 'must be a transaction object' });
}

const blockTransaction = v0Transaction(v0Input).extend({
  index: z.bigint({ error: 'must be a whole number' }).transform(Number),
});

/**
 * A v0 HeaderInfo writes votes as hex and d as a decimal string, a v1 HeaderInfo votes as three numbers
 * (explorer http/api/v0/models/HeaderInfo.scala, PowSolutionInfo); neither carries unparsedBytes, which no block has
 * used yet. They are put in the node's form for the node's header schema to judge.
 */
const explorerHeader = z
  .object(
    {
      votes: z.union([z.string(), z.array(z.bigint()).length(3)], { error: 'must be hexadecimal text or three numbers' }),
      powSolutions: z.object({ d: z.union([z.string().regex(/^\d{1,100}$/), z.bigint()], { error: 'must be a whole number' }) }).passthrough(),
    },
    { error: 'must be a block header object' },
  )
  .passthrough()
  .transform(({ votes, powSolutions, ...header }) => ({
    ...header,
    votes: typeof votes === 'string' ? votes : votes.map((vote) => (Number(vote) & 0xff).toString(16).padStart(2, '0')).join(''),
    powSolutions: { ...powSolutions, d: BigInt(powSolutions.d) },
  }));

/**
 * GET /api/v1/blocks/{id}: v0 BlockSummary { block: { header, blockTransactions }, references }. The transactions
 * come with their position in the block, which decides the order boxes are created and spent in, so they are put
 * in that order and the positions must be exactly 0…n−1.
 */
export const explorerBlockSchema = z
  .object(
    {
      block: z.object({ header: explorerHeader, blockTransactions: list(blockTransaction) }, { error: 'must be a block object' }),
    },
    { error: 'must be a block summary object' },
  )
  .transform(({ block }) => ({ header: block.header, transactions: [...block.blockTransactions].sort((a, b) => a.index - b.index) }))
  .superRefine(({ transactions }, context) => {
    if (transactions.some((tx, position) => tx.index !== position)) {
      context.addIssue({ code: 'custom', path: ['block', 'blockTransactions'], message: 'do not have the positions 0 to n−1 in the block' });
    }
  })
  .transform(({ header, transactions }) => ({ header, transactions: transactions.map(({ index: _index, ...tx }) => tx) }));

/** GET /api/v0/transactions/unconfirmed: Items[UTransactionInfo], one page of at most the limit asked for. */
export const explorerMempoolPageSchema = z
  .object({ items: list(v0Transaction(v0MempoolInput)).max(MEMPOOL_PAGE_LIMIT, `must have at most ${MEMPOOL_PAGE_LIMIT} entries`) }, { error: 'must be a page object' })
  .transform(({ items }) => items);

/** v1 InputInfo: the box it spends with that box's script, which says whether the transaction touches a script. */
const v1Input = z
  .object({ boxId: anything, ergoTree: anything, spendingProof: proofBytes }, { error: 'must be an input object' })
  .transform(({ boxId, ergoTree, spendingProof }) => ({ boxId, ergoTree, spendingProof: confirmedProof(spendingProof) }));

const v1DataInput = z.object({ boxId: anything }, { error: 'must be a data input object' });

/**
 * v1 TransactionInfo (GET /api/v1/transactions/{id}, the items of /api/v1/addresses/{address}/transactions) in the
 * names of the node's IndexedErgoTransaction, for indexedTransactionSchema. Its timestamp is its block's (explorer
 * chain-grabber, txsBuildFrom), as the node's is.
 */
export const explorerTransactionSchema = z.object(
  {
    id: anything,
    blockId: anything,
    inclusionHeight: anything,
    timestamp: anything,
    index: anything,
    globalIndex: anything,
    inputs: list(v1Input),
    dataInputs: list(v1DataInput),
    outputs: list(z.object(v1OutputFields, { error: 'must be a box object' })),
  },
  { error: 'must be a transaction object' },
);

/** Items[A] of the v1 listings: one page and the size of the whole listing. */
function v1Page<T extends z.ZodType>(item: T) {
  return z.object({ items: list(item), total: anything }, { error: 'must be a page object with items and total' });
}

/** GET /api/v1/boxes/byTokenId/{tokenId}: Items[OutputInfo]. */
export const explorerIndexedBoxPageSchema = v1Page(explorerIndexedBoxSchema);

/** GET /api/v1/addresses/{address}/transactions: Items[TransactionInfo]. */
export const explorerTransactionPageSchema = v1Page(explorerTransactionSchema);

/** GET /api/v1/boxes/unspent/byErgoTree/{tree}: Items[OutputInfo]. */
export const explorerBoxPageSchema = z.object({ items: list(anything) }, { error: 'must be a page object' }).transform(({ items }) => items);

/** GET /api/v1/networkState: the tip of the main chain as far as the Explorer has indexed it. */
export const networkStateSchema = z.object(
  {
    lastBlockId: hexId,
    height: z
      .bigint({ error: 'must be a whole number' })
      .min(0n, 'must not be negative')
      .max(2_147_483_647n, 'must be at most 2147483647')
      .transform(Number),
  },
  { error: 'must be a network state object' },
);

/** POST /api/v1/mempool/transactions/submit: TxIdResponse. */
export const submittedSchema = z.object({ id: hexId }, { error: 'must be a transaction id object' }).transform(({ id }) => id);
