import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { ChainIndex, IndexedBox, IndexedTransaction, IndexPage } from './chain-index';
import type { ChainBox, ChainHeader, ChainSource, ChainTransaction, HexId, SignedTransactionJson } from './chain-source';
import { addressTooLong, asExplorerError, checkUnsupported } from './explorer-errors';
import {
  explorerBlockSchema,
  explorerBoxPageSchema,
  explorerBoxSchema,
  explorerIndexedBoxPageSchema,
  explorerIndexedBoxSchema,
  explorerMempoolPageSchema,
  explorerTransactionPageSchema,
  explorerTransactionSchema,
  networkStateSchema,
  submittedSchema,
} from './explorer-schemas';
import { blockUnknown, describeSchemaError, nodeAnsweredError, responseInvalid, transactionRefused } from './node-errors';
import { createNodeHttp, type HttpTuning, type NodeAnswer, type NodeRequest } from './node-http';
import {
  blockTransactionsSchema,
  headerIdsSchema,
  headerSchema,
  indexedBoxPageSchema,
  indexedBoxSchema,
  indexedTransactionPageSchema,
  indexedTransactionSchema,
  type IndexedTransactionRead,
  type IndexPageRead,
  MEMPOOL_PAGE_LIMIT,
  mempoolPageSchema,
  type NetworkName,
  unspentBoxSchema,
} from './node-schemas';
import { treeAddresses } from './tree-addresses';

/*
 * The public Ergo Explorer as a ChainSource and a ChainIndex (API of github.com/ergoplatform/explorer-backend, read at
 * ae73d4e). Most calls are v1; two things the sync needs exist only in v0, which the same servers still serve: the
 * block ids at a height (main chain first, HeaderQuerySet.getAllByHeight orders by main_chain) and the whole mempool.
 *
 * As an index (what node-index.ts is for a node) it answers from the Explorer's database of the main chain: boxes and
 * transactions by id, every box that ever held a token, every transaction that spends or creates a box under a
 * script. Its listings are not in the node's order, and the ChainIndex contract is: boxes by token come oldest first
 * by creation height, transactions by script newest block first but a block's transactions in no order at all, so
 * both are put in the contract's order here (boxesByToken, transactionsByErgoTree). And as from a node, every answer is
 * checked against what was asked before any of it is handed on: the id, the token or script, no more items than asked,
 * the order; a listing that broke those rules could make the catch-up skip or invent history.
 */

export const EXPLORER_URLS = {
  mainnet: 'https://api.ergoplatform.com',
  testnet: 'https://api-testnet.ergoplatform.com',
} as const satisfies Record<Exclude<NetworkName, 'devnet'>, string>;

export interface ExplorerClientOptions extends HttpTuning {
  /** The Explorer's origin, e.g. https://api.ergoplatform.com; paths start with /api/v1 or /api/v0. */
  baseUrl: string;
  /** The Explorer does not say which network it indexes; it is the one the treasurer chose for it. */
  network: Exclude<NetworkName, 'devnet'>;
}

export type ExplorerClient = ChainSource &
  ChainIndex & {
    /**
     * Confirmed unspent boxes under `ergoTree`, oldest first, excluding boxes a mempool transaction spends: the
     * signer's wallet boxes that pay fees (what node-index.ts asks a node for).
     */
    unspentByErgoTree(ergoTree: string): Promise<ChainBox[]>;
  };

/** Wallet boxes per page, and pages at most: a fee wallet holds a handful (same bounds as node-index.ts). */
const BOX_PAGE_LIMIT = 100;
const MAX_BOX_PAGES = 20;
/** See node-client.ts: a listing that does not end is a misbehaving server. */
const MAX_MEMPOOL_PAGES = 200;
/**
 * The sync asks for header() and then blockTransactions() of the same blocks within one batch (mirror-sync fetchBlocks),
 * and the Explorer answers both with one call, so recent blocks are kept by id (an id is the hash of the header, which
 * commits to the transactions, so what is kept cannot go stale); a batch holds at most SYNC_BATCH_BLOCKS blocks.
 */
const KEPT_BLOCKS = 128;

