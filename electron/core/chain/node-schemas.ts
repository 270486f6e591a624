import { z } from 'zod';
import type { IndexedBox, IndexedTransaction } from './chain-index';
import type { Side } from './merkle';
import { SECP256K1_GENERATOR, type ChainBox, type ChainHeader, type ChainInput, type ChainTip, type ChainTransaction } from './chain-source';

/**
 * Schemas for the Ergo node responses we use (spec: shared/ergo-node-openapi.yaml). Strict about every field the
 * mirror relies on, silent about fields it does not read (z.object drops them), so a newer node version that adds
 * fields still works while a wrong or missing value never reaches the mirror. Numbers arrive as bigint from
 * parseNodeJson, so every numeric field here is checked as bigint and narrowed explicitly.
 */

const LONG_MAX = 9_223_372_036_854_775_807n;
const INT32_MAX = 2_147_483_647n;
/** sigmastate ErgoBox.MaxBoxSize: a whole box is at most 4096 bytes, so no tree or register can be longer. */
const MAX_BOX_HEX = 2 * 4096;
/** Inputs, data inputs and outputs are counted as an unsigned short in the transaction serialization (≤ Short.MaxValue). */
const MAX_TX_ITEMS = 32_767;
/** The token count of a box is serialised in one byte. */
const MAX_TOKENS_PER_BOX = 255;
/**
 * Bounds below are far above anything a real node sends (a block is about 1.2 MB, a height has a handful of forked
 * headers); they exist so a hostile answer is refused before the mirror loops over it.
 */
const MAX_HEADERS_AT_HEIGHT = 1_000;
const MAX_TRANSACTIONS_PER_BLOCK = 100_000;
export const MEMPOOL_PAGE_LIMIT = 100;

const WHOLE_NUMBER = 'must be a whole number';

export const hexId = z
  .string({ error: 'must be a text of 64 hexadecimal characters' })
  .regex(/^[0-9a-fA-F]{64}$/, 'must be exactly 64 hexadecimal characters')
  // Ids are compared as text in the mirror; a node writes lowercase, but an uppercase echo must not look like a new id.
  .transform((id) => id.toLowerCase());

function hexBytes(maxChars?: number) {
  const text = z.string({ error: 'must be hexadecimal text' }).regex(/^(?:[0-9a-fA-F]{2})*$/, 'must be hexadecimal bytes');
  return (maxChars === undefined ? text : text.max(maxChars, `must be at most ${maxChars / 2} bytes`)).transform((hex) =>
    hex.toLowerCase(),
  );
}

const int32 = z
  .bigint({ error: WHOLE_NUMBER })
  .min(0n, 'must not be negative')
  .max(INT32_MAX, `must be at most ${INT32_MAX}`)
  .transform(Number);

const int64 = (min: bigint) =>
  z
    .bigint({ error: WHOLE_NUMBER })
    .min(min, min === 0n ? 'must not be negative' : `must be at least ${min}`)
    .max(LONG_MAX, `must be at most ${LONG_MAX}`);

const timestampMs = z
  .bigint({ error: WHOLE_NUMBER })
  .min(0n, 'must not be negative')
  .max(BigInt(Number.MAX_SAFE_INTEGER), 'is not a plausible time')
  .transform(Number);

const registers = z.partialRecord(z.enum(['R4', 'R5', 'R6', 'R7', 'R8', 'R9']), hexBytes(MAX_BOX_HEX), {
  error: 'must be an object of registers R4 to R9',
});

const asset = z.object(
  {
    tokenId: hexId,
    // Consensus rejects zero token amounts, so a zero here means the answer is not a real box.
    amount: int64(1n),
  },
  { error: 'must be a token object' },
);

const boxFields = {
  boxId: hexId,
  value: int64(0n),
  ergoTree: hexBytes(MAX_BOX_HEX).refine((tree) => tree.length > 0, 'must not be empty'),
  creationHeight: int32,
  // The spec marks assets optional; a box without tokens may omit it.
  assets: z.array(asset, { error: 'must be a list' }).max(MAX_TOKENS_PER_BOX, `must hold at most ${MAX_TOKENS_PER_BOX} tokens`).default([]),
  additionalRegisters: registers,
};

