import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ErgoAddress, Network } from '@fleet-sdk/core';
import type { ChainBox, ChainInput, ChainTransaction, SignedTransactionJson } from '../chain/chain-source';
import { parseNodeJson, stringifyNodeJson } from '../chain/lossless-json';
import { AppError } from '../errors/app-error';
import { readBody } from '../http/read-body';
import type { DevnetChain } from './devnet-chain';
import type { DevnetIndex, IndexedBoxView, IndexedTransactionView } from './devnet-index';
import { LONG_MAX } from './transaction-rules';

/*
 * The devnet behind the Ergo node's REST API (the subset in ../shared/ergo-node-openapi.yaml that the mirror uses),
 * on 127.0.0.1 only, so the app's node client and sync run against the devnet exactly as against a real node.
 */

const MAX_BODY_BYTES = 2_000_000;
const hex = z.string().regex(/^(?:[0-9a-f]{2})*$/i);
const id = z.string().regex(/^[0-9a-f]{64}$/i);
/*
 * A node decodes ERG values and token amounts `as[Long]` and creation heights `as[Int]` (sigmastate-interpreter,
 * sdk/shared/.../JsonCodecs.scala, ergoBoxCandidateDecoder and assetDecoder): a larger number fails decoding, which
 * akka-http turns into 400 bad.request "The request content was malformed" (ergoplatform/ergo,
 * ApiRejectionHandler.scala, MalformedRequestContentRejection).
 */
const amount = z.bigint().min(0n).max(LONG_MAX, `an amount is above Long.MaxValue (${LONG_MAX})`);
const INT_MAX = 2n ** 31n - 1n;

/** POST /transactions body: ErgoTransaction as a wallet sends it (no box ids; the devnet computes them). */
const submittedTransaction = z.object({
  id: id.optional(),
  inputs: z.array(z.object({ boxId: id, spendingProof: z.object({ proofBytes: hex, extension: z.record(z.string(), hex) }) })).min(1),
  dataInputs: z.array(z.object({ boxId: id })).default([]),
  outputs: z
    .array(
      z.object({
        value: amount,
        ergoTree: hex,
        creationHeight: z.bigint().min(0n).max(INT_MAX, `a creation height is above Int.MaxValue (${INT_MAX})`).transform(Number),
        assets: z.array(z.object({ tokenId: id, amount })).default([]),
        additionalRegisters: z.record(z.string(), hex).default({}),
      }),
    )
    .min(1),
}) satisfies z.ZodType<SignedTransactionJson, unknown>;

/** JSON text that is sent as it is; route() answers with one when it has written the text itself. */
class JsonText {
  constructor(readonly text: string) {}
}

/*
 * Transactions are written by hand rather than through stringifyNodeJson: a block of 100 trades is ~450 KB of JSON
 * and the generic replacer visits every value, which made the devnet's half of a sync as slow as the mirror's.
 * Every string goes through JSON.stringify (escaping), every integer is a bigint or number written bare (int64).
 */
const PLAIN_HEX = /^[0-9a-fA-F]*$/;
/** Ids, trees and registers are hex and need no escaping, which spares copying a KB-long tree through JSON.stringify. */
const text = (value: string) => (isPlainHex(value) ? `"${value}"` : JSON.stringify(value));

/**
 * Long hex strings found plain before. An index page writes each contract tree thousands of times (every input box
 * is written in full), and the same string object is found in a Set by its cached hash without reading its text.
 * Bounded: the string checked longest ago makes room.
 */
const CHECKED_LONG_HEX = new Set<string>();
const LONG_HEX = 128;
const MAX_CHECKED_LONG_HEX = 256;

function isPlainHex(value: string): boolean {
  if (value.length < LONG_HEX) return PLAIN_HEX.test(value);
  if (CHECKED_LONG_HEX.has(value)) return true;
  if (!PLAIN_HEX.test(value)) return false;
  if (CHECKED_LONG_HEX.size >= MAX_CHECKED_LONG_HEX) CHECKED_LONG_HEX.delete(CHECKED_LONG_HEX.values().next().value as string);
  CHECKED_LONG_HEX.add(value);
  return true;
}

