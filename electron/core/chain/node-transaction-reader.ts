import type { IndexedBox } from './chain-index';
import type { ChainBox, ChainInput, ChainToken, ChainTransaction } from './chain-source';
import type { IndexedBoxRead, IndexedTransactionRead, IndexPageRead } from './node-schemas';

/*
 * The fast path for the largest answers a node sends: block transactions and mempool pages. The zod schemas in
 * node-schemas.ts stay the definition of what is acceptable, but checking a block of 100 trades with them took ~15 ms,
 * more than reading and storing it. This reader checks the same rules in one plain walk and builds the same values;
 * whenever anything is not as expected it answers undefined, and the caller then runs the zod schema, which refuses
 * the answer and names the field. So this code never has to describe an error, and it may be stricter than the
 * schema (for odd but valid input it just defers), never more lenient. test/chain/node-transaction-reader.test.ts
 * holds both to the same results.
 */

const LONG_MAX = 9_223_372_036_854_775_807n;
const INT32_MAX = 2_147_483_647n;
/** Same bounds as node-schemas.ts. */
const MAX_BOX_HEX = 2 * 4096;
const MAX_TX_ITEMS = 32_767;
const MAX_TOKENS_PER_BOX = 255;
const MAX_TRANSACTIONS_PER_BLOCK = 100_000;
const MAX_INDEX_PAGE = 16_384;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const LOWER_HEX_BYTES = /^(?:[0-9a-f]{2})*$/;
const ANY_HEX_BYTES = /^(?:[0-9a-fA-F]{2})*$/;
const CONTEXT_VARIABLE = /^\d{1,3}$/;
const REGISTER_NAMES = new Set(['R4', 'R5', 'R6', 'R7', 'R8', 'R9']);

/** Thrown inside the walk and caught at its top: "let the schema decide". */
const DEFER = Symbol('defer to the schema');

function defer(): never {
  throw DEFER;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) defer();
  return value as Json;
}

function list(value: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) defer();
  return value;
}

/**
 * Long lowercase hex strings already checked. The JSON parser hands out one string for each long text it meets again
 * (node-json-parser.ts), so every output of a contract carries the same tree and it is tested once. Bounded, as a
 * hostile answer (or a chain busy with other contracts) can send any number of distinct ones: as in the parser, the
 * string checked longest ago makes room, so a tree that keeps coming back is soon remembered again.
 */
const CHECKED_LONG_HEX = new Set<string>();
const LONG_HEX = 128;
const MAX_CHECKED_LONG_HEX = 64;

/** Hex text, lowercased as the schemas do; most answers are lowercase already, so that costs one regex test. */
function hexBytes(value: unknown, maxChars = Number.POSITIVE_INFINITY): string {
  if (typeof value !== 'string' || value.length > maxChars) defer();
  const long = value.length >= LONG_HEX;
  if (long && CHECKED_LONG_HEX.has(value)) return value;
  if (LOWER_HEX_BYTES.test(value)) {
    if (long) {
      // A Set keeps insertion order: its first value is the one checked longest ago.
      if (CHECKED_LONG_HEX.size >= MAX_CHECKED_LONG_HEX) CHECKED_LONG_HEX.delete(CHECKED_LONG_HEX.values().next().value as string);
      CHECKED_LONG_HEX.add(value);
    }
    return value;
  }
  if (!ANY_HEX_BYTES.test(value)) defer();
  return value.toLowerCase();
}

function hexId(value: unknown): string {
  if (typeof value !== 'string' || value.length !== 64) defer();
  return hexBytes(value);
}

function int32(value: unknown): number {
  if (typeof value !== 'bigint' || value < 0n || value > INT32_MAX) defer();
  return Number(value);
}

/** A global index or a count: a whole number a double holds exactly. */
function safeCount(value: unknown): number {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_SAFE) defer();
  return Number(value);
}

function timestampMs(value: unknown): number {
  return safeCount(value);
}

function int64(value: unknown, min: bigint): bigint {
  if (typeof value !== 'bigint' || value < min || value > LONG_MAX) defer();
  return value;
}

/** A record of hex values whose keys pass `keyOk`; a "__proto__" key (which the schema silently drops) defers. */
function hexRecord(value: unknown, keyOk: (key: string) => boolean, maxChars?: number): Record<string, string> {
  const input = object(value);
  const output: Record<string, string> = {};
  for (const key of Object.keys(input)) {
    if (key === '__proto__' || !keyOk(key)) defer();
    output[key] = hexBytes(input[key], maxChars);
  }
  return output;
}

function asset(value: unknown): ChainToken {
  const input = object(value);
  return { tokenId: hexId(input['tokenId']), amount: int64(input['amount'], 1n) };
}

function output(value: unknown, transactionId: string, index: number): ChainBox {
  const input = object(value);
  const boxId = hexId(input['boxId']);
  const box: ChainBox = {
    boxId,
    value: int64(input['value'], 0n),
    ergoTree: hexBytes(input['ergoTree'], MAX_BOX_HEX),
    creationHeight: int32(input['creationHeight']),
    assets: input['assets'] === undefined ? [] : list(input['assets'], 0, MAX_TOKENS_PER_BOX).map(asset),
    additionalRegisters: hexRecord(input['additionalRegisters'], (key) => REGISTER_NAMES.has(key), MAX_BOX_HEX),
    transactionId,
    index,
  };
  if (box.ergoTree.length === 0) defer();
  const statedTransactionId = input['transactionId'];
  // The same text as the transaction's id (checked already) needs no check of its own.
  if (statedTransactionId !== undefined && statedTransactionId !== transactionId && hexId(statedTransactionId) !== transactionId) defer();
  if (input['index'] !== undefined && int32(input['index']) !== index) defer();
  return box;
}