/**
 * The Explorer's bounds on a page (explorer-api application.conf: requests.max-entities-per-request, and
 * max-entities-per-heavy-request for the byTokenId routes, v1/defs/BoxesEndpointDefs.scala); a limit beyond them is
 * answered with 400.
 */
const EXPLORER_MAX_LIMIT = 500;
const EXPLORER_MAX_HEAVY_LIMIT = 100;

/**
 * Items per page of an index listing (ChainIndex.maxPage). The Explorer serves up to 500 transactions at a time, but it
 * writes each box of a transaction, inputs included, with its address, its tree's constants and its script rendered as
 * text: a LETS trade is some 10 KB of JSON without those (the Explorer-shaped devnet of the tests leaves them empty),
 * and likely two or three times that with them. 500 would be 10 MB and more a page, longer than the 20 s a request may
 * take on a slow connection, and a failed page repeats all of it; 100 keep a page at a few MB. 10 000 trades are then
 * 100 pages, plus a short request where a page cuts through a block (inChainOrder). Boxes by token come at most 100 at
 * a time anyway.
 */
export const EXPLORER_INDEX_PAGE = 100;

/**
 * The longest request target the Explorer takes. Its server (http4s Blaze, explorer-api HttpApi.scala, with the
 * builder's default maxRequestLineLen of 4 KiB) answers a longer request line with 400 Bad Request before any route
 * sees it, and a proxy in front may answer 414 URI Too Long sooner. That matters for the listing by address, which
 * carries a contract's address in its path and has no POST twin: base58 takes ~1.37 characters a byte, so a LETS
 * account tree (about 550 bytes, 1.1 KB of hex) is an address of about 750 characters, well inside, but a tree past
 * ~2.8 KB would not be. Such a request is refused here with a message that says so, instead of failing with the
 * server's bare 400.
 */
const MAX_REQUEST_TARGET = 4_096 - 'GET  HTTP/1.1'.length;

/** A block with more transactions under one script than this many full pages is not a block. */
const MAX_BLOCK_PAGES = 20;
/** Blocks remembered per listing: a LETS has a handful of contracts, each asked for page after page. */
const MAX_REMEMBERED_LISTINGS = 64;

const HEX_ID = /^[0-9a-fA-F]{64}$/;
const HEX_TREE = /^(?:[0-9a-fA-F]{2})+$/;

const BOX_ENDPOINT = 'GET /api/v1/boxes/{boxId}';
const TOKEN_ENDPOINT = 'GET /api/v1/boxes/byTokenId/{tokenId}';
const TREE_ENDPOINT = 'GET /api/v1/addresses/{address}/transactions';

interface ExplorerBlock {
  header: ChainHeader;
  transactions: ChainTransaction[];
}