/** GET /utxo/byId/{boxId}: ErgoTransactionOutput, with the ids the spec marks optional but the mirror needs. */
export const unspentBoxSchema = z.object(
  { ...boxFields, transactionId: hexId, index: int32 },
  { error: 'must be a box object' },
) satisfies z.ZodType<ChainBox, unknown>;

/** A transaction output; its transactionId and index may be omitted, and if present must match where it sits. */
const outputSchema = z.object({ ...boxFields, transactionId: hexId.optional(), index: int32.optional() }, { error: 'must be a box object' });

const spendingProof = z.object(
  {
    proofBytes: hexBytes(),
    // Context variable ids are bytes; the node writes them as decimal keys.
    extension: z.record(z.string().regex(/^\d{1,3}$/, 'must be a context variable number'), hexBytes(), {
      error: 'must be an object of context variables',
    }),
  },
  { error: 'must be a spending proof object' },
);

const inputSchema = z
  .object({ boxId: hexId, spendingProof }, { error: 'must be an input object' })
  .transform(({ boxId, spendingProof }): ChainInput => ({ boxId, ...spendingProof }));

/** Outputs that state their transaction id and index must sit in that transaction at that index. */
function outputsInPlace(tx: { id: string; outputs: { transactionId?: string | undefined; index?: number | undefined }[] }, context: z.RefinementCtx): void {
  tx.outputs.forEach((output, index) => {
    if (output.transactionId !== undefined && output.transactionId !== tx.id) {
      context.addIssue({ code: 'custom', path: ['outputs', index, 'transactionId'], message: 'does not match the transaction id' });
    }
    if (output.index !== undefined && output.index !== index) {
      context.addIssue({ code: 'custom', path: ['outputs', index, 'index'], message: 'does not match its position' });
    }
  });
}

function itemList<T extends z.ZodType>(item: T, max: number) {
  return z.array(item, { error: 'must be a list' }).max(max, `must have at most ${max} entries`);
}

/** ErgoTransaction (block) and ErgoTransactionWithInputBoxes (mempool): the input boxes' extra fields are dropped. */
export const transactionSchema = z
  .object(
    {
      id: hexId,
      inputs: itemList(inputSchema, MAX_TX_ITEMS).min(1, 'must not be empty'),
      dataInputs: itemList(z.object({ boxId: hexId }, { error: 'must be a data input object' }), MAX_TX_ITEMS),
      outputs: itemList(outputSchema, MAX_TX_ITEMS).min(1, 'must not be empty'),
    },
    { error: 'must be a transaction object' },
  )
  .superRefine(outputsInPlace)
  .transform(
    (tx): ChainTransaction => ({
      id: tx.id,
      inputs: tx.inputs,
      dataInputs: tx.dataInputs,
      outputs: tx.outputs.map((output, index) => ({ ...output, transactionId: tx.id, index })),
    }),
  );

/** GET /blocks/{headerId}/transactions: BlockTransactions. */
export const blockTransactionsSchema = z.object(
  { headerId: hexId, transactions: itemList(transactionSchema, MAX_TRANSACTIONS_PER_BLOCK) },
  { error: 'must be a block transactions object' },
);

/** GET /transactions/unconfirmed: one page of at most the limit we asked for. */
export const mempoolPageSchema = itemList(transactionSchema, MEMPOOL_PAGE_LIMIT);

const UINT32_MAX = 4_294_967_295n;
const fixedHex = (bytes: number) =>
  z
    .string({ error: `must be a text of ${bytes * 2} hexadecimal characters` })
    .regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), `must be exactly ${bytes * 2} hexadecimal characters`)
    .transform((hex) => hex.toLowerCase());
/** A compressed secp256k1 point (ergo's groupElemToBytes). */
const groupElement = fixedHex(33);

/**
 * ergo's AutolykosSolution JSON: a version 2 header's solution may leave out w and d (and a decoder fills in the
 * generator and 0, as ergo's AutolykosSolution.jsonDecoder does).
 */
const powSolutionsSchema = z.object(
  {
    pk: groupElement,
    w: groupElement.default(SECP256K1_GENERATOR),
    n: fixedHex(8),
    d: z.bigint({ error: WHOLE_NUMBER }).min(0n, 'must not be negative').default(0n),
  },
  { error: 'must be a proof-of-work solution object' },
);