/** A box's fields without the braces, so that an indexed box can add its own (indexedBoxJson). */
function boxFieldsJson(box: ChainBox): string {
  const assets = box.assets.map((a) => `{"tokenId":${text(a.tokenId)},"amount":${a.amount}}`).join(',');
  return `"boxId":${text(box.boxId)},"value":${box.value},"ergoTree":${text(box.ergoTree)},"creationHeight":${box.creationHeight},"assets":[${assets}],"additionalRegisters":${JSON.stringify(box.additionalRegisters)},"transactionId":${text(box.transactionId)},"index":${box.index}`;
}

function boxJson(box: ChainBox): string {
  return `{${boxFieldsJson(box)}}`;
}

function spendingProofJson(input: ChainInput): string {
  return `{"proofBytes":${text(input.proofBytes)},"extension":${JSON.stringify(input.extension)}}`;
}

function transactionJson(tx: ChainTransaction): string {
  const inputs = tx.inputs.map((i) => `{"boxId":${text(i.boxId)},"spendingProof":${spendingProofJson(i)}}`);
  const dataInputs = tx.dataInputs.map((d) => `{"boxId":${text(d.boxId)}}`);
  return `{"id":${text(tx.id)},"inputs":[${inputs.join(',')}],"dataInputs":[${dataInputs.join(',')}],"outputs":[${tx.outputs.map(boxJson).join(',')}]}`;
}

function transactionsJson(transactions: readonly ChainTransaction[]): string {
  return `[${transactions.map(transactionJson).join(',')}]`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** As ergo's getUnconfirmedTxsByIds decodes its body: a JSON list of strings, or 400. */
async function transactionIdsBody(request: IncomingMessage): Promise<string[]> {
  let parsed: unknown;
  try {
    parsed = parseNodeJson(await readBody(request, MAX_BODY_BYTES));
  } catch {
    throw new HttpError(400, 'bad.request', 'The body is not a JSON list of transaction ids.');
  }
  if (!Array.isArray(parsed) || !parsed.every((id): id is string => typeof id === 'string')) {
    throw new HttpError(400, 'bad.request', 'The body is not a JSON list of transaction ids.');
  }
  return parsed;
}

async function submittedBody(request: IncomingMessage): Promise<SignedTransactionJson> {
  let text: string;
  try {
    text = await readBody(request, MAX_BODY_BYTES);
  } catch {
    throw new HttpError(413, 'payload.too.large', 'The transaction is too large.');
  }
  let parsed: unknown;
  try {
    parsed = parseNodeJson(text);
  } catch {
    throw new HttpError(400, 'bad.request', 'The body is not JSON.');
  }
  const result = submittedTransaction.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HttpError(400, 'bad.request', `The request content was malformed: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a transaction'}`);
  }
  return result.data;
}