export function createExplorerClient(options: ExplorerClientOptions): ExplorerClient {
  const baseUrl = new URL(options.baseUrl);
  const http = createNodeHttp({ ...options, baseUrl });
  const { nodeUrl } = http;
  const blocks = new Map<HexId, Promise<ExplorerBlock | 'not-found'>>();
  /** Request targets start with the base URL's path, if it has one; MAX_REQUEST_TARGET counts it too. */
  const targetPrefix = baseUrl.pathname.replace(/\/$/, '');
  const addressOf = treeAddresses(options.network);
  /**
   * The last two blocks read whole per script (inChainOrder): a listing is read page after page, and each page starts
   * in the block where the one before it was cut (it ends there when they are read from the oldest on, as a catch-up
   * does); the other block a page may cut through is the one it ends in.
   */
  const lastBlocks = new Map<string, { blockId: HexId; items: IndexedTransactionRead[] }[]>();

  function parse<S extends z.ZodType>(endpoint: string, json: unknown, schema: S): z.output<S> {
    const parsed = schema.safeParse(json, { reportInput: true });
    if (!parsed.success) throw responseInvalid(nodeUrl, endpoint, describeSchemaError(parsed.error));
    return parsed.data;
  }

  function accept(answer: NodeAnswer, endpoint: string): unknown {
    if (answer.status < 200 || answer.status > 299) throw nodeAnsweredError(nodeUrl, endpoint, answer.status, answer.json);
    if (answer.json === undefined) throw responseInvalid(nodeUrl, endpoint, answer.looksLikeHtml ? 'the answer is a web page, not JSON' : 'the answer is not JSON');
    return answer.json;
  }

  async function get(path: string, endpoint: string): Promise<unknown> {
    const request: NodeRequest = { method: 'GET', path, endpoint };
    const answer = await http.send(request);
    return answer.status === 404 ? 'not-found' : accept(answer, endpoint);
  }

  async function fetchBlock(id: HexId): Promise<ExplorerBlock | 'not-found'> {
    const endpoint = 'GET /api/v1/blocks/{blockId}';
    const json = await get(`/api/v1/blocks/${id}`, endpoint);
    if (json === 'not-found') return json;
    const summary = parse(endpoint, json, explorerBlockSchema);
    const header = parse(endpoint, summary.header, headerSchema);
    if (header.id !== id) throw mismatch(endpoint, 'block.header.id');
    const { transactions } = parse(endpoint, { headerId: id, transactions: summary.transactions }, blockTransactionsSchema);
    return { header, transactions };
  }

  /** One request per block however many callers ask; a failure is not kept, so the next round asks again. */
  async function block(headerId: string): Promise<ExplorerBlock> {
    const id = requireHexId(headerId, 'block');
    let pending = blocks.get(id);
    if (pending === undefined) {
      pending = fetchBlock(id);
      blocks.set(id, pending);
      pending.catch(() => blocks.delete(id));
      for (const old of blocks.keys()) {
        if (blocks.size <= KEPT_BLOCKS) break;
        blocks.delete(old);
      }
    }
    const found = await pending;
    if (found === 'not-found') {
      blocks.delete(id);
      throw blockUnknown(nodeUrl, id);
    }
    return found;
  }

  function mismatch(endpoint: string, field: string): AppError {
    return responseInvalid(nodeUrl, endpoint, `field ${field} is not the one asked for`);
  }

  async function boxPage(tree: string, offset: number): Promise<ChainBox[]> {
    const endpoint = 'GET /api/v1/boxes/unspent/byErgoTree/{ergoTree}';
    const json = await get(`/api/v1/boxes/unspent/byErgoTree/${tree}?offset=${offset}&limit=${BOX_PAGE_LIMIT}&sortDirection=asc`, endpoint);
    // The Explorer answers 404 for a script it has never seen: a wallet without boxes.
    if (json === 'not-found') return [];
    const found = parse(endpoint, json, explorerBoxPageSchema).map((item) => parse(endpoint, item, explorerBoxSchema));
    const boxes = found.filter((entry) => entry.unspent).map((entry) => parse(endpoint, entry.box, unspentBoxSchema));
    if (boxes.some((box) => box.ergoTree !== tree)) throw responseInvalid(nodeUrl, endpoint, 'a box has another script than the one asked for');
    return boxes;
  }

  function refused(endpoint: string, problem: string): AppError {
    return responseInvalid(nodeUrl, endpoint, problem);
  }

  /**
   * A page must hold what was asked: no more than the limit, and exactly as many as its listing has from the offset on,
   * as where a page ends tells where the next begins (boxesByToken, inChainOrder). The Explorer counts and lists in two
   * statements, so a block that comes in between can make an honest page fail this: it is asked again next round.
   */
  function checkPageSize(endpoint: string, page: IndexPageRead<unknown>, offset: number, limit: number): void {
    const held = page.items.length;
    const expected = Math.min(limit, Math.max(0, page.total - offset));
    if (held > limit) throw refused(endpoint, `the page holds ${held} items, more than the ${limit} asked for`);
    if (held > expected) throw refused(endpoint, `the page holds ${held} items after skipping ${offset}, but the listing has only ${page.total}`);
    if (held < expected) throw refused(endpoint, `the page holds ${held} items, but a listing of ${page.total} has ${expected} from ${offset} on`);
  }

  /**
   * One page of GET /api/v1/boxes/byTokenId/{tokenId} (OutputQuerySet.getAllByTokenId: the main chain's boxes that
   * held the token, spent ones included, `order by o.creation_height asc`), as the Explorer orders it: oldest first.
   */
  async function tokenPage(tokenId: HexId, offset: number, limit: number): Promise<IndexPage<IndexedBox>> {
    const json = await get(`/api/v1/boxes/byTokenId/${tokenId}?offset=${offset}&limit=${limit}`, TOKEN_ENDPOINT);
    if (json === 'not-found') throw nodeAnsweredError(nodeUrl, TOKEN_ENDPOINT, 404, undefined);
    const listed = parse(TOKEN_ENDPOINT, json, explorerIndexedBoxPageSchema);
    const page = parse(TOKEN_ENDPOINT, { items: listed.items.map((item) => item.box), total: listed.total }, indexedBoxPageSchema);
    checkPageSize(TOKEN_ENDPOINT, page, offset, limit);
    const seen = new Set<HexId>();
    const boxes = page.items.map(({ box }, i) => {
      const at = `items[${i}] (box ${box.boxId})`;
      if (!box.assets.some((asset) => asset.tokenId === tokenId)) throw refused(TOKEN_ENDPOINT, `${at} does not hold the token asked for`);
      if (listed.items[i]?.mainChain !== true) throw refused(TOKEN_ENDPOINT, `${at} is not on the main chain`);
      if (seen.has(box.boxId)) throw refused(TOKEN_ENDPOINT, `${at} is listed twice`);
      seen.add(box.boxId);
      const older = page.items[i - 1]?.box;
      if (older && box.creationHeight < older.creationHeight) throw refused(TOKEN_ENDPOINT, `items[${i}] was created before items[${i - 1}], so the page is not oldest first`);
      return box;
    });
    return { items: boxes, total: page.total };
  }


  /**
   * One page of GET /api/v1/addresses/{address}/transactions (TransactionQuerySet.getAllRelatedToErgoTree: the main
   * chain's transactions with an output under the address's tree or an input spending a box under it, `order by
   * t.timestamp desc`), with every input and output (concise=false; concise=true would leave only the address's own),
   * only those of the blocks `fromHeight` to `toHeight` where `heights` are given. Checked, but in the Explorer's
   * order: blocks newest first, a block's transactions in no particular order (inChainOrder).
   */
  async function treePage(tree: string, offset: number, limit: number, heights?: readonly [number, number]): Promise<IndexPageRead<IndexedTransactionRead>> {
    const range = heights ? `&fromHeight=${heights[0]}&toHeight=${heights[1]}` : '';
    const path = `/api/v1/addresses/${addressOf(tree)}/transactions?offset=${offset}&limit=${limit}&concise=false${range}`;
    if (targetPrefix.length + path.length > MAX_REQUEST_TARGET) throw addressTooLong(nodeUrl, tree.length / 2);
    const json = await get(path, TREE_ENDPOINT);
    if (json === 'not-found') throw nodeAnsweredError(nodeUrl, TREE_ENDPOINT, 404, undefined);
    const page = parse(TREE_ENDPOINT, parse(TREE_ENDPOINT, json, explorerTransactionPageSchema), indexedTransactionPageSchema);
    checkPageSize(TREE_ENDPOINT, page, offset, limit);
    page.items.forEach(({ transaction, inputTrees }, i) => {
      const height = transaction.inclusionHeight;
      if (!transaction.outputs.some((output) => output.ergoTree === tree) && !inputTrees.includes(tree)) {
        throw refused(TREE_ENDPOINT, `items[${i}] (transaction ${transaction.id}) neither spends nor creates a box under the script asked for`);
      }
      if (heights && (height < heights[0] || height > heights[1])) throw refused(TREE_ENDPOINT, `items[${i}] (transaction ${transaction.id}) is in block ${height}, not in the blocks asked for`);
      const newer = page.items[i - 1]?.transaction;
      if (newer && height > newer.inclusionHeight) throw refused(TREE_ENDPOINT, `items[${i}] is in a later block than items[${i - 1}], so the page is not newest first`);
    });
    return page;
  }

  /** Every transaction of one block under the script, newest first (by place in the block). */
  async function wholeBlock(tree: string, height: number): Promise<IndexedTransactionRead[]> {
    const found = new Map<HexId, IndexedTransactionRead>();
    for (let pages = 0; pages < MAX_BLOCK_PAGES; pages++) {
      const { items, total } = await treePage(tree, found.size, EXPLORER_MAX_LIMIT, [height, height]);
      for (const item of items) found.set(item.transaction.id, item);
      // Paging through one block meets the same unstable order as paging through the listing; only a block of more
      // than 500 transactions under one script has a second page, and a repeat there shows as a count that falls short.
      if (items.length < EXPLORER_MAX_LIMIT || found.size >= total) {
        if (found.size !== total) throw refused(TREE_ENDPOINT, `block ${height} was listed with ${found.size} different transactions, but its total is ${total}`);
        return [...found.values()].sort(newestFirst);
      }
    }
    throw refused(TREE_ENDPOINT, `the transactions of block ${height} did not end after ${MAX_BLOCK_PAGES} pages`);
  }

  /**
   * A page of the listing by script in the node's order, which the ChainIndex contract promises: newest block first, a
   * block's transactions from the last to the first. The Explorer orders the listing by the time of the block, which is
   * by height, as consensus makes every block later than its parent (ergo HeaderValidator, hdrNonIncreasingTimestamp),
   * but the transactions of one block share its time, so they come in no particular order, and Postgres may give them in
   * another order to the next query (a sort with a LIMIT is not stable). Inside a page a sort puts them in place. Where
   * the page cuts through a block (`cutAtStart`, `cutAtEnd`: the transaction on the other side of the cut is of the
   * same block), which of the block's transactions fell on this side depends on that order, so the block is read whole
   * and cut where the node's order cuts it; otherwise two pages could both hold one transaction and neither hold
   * another, and a catch-up would miss a trade.
   */
  async function inChainOrder(tree: string, page: IndexPageRead<IndexedTransactionRead>, offset: number, cutAtStart: boolean, cutAtEnd: boolean): Promise<IndexedTransactionRead[]> {
    const placed = [...page.items].sort(newestFirst);
    const first = placed[0]?.transaction;
    const last = placed.at(-1)?.transaction;
    if (!first || !last) return placed;
    const cuts = new Map<number, { start: boolean; end: boolean; blockId: HexId }>();
    if (cutAtStart) cuts.set(first.inclusionHeight, { start: true, end: false, blockId: first.blockId });
    if (cutAtEnd) cuts.set(last.inclusionHeight, { start: cuts.has(last.inclusionHeight), end: true, blockId: last.blockId });
    for (const [height, cut] of cuts) {
      // Where the block's transactions sit in the page, [from, to), and in the listing, from `start` on.
      const from = placed.findIndex((item) => item.transaction.inclusionHeight === height);
      const to = placed.findLastIndex((item) => item.transaction.inclusionHeight === height) + 1;
      const block = await blockRead(tree, height, cut.blockId, placed.slice(from, to));
      const start =
        cut.start && cut.end
          ? // The page lies inside the block: the listing holds the blocks above it, and then this one.
            page.total - (await treePage(tree, 0, 1, [0, height])).total
          : cut.start
            ? offset + to - block.length
            : offset + from;
      for (let i = from; i < to; i++) {
        const item = block[offset + i - start];
        if (!item) throw refused(TREE_ENDPOINT, `block ${height} has ${block.length} transactions under the script, fewer than the listing places there`);
        placed[i] = item;
      }
    }
    return placed;
  }

  /** A block read whole, or the one read last if it is the same block and holds what the page shows of it. */
  async function blockRead(tree: string, height: number, blockId: HexId, shown: readonly IndexedTransactionRead[]): Promise<IndexedTransactionRead[]> {
    const kept = lastBlocks.get(tree)?.find((block) => block.blockId === blockId)?.items;
    const has = (items: readonly IndexedTransactionRead[]) => shown.every((item) => items.some((other) => other.transaction.id === item.transaction.id));
    if (kept && has(kept)) return kept;
    const items = await wholeBlock(tree, height);
    if (!has(items) || items.some((item) => item.transaction.blockId !== blockId)) {
      throw refused(TREE_ENDPOINT, `block ${height} was listed with other transactions than a page of the listing shows of it, so the listing changed while it was read`);
    }
    if (lastBlocks.size >= MAX_REMEMBERED_LISTINGS) lastBlocks.clear();
    lastBlocks.set(tree, [{ blockId, items }, ...(lastBlocks.get(tree) ?? []).slice(0, 1)]);
    return items;
  }

  /** The node's order, strictly: newest block first, a block's transactions by place, last first; no place twice. */
  function checkNewestFirst(items: readonly IndexedTransactionRead[]): void {
    for (let i = 1; i < items.length; i++) {
      const newer = (items[i - 1] as IndexedTransactionRead).transaction;
      const item = (items[i] as IndexedTransactionRead).transaction;
      if (item.inclusionHeight !== newer.inclusionHeight) continue;
      if (item.blockId !== newer.blockId) throw refused(TREE_ENDPOINT, `transactions ${newer.id} and ${item.id} are both at height ${item.inclusionHeight}, but in different blocks`);
      if (item.index >= newer.index) throw refused(TREE_ENDPOINT, `transactions ${newer.id} and ${item.id} both take place ${item.index} of block ${item.inclusionHeight}`);
    }
  }

  const client: ExplorerClient = {
    label: `the Ergo Explorer at ${nodeUrl}`,
    // A block summary's inputs carry their proofs but not their context extensions (v0 InputInfo).
    blocksWithoutExtensions: true,
    maxPage: EXPLORER_INDEX_PAGE,

    /**
     * The Explorer indexes every block it takes in (its boxes with their tokens and scripts, its transactions) as it
     * takes it in, so its index reaches its tip: the indexed height is networkState's height.
     */
    indexedHeight: async () => (await client.tip()).height,

    async tip() {
      const endpoint = 'GET /api/v1/networkState';
      const json = await get('/api/v1/networkState', endpoint);
      if (json === 'not-found') throw nodeAnsweredError(nodeUrl, endpoint, 404, undefined);
      const state = parse(endpoint, json, networkStateSchema);
      return { height: state.height, headerId: state.height === 0 ? null : state.lastBlockId, network: options.network };
    },

    async headerIdsAt(height) {
      if (!Number.isInteger(height) || height < 0 || height > 2_147_483_647) {
        throw new AppError('invalid-input', `Block height ${height} is not a valid height.`, 'This is a bug in the app; please report it.');
      }
      const endpoint = 'GET /api/v0/blocks/at/{height}';
      const json = await get(`/api/v0/blocks/at/${height}`, endpoint);
      return json === 'not-found' ? [] : parse(endpoint, json, headerIdsSchema);
    },

    header: async (headerId) => (await block(headerId)).header,
    blockTransactions: async (headerId) => (await block(headerId)).transactions,

    async unspentBox(boxId) {
      const found = await client.box(boxId);
      if (found === null || found.spentTransactionId !== null) return null;
      const { inclusionHeight: _height, spentTransactionId: _spent, ...box } = found;
      return box;
    },

    async unspentByErgoTree(ergoTree) {
      if (!HEX_TREE.test(ergoTree) || ergoTree.length > 8_192) {
        throw new AppError('invalid-input', 'The wallet script is not hexadecimal bytes.', 'This is a bug in the app; please report it.');
      }
      const tree = ergoTree.toLowerCase();
      const boxes: ChainBox[] = [];
      for (let page = 0; page < MAX_BOX_PAGES; page++) {
        const found = await boxPage(tree, page * BOX_PAGE_LIMIT);
        boxes.push(...found);
        if (found.length < BOX_PAGE_LIMIT) break;
      }
      // The Explorer's unspent boxes ignore its mempool (explorer-backend Boxes.getUnspentOutputsByErgoTree); a box
      // the app's previous transaction spends must not pay the next one's fee, or the node refuses it as a double spend.
      const spentInMempool = new Set((await client.mempool()).flatMap((tx) => tx.inputs.map((input) => input.boxId)));
      return boxes.filter((box) => !spentInMempool.has(box.boxId));
    },

    /** The Explorer answers no list of ids: its pool is read whole and kept to the ids asked for. */
    async mempoolIdsAmong(ids) {
      if (ids.length === 0) return new Set<HexId>();
      const asked = new Set(ids);
      return new Set((await client.mempool()).map((tx) => tx.id).filter((id) => asked.has(id)));
    },

    /** All pages; as with a node, the pool moves between pages and the sync loop simply asks again next round. */
    async mempool() {
      const endpoint = 'GET /api/v0/transactions/unconfirmed';
      const byId = new Map<HexId, ChainTransaction>();
      for (let page = 0; page < MAX_MEMPOOL_PAGES; page++) {
        const json = await get(`/api/v0/transactions/unconfirmed?offset=${page * MEMPOOL_PAGE_LIMIT}&limit=${MEMPOOL_PAGE_LIMIT}`, endpoint);
        if (json === 'not-found') throw nodeAnsweredError(nodeUrl, endpoint, 404, undefined);
        const transactions = parse(endpoint, parse(endpoint, json, explorerMempoolPageSchema), mempoolPageSchema);
        for (const tx of transactions) if (!byId.has(tx.id)) byId.set(tx.id, tx);
        if (transactions.length < MEMPOOL_PAGE_LIMIT) return [...byId.values()];
      }
      throw responseInvalid(nodeUrl, endpoint, `the listing did not end after ${MAX_MEMPOOL_PAGES} pages`);
    },

    /** Sent exactly once, for the reason given in node-client.ts (post). */
    async submit(tx: SignedTransactionJson) {
      const endpoint = 'POST /api/v1/mempool/transactions/submit';
      const request: NodeRequest = { method: 'POST', path: '/api/v1/mempool/transactions/submit', endpoint, body: tx };
      const answer = await http.send(request);
      if (answer.status === 400) throw transactionRefused(answer.json, answer.status);
      const id = parse(endpoint, accept(answer, endpoint), submittedSchema);
      if (tx.id !== undefined && tx.id.toLowerCase() !== id) throw mismatch(endpoint, 'id');
      return id;
    },

    check: () => Promise.reject(checkUnsupported()),

    /** A box off the main chain is not in a node's index either: null, as for a box the Explorer does not know. */
    async box(boxId) {
      const id = requireHexId(boxId, 'box');
      const json = await get(`/api/v1/boxes/${id}`, BOX_ENDPOINT);
      if (json === 'not-found') return null;
      const entry = parse(BOX_ENDPOINT, json, explorerIndexedBoxSchema);
      const { box } = parse(BOX_ENDPOINT, entry.box, indexedBoxSchema);
      if (box.boxId !== id) throw refused(BOX_ENDPOINT, `the box is ${box.boxId}, not the one asked for`);
      return entry.mainChain ? box : null;
    },

    /** The Explorer answers main-chain transactions only (TransactionRepo.getMain); 404 "Not found Transaction with id". */
    async transaction(transactionId): Promise<IndexedTransaction | null> {
      const id = requireHexId(transactionId, 'transaction');
      const endpoint = 'GET /api/v1/transactions/{txId}';
      const json = await get(`/api/v1/transactions/${id}`, endpoint);
      if (json === 'not-found') return null;
      const { transaction } = parse(endpoint, parse(endpoint, json, explorerTransactionSchema), indexedTransactionSchema);
      if (transaction.id !== id) throw refused(endpoint, `the transaction is ${transaction.id}, not the one asked for`);
      return transaction;
    },

    /**
     * The Explorer lists the boxes oldest first by creation height, so the newest `offset` to `offset + limit` are its
     * `total - offset - limit` to `total - offset`. The oldest `offset + limit` come first, which tells the total and,
     * for a listing no longer than that (a LETS id is held by a handful of boxes), is the whole listing; otherwise the
     * page is asked for, again while the total changes under it (a block with the token came in between). "Newest" is
     * then by creation height, the height the builder of the transaction wrote into the box, which for our transactions
     * is the height they were built at; boxes of one creation height come in the Explorer's order reversed (Postgres
     * sorts them for the query's DISTINCT ON (box_id, creation_height), so by box id in practice, but nothing promises
     * it), not by their place on chain.
     */
    async boxesByToken(tokenId, offset, limit): Promise<IndexPage<IndexedBox>> {
      const id = requireHexId(tokenId, 'token');
      requirePage(offset, limit);
      const firstLimit = Math.max(1, Math.min(EXPLORER_MAX_HEAVY_LIMIT, offset + limit));
      const first = await tokenPage(id, 0, firstLimit);
      let { total } = first;
      const newest = () => {
        const count = Math.min(limit, Math.max(0, total - offset));
        return { oldest: total - offset - count, count };
      };
      if (total <= firstLimit) {
        const { oldest, count } = newest();
        return { items: first.items.slice(oldest, oldest + count).reverse(), total };
      }
      for (let attempt = 0; attempt < 3; attempt++) {
        const { oldest, count } = newest();
        if (count === 0) return { items: [], total };
        const page = await tokenPage(id, oldest, count);
        if (page.total === total) return { items: page.items.reverse(), total };
        total = page.total;
      }
      throw refused(TOKEN_ENDPOINT, 'the listing kept changing while it was read');
    },

    /**
     * One page of the listing by address (treePage) put in the node's order (inChainOrder). The transaction just before
     * the page and the one just after it are asked for too, to tell whether the page cuts through a block.
     */
    async transactionsByErgoTree(ergoTree, offset, limit): Promise<IndexPage<IndexedTransaction>> {
      const tree = requireTree(ergoTree);
      requirePage(offset, limit);
      const before = offset > 0 ? 1 : 0;
      const answer = await treePage(tree, offset - before, before + limit + 1);
      const items = answer.items.slice(before, before + limit);
      const heightAt = (position: number) => answer.items[position]?.transaction.inclusionHeight;
      const cutAtStart = before === 1 && items.length > 0 && heightAt(0) === heightAt(1);
      const cutAtEnd = items.length > 0 && heightAt(before + items.length) === heightAt(before + items.length - 1);
      const placed = await inChainOrder(tree, { items, total: answer.total }, offset, cutAtStart, cutAtEnd);
      checkNewestFirst(placed);
      return { items: placed.map((item) => item.transaction), total: answer.total };
    },
  };
  return withExplorerErrors(client);
}