/** GET /blocks/{headerId}/header: BlockHeader, with every field its id covers, so the id and proof of work can be checked. */
export const headerSchema = z.object(
  {
    id: hexId,
    parentId: hexId,
    height: int32,
    timestamp: timestampMs,
    version: z.bigint({ error: WHOLE_NUMBER }).min(1n, 'must be at least 1').max(255n, 'must be at most 255').transform(Number),
    adProofsRoot: hexId,
    stateRoot: fixedHex(33),
    transactionsRoot: hexId,
    extensionHash: hexId,
    nBits: z.bigint({ error: WHOLE_NUMBER }).min(0n, 'must not be negative').max(UINT32_MAX, `must be at most ${UINT32_MAX}`).transform(Number),
    votes: fixedHex(3),
    // Written by nodes from 5.0 on; a header's serializer writes its length in one byte.
    unparsedBytes: hexBytes(2 * 255).default(''),
    powSolutions: powSolutionsSchema,
  },
  { error: 'must be a block header object' },
) satisfies z.ZodType<ChainHeader, unknown>;

/**
 * GET /blocks/{headerId}/proofFor/{txId}: the node writes the key leafData (ergo ApiCodecs.merkleProofEncoder; the
 * published spec says "leaf"), each level as [digest, side] with side 0 or 1 (scrypto's Side). A tree of 2^64 leaves
 * is beyond any block, so a longer proof is not a real one.
 */
export const merkleProofSchema = z.object(
  {
    leafData: hexBytes(64),
    levels: z
      .array(z.tuple([hexBytes(64), z.union([z.literal(0n), z.literal(1n)], { error: 'must be 0 or 1' }).transform((side): Side => (side === 1n ? 1 : 0))], { error: 'must be a [digest, side] pair' }), {
        error: 'must be a list',
      })
      .max(64, 'must have at most 64 levels'),
  },
  { error: 'must be a Merkle proof object' },
);

/** GET /blocks/chainSlice: BlockHeader[]; a node sends at most its maxHeadersInOneQuery (16 384 on mainnet nodes). */
export const headerSliceSchema = itemList(headerSchema, 16_384);

/** GET /blocks/at/{blockHeight}. */
export const headerIdsSchema = itemList(hexId, MAX_HEADERS_AT_HEIGHT);

export type NetworkName = ChainTip['network'];
const networkNames = ['mainnet', 'testnet', 'devnet'] as const satisfies readonly NetworkName[];

/**
 * GET /info: NodeInfo. fullHeight and bestFullHeaderId are null together on a node that has applied no block yet.
 * `network` is not in the published spec; newer nodes report their configured network type there (NetworkType's
 * verbose names: mainnet, testnet, devnet) and the embedded devnet should too. Where it is missing, the client falls
 * back to the network the user configured.
 */
export const nodeInfoSchema = z
  .object(
    {
      fullHeight: int32.nullable(),
      // Required by the spec, but only used to tell that the node is catching up, so a node without it still works.
      headersHeight: int32.nullable().optional(),
      bestFullHeaderId: hexId.nullable(),
      network: z.enum(networkNames, { error: 'must be mainnet, testnet or devnet' }).optional(),
    },
    { error: 'must be a node info object' },
  )
  .refine((info) => (info.fullHeight === null) === (info.bestFullHeaderId === null), {
    path: ['bestFullHeaderId'],
    message: 'must be present exactly when fullHeight is',
  });

/** POST /transactions and /transactions/check answer with the transaction id as a JSON string. */
export const transactionIdSchema = hexId;

/** POST /transactions/unconfirmed/byTransactionIds: those of the asked ids the pool holds, never more than asked. */
export const mempoolIdsSchema = (asked: number) => itemList(transactionIdSchema, asked);

/** ApiError, the body of every failed call. Read leniently: it only improves an error message. */
export const apiErrorSchema = z.object({
  error: z.bigint().optional(),
  reason: z.string().optional(),
  detail: z.string().nullish(),
});

/*
 * The node's extra index (`/blockchain/*`, ergo BlockchainApiRoute and ApiExtraCodecs). Its boxes are IndexedErgoBox:
 * the box plus globalIndex, inclusionHeight, address, spentTransactionId and spendingProof; its transactions are
 * IndexedErgoTransaction, whose inputs are the full boxes they spend. Each is read as the ChainIndex value plus the
 * facts the client checks the answer with (node-index.ts) but does not hand on: the global index that orders a listing,
 * and the scripts of a transaction's inputs.
 */