async function route(chain: DevnetChain, request: IncomingMessage, url: URL, served: ServedAs): Promise<unknown> {
  const path = url.pathname;
  const get = request.method === 'GET';
  const post = request.method === 'POST';
  let match: RegExpExecArray | null;
  if (path.startsWith('/blockchain/')) return indexRoute(chain, request, url, served);
  if (get && path === '/info') {
    const tip = await chain.tip();
    return {
      name: 'lets-devnet',
      appVersion: 'devnet',
      network: served.network,
      fullHeight: tip.headerId === null ? null : tip.height,
      headersHeight: tip.headerId === null ? null : tip.height,
      bestFullHeaderId: tip.headerId,
      unconfirmedCount: (await chain.mempool()).length,
      currentTime: BigInt(Date.now()),
    };
  }
  if (get && (match = /^\/blocks\/at\/(\d{1,10})$/.exec(path))) return chain.headerIdsAt(Number(match[1]));
  if (get && (match = /^\/blocks\/([0-9a-f]{64})\/header$/.exec(path))) return chain.header(match[1] as string);
  if (get && path === '/blocks/chainSlice') return chainSlice(chain, url);
  if (get && (match = /^\/blocks\/([0-9a-f]{64})\/proofFor\/([0-9a-f]{64})$/.exec(path))) {
    const proof = chain.proofFor(match[1] as string, match[2] as string);
    if (!proof) throw new HttpError(404, 'not-found', 'The transaction is not in this block.');
    return proof;
  }
  if (get && (match = /^\/blocks\/([0-9a-f]{64})\/transactions$/.exec(path))) return blockTransactionsJson(chain, match[1] as string, served.rendered);
  if (get && (match = /^\/utxo\/byId\/([0-9a-f]{64})$/.exec(path))) {
    const box = await chain.unspentBox(match[1] as string);
    if (!box) throw new HttpError(404, 'not-found', 'No unspent box with this id.');
    return box;
  }
  if (get && path === '/transactions/unconfirmed') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    return new JsonText(transactionsJson((await chain.mempool()).slice(offset, offset + limit)));
  }
  if (post && path === '/transactions/unconfirmed/byTransactionIds') return chain.mempoolIdsAmong(await transactionIdsBody(request)).then((found) => [...found]);
  if (post && path === '/transactions') return chain.submit(await submittedBody(request));
  if (post && path === '/transactions/check') return chain.check(await submittedBody(request));
  throw new HttpError(404, 'not-found', `The devnet does not serve ${request.method ?? ''} ${path}.`);
}

/** A node's maxHeadersInOneQuery. */
const MAX_SLICE_HEADERS = 16_384;

/** As a node answers: from the best header at toHeight (or the tip) back to fromHeight + 1, at most MAX_SLICE_HEADERS. */
async function chainSlice(chain: DevnetChain, url: URL): Promise<unknown> {
  const tip = chain.height;
  const fromHeight = pageParameter(url, 'fromHeight', 0);
  const requested = Number(url.searchParams.get('toHeight') ?? -1);
  const toHeight = Number.isInteger(requested) && requested >= 0 && requested <= tip ? requested : tip;
  return chain.headerRange(Math.max(fromHeight + 1, toHeight - MAX_SLICE_HEADERS + 1), toHeight);
}

/** A block's transactions as the node writes them; a block id names its content for good, so a kept text stays true. */
async function blockTransactionsJson(chain: DevnetChain, headerId: string, rendered: Map<string, JsonText> | null): Promise<JsonText> {
  const kept = rendered?.get(headerId);
  if (kept) return kept;
  const json = new JsonText(`{"headerId":${text(headerId)},"transactions":${transactionsJson(await chain.blockTransactions(headerId))},"size":0}`);
  rendered?.set(headerId, json);
  return json;
}

/** The most items one page may ask for, as on a node (BlockchainApiRoute.MaxItems). */
const MAX_INDEX_ITEMS = 16_384;

function pageParameter(url: URL, name: string, fallback: number): number {
  const value = Number(url.searchParams.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new HttpError(400, 'bad.request', `${name} must be a whole number.`);
  return value;
}

/** A node answers an unknown id with 404 and no detail; HttpError's empty detail is written as null (see reply). */
const notFound = () => new HttpError(404, 'not-found', '');

/** An id in a /blockchain path, as the node's modifierId matcher reads it. */
function modifierId(segment: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(segment)) throw new HttpError(400, 'bad.request', 'Wrong modifierId format');
  return segment.toLowerCase();
}

/**
 * Addresses as the node writes them into every indexed box and reads them in /transaction/byAddress. Encoding a
 * contract's tree in base58 takes milliseconds, and a page of trades repeats a few trees hundreds of times, so both
 * directions are remembered (bounded: a chain with more distinct scripts only costs the encoding again).
 */
class AddressBook {
  private readonly addresses = new Map<string, string>();
  private readonly trees = new Map<string, string>();
  private readonly network: Network;