/** Every call's AppErrors worded for the Explorer (explorer-errors.ts). */
function withExplorerErrors(client: ExplorerClient): ExplorerClient {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>, submitting = false) =>
    (...args: A): Promise<R> =>
      call(...args).catch((error: unknown) => {
        throw asExplorerError(error, { submitting });
      });
  return {
    label: client.label,
    blocksWithoutExtensions: client.blocksWithoutExtensions,
    maxPage: client.maxPage,
    indexedHeight: wrap(client.indexedHeight),
    box: wrap(client.box),
    transaction: wrap(client.transaction),
    boxesByToken: wrap(client.boxesByToken),
    transactionsByErgoTree: wrap(client.transactionsByErgoTree),
    tip: wrap(client.tip),
    headerIdsAt: wrap(client.headerIdsAt),
    header: wrap(client.header),
    blockTransactions: wrap(client.blockTransactions),
    unspentBox: wrap(client.unspentBox),
    unspentByErgoTree: wrap(client.unspentByErgoTree),
    mempool: wrap(client.mempool),
    mempoolIdsAmong: wrap(client.mempoolIdsAmong),
    submit: wrap(client.submit, true),
    check: wrap(client.check),
  };
}

/** Ids go into the URL path, so anything but 64 hex characters is refused before a request is made. */
function requireHexId(id: string, what: 'block' | 'box' | 'transaction' | 'token'): string {
  if (!HEX_ID.test(id)) throw new AppError('invalid-input', `"${id.slice(0, 80)}" is not a ${what} id.`, 'This is a bug in the app; please report it.');
  return id.toLowerCase();
}

function requireTree(ergoTree: string): string {
  if (!HEX_TREE.test(ergoTree)) throw new AppError('invalid-input', `"${ergoTree.slice(0, 80)}" is not an ErgoTree.`, 'This is a bug in the app; please report it.');
  return ergoTree.toLowerCase();
}

/** A page the ChainIndex contract allows; the Explorer reads offset and limit as Int. */
function requirePage(offset: number, limit: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > 2_147_483_647 || !Number.isInteger(limit) || limit < 0 || limit > EXPLORER_INDEX_PAGE) {
    throw new AppError('invalid-input', `A page of ${limit} items from ${offset} cannot be asked of the index (at most ${EXPLORER_INDEX_PAGE} at a time).`, 'This is a bug in the app; please report it.');
  }
}

/** The node's order of a listing: newest block first, a block's transactions by place, last first. */
function newestFirst(a: IndexedTransactionRead, b: IndexedTransactionRead): number {
  return b.transaction.inclusionHeight - a.transaction.inclusionHeight || b.transaction.index - a.transaction.index;
}