/** The node refuses to list more transactions than this in one page (BlockchainApiRoute.MaxItems). */
export const MAX_INDEX_PAGE = 16_384;

/** Ergo numbers every box and transaction from genesis on as a Long; far below 2^53 on any real chain. */
const globalIndex = z
  .bigint({ error: WHOLE_NUMBER })
  .min(0n, 'must not be negative')
  .max(BigInt(Number.MAX_SAFE_INTEGER), 'is not a plausible position')
  .transform(Number);

export interface IndexedBoxRead {
  box: IndexedBox;
  globalIndex: number;
}

export interface IndexedTransactionRead {
  transaction: IndexedTransaction;
  globalIndex: number;
  /** The script of every input box, in input order. */
  inputTrees: string[];
}

export interface IndexPageRead<T> {
  items: T[];
  total: number;
}

/** GET /blockchain/box/byId/{boxId}, and the items of /blockchain/box/byTokenId. */
export const indexedBoxSchema = z
  .object(
    {
      ...boxFields,
      transactionId: hexId,
      index: int32,
      globalIndex,
      inclusionHeight: int32,
      // The node writes null for an unspent box.
      spentTransactionId: hexId.nullable(),
    },
    { error: 'must be a box object' },
  )
  .transform(({ globalIndex, ...box }): IndexedBoxRead => ({ box, globalIndex })) satisfies z.ZodType<IndexedBoxRead, unknown>;

/** An input of an IndexedErgoTransaction: the box it spends, with the proof that spent it. */
const indexedInputSchema = z.object(
  {
    boxId: hexId,
    ergoTree: boxFields.ergoTree,
    // The index stores the spending transaction with the box; the node writes it here too.
    spentTransactionId: hexId.nullish(),
    spendingProof,
  },
  { error: 'must be an input box object' },
);

/** GET /blockchain/transaction/byId/{txId}, and the items of /blockchain/transaction/byAddress. */
export const indexedTransactionSchema = z
  .object(
    {
      id: hexId,
      blockId: hexId,
      inclusionHeight: int32,
      timestamp: timestampMs,
      index: int32,
      globalIndex,
      inputs: itemList(indexedInputSchema, MAX_TX_ITEMS).min(1, 'must not be empty'),
      dataInputs: itemList(z.object({ boxId: hexId }, { error: 'must be a data input object' }), MAX_TX_ITEMS),
      outputs: itemList(outputSchema, MAX_TX_ITEMS).min(1, 'must not be empty'),
    },
    { error: 'must be a transaction object' },
  )
  .superRefine(outputsInPlace)
  .superRefine((tx, context) => {
    tx.inputs.forEach((input, index) => {
      if (input.spentTransactionId != null && input.spentTransactionId !== tx.id) {
        context.addIssue({ code: 'custom', path: ['inputs', index, 'spentTransactionId'], message: 'is not the transaction that spends it' });
      }
    });
  })
  .transform(
    (tx): IndexedTransactionRead => ({
      transaction: {
        id: tx.id,
        inputs: tx.inputs.map(({ boxId, spendingProof }) => ({ boxId, ...spendingProof })),
        dataInputs: tx.dataInputs,
        outputs: tx.outputs.map((output, index) => ({ ...output, transactionId: tx.id, index })),
        blockId: tx.blockId,
        inclusionHeight: tx.inclusionHeight,
        index: tx.index,
        timestamp: tx.timestamp,
      },
      globalIndex: tx.globalIndex,
      inputTrees: tx.inputs.map((input) => input.ergoTree),
    }),
  );

const total = z
  .bigint({ error: WHOLE_NUMBER })
  .min(0n, 'must not be negative')
  .max(BigInt(Number.MAX_SAFE_INTEGER), 'is not a plausible count')
  .transform(Number);

/** A page of a listing: GET /blockchain/box/byTokenId/{tokenId}, POST /blockchain/transaction/byAddress. */
function indexPage<T extends z.ZodType>(item: T) {
  return z.object({ items: itemList(item, MAX_INDEX_PAGE), total }, { error: 'must be a page object with items and total' });
}

export const indexedBoxPageSchema = indexPage(indexedBoxSchema) satisfies z.ZodType<IndexPageRead<IndexedBoxRead>, unknown>;
export const indexedTransactionPageSchema = indexPage(indexedTransactionSchema) satisfies z.ZodType<IndexPageRead<IndexedTransactionRead>, unknown>;