  constructor(network: ServedAs['network']) {
    // The devnet writes testnet addresses, as the app does (operations/signing-keys.ts, addressNetwork).
    this.network = network === 'mainnet' ? Network.Mainnet : Network.Testnet;
  }

  of(ergoTree: string): string {
    let address = this.addresses.get(ergoTree);
    if (address === undefined) {
      address = ErgoAddress.fromErgoTree(ergoTree, this.network).encode(this.network);
      remember(this.addresses, ergoTree, address);
    }
    return address;
  }

  /** The tree of an address of the served network; any other text is refused as the node refuses it. */
  treeOf(address: string): string {
    let tree = this.trees.get(address);
    if (tree === undefined) {
      let decoded: ErgoAddress;
      try {
        decoded = ErgoAddress.decode(address);
      } catch {
        throw new HttpError(400, 'bad.request', 'Wrong address format');
      }
      if (decoded.network !== this.network) throw new HttpError(400, 'bad.request', 'Wrong address format');
      tree = decoded.ergoTree.toLowerCase();
      remember(this.trees, address, tree);
    }
    return tree;
  }
}

const MAX_REMEMBERED_ADDRESSES = 10_000;

function remember(map: Map<string, string>, key: string, value: string): void {
  if (map.size >= MAX_REMEMBERED_ADDRESSES) map.clear();
  map.set(key, value);
}

/** IndexedErgoBox (ergo ApiExtraCodecs, indexedBoxEncoder): the box, then what the index knows of it. */
function indexedBoxJson(view: IndexedBoxView, addresses: AddressBook): string {
  const { spent } = view;
  // Base58 has no character JSON escapes.
  const where = `"globalIndex":${view.globalIndex},"inclusionHeight":${view.inclusionHeight},"address":"${addresses.of(view.box.ergoTree)}"`;
  const spending = spent ? `"spentTransactionId":${text(spent.transaction.transaction.id)},"spendingProof":${spendingProofJson(spent.input)}` : '"spentTransactionId":null,"spendingProof":null';
  return `{${boxFieldsJson(view.box)},${where},${spending}}`;
}

/**
 * IndexedErgoTransaction (indexedTxEncoder): its inputs are the full boxes it spent, its outputs indexed boxes (spent
 * or not as far as the index is built), numConfirmations counts from the node's full height. The node also writes the
 * transaction's size in bytes; the devnet writes 0, as for its blocks.
 */
function indexedTransactionJson(view: IndexedTransactionView, index: DevnetIndex, upTo: number, fullHeight: number, addresses: AddressBook): string {
  const { transaction: tx, header } = view;
  const box = (boxId: string) => indexedBoxJson(index.box(boxId, upTo) as IndexedBoxView, addresses);
  const place = `"blockId":${text(header.id)},"inclusionHeight":${header.height},"timestamp":${header.timestamp},"index":${view.index},"globalIndex":${view.globalIndex},"numConfirmations":${fullHeight - header.height}`;
  const inputs = tx.inputs.map((i) => box(i.boxId)).join(',');
  const dataInputs = tx.dataInputs.map((d) => `{"boxId":${text(d.boxId)}}`).join(',');
  const outputs = tx.outputs.map((o) => box(o.boxId)).join(',');
  return `{"id":${text(tx.id)},${place},"inputs":[${inputs}],"dataInputs":[${dataInputs}],"outputs":[${outputs}],"size":0}`;
}

function pageJson<T>(page: { items: T[]; total: number }, itemJson: (item: T) => string): JsonText {
  return new JsonText(`{"items":[${page.items.map(itemJson).join(',')}],"total":${page.total}}`);
}

function pathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'bad.request', 'Wrong address format');
  }
}

/** The address in POST /transaction/byAddress: a JSON string or the bare text (the node strips one pair of quotes). */
async function addressBody(request: IncomingMessage): Promise<string> {
  let body: string;
  try {
    body = (await readBody(request, MAX_BODY_BYTES)).trim();
  } catch {
    throw new HttpError(413, 'payload.too.large', 'The address is too long.');
  }
  return body.length >= 2 && body.startsWith('"') && body.endsWith('"') ? body.slice(1, -1) : body;
}