function transactionInput(value: unknown): ChainInput {
  const input = object(value);
  const proof = object(input['spendingProof']);
  return {
    boxId: hexId(input['boxId']),
    proofBytes: hexBytes(proof['proofBytes']),
    extension: hexRecord(proof['extension'], (key) => CONTEXT_VARIABLE.test(key)),
  };
}

function transaction(value: unknown): ChainTransaction {
  const input = object(value);
  const id = hexId(input['id']);
  return {
    id,
    inputs: list(input['inputs'], 1, MAX_TX_ITEMS).map(transactionInput),
    dataInputs: list(input['dataInputs'], 0, MAX_TX_ITEMS).map((d) => ({ boxId: hexId(object(d)['boxId']) })),
    outputs: list(input['outputs'], 1, MAX_TX_ITEMS).map((o, index) => output(o, id, index)),
  };
}

/** IndexedErgoBox as indexedBoxSchema reads it. */
function indexedBox(value: unknown): IndexedBoxRead {
  const input = object(value);
  const box = output(input, hexId(input['transactionId']), int32(input['index'])) as IndexedBox;
  const globalIndex = safeCount(input['globalIndex']);
  box.inclusionHeight = int32(input['inclusionHeight']);
  const spent = input['spentTransactionId'];
  box.spentTransactionId = spent === null ? null : hexId(spent);
  return { box, globalIndex };
}

/** IndexedErgoTransaction as indexedTransactionSchema reads it: the input boxes give their id, proof and script. */
function indexedTransaction(value: unknown): IndexedTransactionRead {
  const input = object(value);
  const id = hexId(input['id']);
  const inputTrees: string[] = [];
  const inputs = list(input['inputs'], 1, MAX_TX_ITEMS).map((item) => {
    const box = object(item);
    const spent = box['spentTransactionId'];
    if (spent !== undefined && spent !== null && hexId(spent) !== id) defer();
    const tree = hexBytes(box['ergoTree'], MAX_BOX_HEX);
    if (tree.length === 0) defer();
    inputTrees.push(tree);
    return transactionInput(box);
  });
  const transaction = {
    id,
    inputs,
    dataInputs: list(input['dataInputs'], 0, MAX_TX_ITEMS).map((d) => ({ boxId: hexId(object(d)['boxId']) })),
    outputs: list(input['outputs'], 1, MAX_TX_ITEMS).map((o, index) => output(o, id, index)),
    blockId: hexId(input['blockId']),
    inclusionHeight: int32(input['inclusionHeight']),
    index: int32(input['index']),
    timestamp: timestampMs(input['timestamp']),
  };
  return { transaction, globalIndex: safeCount(input['globalIndex']), inputTrees };
}

function indexPage<T>(json: unknown, item: (value: unknown) => T): IndexPageRead<T> {
  const input = object(json);
  return { items: list(input['items'], 0, MAX_INDEX_PAGE).map(item), total: safeCount(input['total']) };
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error === DEFER) return undefined;
    throw error;
  }
}

/** GET /blocks/{headerId}/transactions as blockTransactionsSchema reads it, or undefined to let the schema judge. */
export function readBlockTransactions(json: unknown): { headerId: string; transactions: ChainTransaction[] } | undefined {
  return attempt(() => {
    const input = object(json);
    return { headerId: hexId(input['headerId']), transactions: list(input['transactions'], 0, MAX_TRANSACTIONS_PER_BLOCK).map(transaction) };
  });
}

/** One mempool page as mempoolPageSchema reads it (at most `limit` transactions), or undefined. */
export function readTransactionPage(json: unknown, limit: number): ChainTransaction[] | undefined {
  return attempt(() => list(json, 0, limit).map(transaction));
}

/** GET /blockchain/box/byId/{boxId} as indexedBoxSchema reads it, or undefined. */
export function readIndexedBox(json: unknown): IndexedBoxRead | undefined {
  return attempt(() => indexedBox(json));
}

/** GET /blockchain/transaction/byId/{txId} as indexedTransactionSchema reads it, or undefined. */
export function readIndexedTransaction(json: unknown): IndexedTransactionRead | undefined {
  return attempt(() => indexedTransaction(json));
}

/** A page of /blockchain/box/byTokenId as indexedBoxPageSchema reads it, or undefined. */
export function readIndexedBoxPage(json: unknown): IndexPageRead<IndexedBoxRead> | undefined {
  return attempt(() => indexPage(json, indexedBox));
}

/** A page of /blockchain/transaction/byAddress as indexedTransactionPageSchema reads it, or undefined. */
export function readIndexedTransactionPage(json: unknown): IndexPageRead<IndexedTransactionRead> | undefined {
  return attempt(() => indexPage(json, indexedTransaction));
}