/**
 * A node's extra index (`/blockchain/*`, ergo BlockchainApiRoute): the indexed height, boxes and transactions by id,
 * boxes by token, transactions by address, and unspent boxes by script (how the app finds the wallet boxes that pay
 * its fees). Listings are newest first, `offset` skipping the newest. With `indexLag` the index is built only up to
 * that many blocks below the tip, and every answer hides what lies above. A node without the index answers every
 * /blockchain path with an error, as served here with `extraIndex: false`.
 */
async function indexRoute(chain: DevnetChain, request: IncomingMessage, url: URL, served: ServedAs): Promise<unknown> {
  if (!served.extraIndex) throw new HttpError(500, 'internal.error', 'Extra indexing is not enabled');
  const path = url.pathname;
  const get = request.method === 'GET';
  const { index } = chain;
  const upTo = Math.max(0, chain.height - served.indexLag);
  let match: RegExpExecArray | null = null;
  if (get && path === '/blockchain/indexedHeight') return { indexedHeight: upTo, fullHeight: chain.height };
  if (get && (match = /^\/blockchain\/box\/byId\/([^/]+)$/.exec(path))) {
    const view = index.box(modifierId(match[1] as string), upTo);
    if (!view) throw notFound();
    return new JsonText(indexedBoxJson(view, served.addresses));
  }
  if (get && (match = /^\/blockchain\/transaction\/byId\/([^/]+)$/.exec(path))) {
    const view = index.transaction(modifierId(match[1] as string), upTo);
    if (!view) throw notFound();
    return new JsonText(indexedTransactionJson(view, index, upTo, chain.height, served.addresses));
  }
  if (get && (match = /^\/blockchain\/box\/byTokenId\/([^/]+)$/.exec(path))) {
    const tokenId = modifierId(match[1] as string);
    // The node sets no upper bound on this limit.
    const page = index.boxesByToken(tokenId, upTo, pageParameter(url, 'offset', 0), pageParameter(url, 'limit', 5));
    return pageJson(page, (view) => indexedBoxJson(view, served.addresses));
  }
  const byAddress = request.method === 'POST' && path === '/blockchain/transaction/byAddress';
  if (byAddress || (get && (match = /^\/blockchain\/transaction\/byAddress\/([^/]+)$/.exec(path)))) {
    const address = byAddress ? await addressBody(request) : pathSegment(match?.[1] ?? '');
    const offset = pageParameter(url, 'offset', 0);
    const limit = pageParameter(url, 'limit', 5);
    if (limit > MAX_INDEX_ITEMS) throw new HttpError(400, 'bad.request', `No more than ${MAX_INDEX_ITEMS} transactions can be requested`);
    const page = index.transactionsByTree(served.addresses.treeOf(address), upTo, offset, limit);
    return pageJson(page, (view) => indexedTransactionJson(view, index, upTo, chain.height, served.addresses));
  }
  if (request.method === 'POST' && path === '/blockchain/box/unspent/byErgoTree') {
    let tree: unknown;
    try {
      tree = parseNodeJson(await readBody(request, MAX_BODY_BYTES));
    } catch {
      throw new HttpError(400, 'bad.request', 'The body must be the ErgoTree as a JSON string.');
    }
    if (typeof tree !== 'string' || !hex.safeParse(tree).success || tree === '') throw new HttpError(400, 'bad.request', 'The body must be the ErgoTree as a JSON string.');
    const offset = pageParameter(url, 'offset', 0);
    const limit = pageParameter(url, 'limit', 5);
    if (limit > MAX_INDEX_ITEMS) throw new HttpError(400, 'bad.request', `No more than ${MAX_INDEX_ITEMS} boxes can be requested`);
    const direction = (url.searchParams.get('sortDirection') ?? 'desc').toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') throw new HttpError(400, 'bad.request', 'Invalid parameter for sort direction, valid values are \'ASC\' and \'DESC\'');
    const ergoTree = tree.toLowerCase();
    const mempool = await chain.mempool();
    const spentInMempool = new Set(url.searchParams.get('excludeMempoolSpent') === 'true' ? mempool.flatMap((t) => t.inputs.map((i) => i.boxId)) : []);
    const unconfirmed = url.searchParams.get('includeUnconfirmed') === 'true' ? mempool.flatMap((t) => t.outputs.filter((o) => o.ergoTree === ergoTree)) : [];
    const oldestFirst = [...(await unspentAsIndexed(chain, ergoTree, upTo)), ...unconfirmed].filter((box) => !spentInMempool.has(box.boxId));
    const ordered = direction === 'asc' ? oldestFirst : oldestFirst.reverse();
    return new JsonText(`[${ordered.slice(offset, offset + limit).map(boxJson).join(',')}]`);
  }
  throw new HttpError(404, 'not-found', `The devnet does not serve ${request.method ?? ''} ${path}.`);
}

/**
 * The boxes under `ergoTree` that an index built up to `upTo` holds unspent, oldest first: today's unspent ones created
 * at or below it, and the ones spent only above it. Without lag that is the UTXO set's boxes under the tree.
 */
async function unspentAsIndexed(chain: DevnetChain, ergoTree: string, upTo: number): Promise<ChainBox[]> {
  const views = [...chain.index.spentAbove(upTo).filter((box) => box.ergoTree === ergoTree), ...(await chain.unspentByErgoTree(ergoTree))]
    .map((box) => chain.index.box(box.boxId, upTo))
    .filter((view): view is IndexedBoxView => view !== undefined);
  return views.sort((a, b) => a.globalIndex - b.globalIndex).map((view) => view.box);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(body instanceof JsonText ? body.text : stringifyNodeJson(body));
}

export interface DevnetServer {
  url: string;
  close(): Promise<void>;
}

interface ServedAs extends Required<Omit<DevnetServeOptions, 'keepRenderedBlocks'>> {
  rendered: Map<string, JsonText> | null;
  addresses: AddressBook;
}

export interface DevnetServeOptions {
  /**
   * The network /info reports. A test can serve the devnet as a testnet or mainnet node to drive the app's node
   * runtime, whose network check refuses a node on another network than the ledger's.
   */
  network?: 'devnet' | 'testnet' | 'mainnet';
  /** Whether the /blockchain endpoints of a node running with `extraIndex = true` are served. */
  extraIndex?: boolean;
  /**
   * How many blocks the extra index lags behind the tip (default 0), as on a node whose indexer is still catching up:
   * /blockchain/indexedHeight reports the tip minus this, and every /blockchain answer hides the blocks above.
   */
  indexLag?: number;
  /**
   * Keep every block's transactions as written once asked for, so asking again costs this process nothing: how the
   * benchmark stands in for a node on another machine. Unbounded, so never for the app's own devnet.
   */
  keepRenderedBlocks?: boolean;
}

export async function serveDevnet(chain: DevnetChain, port = 0, options: DevnetServeOptions = {}): Promise<DevnetServer> {
  const served: ServedAs = {
    network: options.network ?? 'devnet',
    extraIndex: options.extraIndex ?? true,
    indexLag: options.indexLag ?? 0,
    rendered: options.keepRenderedBlocks ? new Map() : null,
    addresses: new AddressBook(options.network ?? 'devnet'),
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    route(chain, request, url, served).then(
      (body) => reply(response, 200, body),
      (error: unknown) => {
        if (error instanceof HttpError) reply(response, error.status, { error: error.status, reason: error.reason, detail: error.message || null });
        else if (error instanceof AppError) reply(response, error.code === 'not-found' ? 404 : 400, { error: 400, reason: 'bad.request', detail: error.message });
        else reply(response, 500, { error: 500, reason: 'internal', detail: 'The devnet failed.' });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
