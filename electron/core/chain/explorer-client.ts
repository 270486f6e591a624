import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { ChainBox, ChainHeader, ChainSource, ChainTransaction, HexId, SignedTransactionJson } from './chain-source';
import { asExplorerError, checkUnsupported } from './explorer-errors';
import {
  explorerBlockSchema,
  explorerBoxPageSchema,
  explorerBoxSchema,
  explorerMempoolPageSchema,
  networkStateSchema,
  submittedSchema,
} from './explorer-schemas';
import { blockUnknown, describeSchemaError, nodeAnsweredError, responseInvalid, transactionRefused } from './node-errors';
import { createNodeHttp, type HttpTuning, type NodeAnswer, type NodeRequest } from './node-http';
import { blockTransactionsSchema, headerIdsSchema, headerSchema, MEMPOOL_PAGE_LIMIT, mempoolPageSchema, type NetworkName, unspentBoxSchema } from './node-schemas';

/*
 * The public Ergo Explorer as a ChainSource (API of github.com/ergoplatform/explorer-backend). Most calls are v1;
 * two things the sync needs exist only in v0, which the same servers still serve: the block ids at a height
 * (main chain first, HeaderQuerySet.getAllByHeight orders by main_chain) and the whole mempool.
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

export interface ExplorerClient extends ChainSource {
  /**
   * Confirmed unspent boxes under `ergoTree`, oldest first, excluding boxes a mempool transaction spends: the
   * signer's wallet boxes that pay fees (what node-index.ts asks a node for).
   */
  unspentByErgoTree(ergoTree: string): Promise<ChainBox[]>;
}


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

const HEX_ID = /^[0-9a-fA-F]{64}$/;
const HEX_TREE = /^(?:[0-9a-fA-F]{2})+$/;

interface ExplorerBlock {
  header: ChainHeader;
  transactions: ChainTransaction[];
}

export function createExplorerClient(options: ExplorerClientOptions): ExplorerClient {
  const http = createNodeHttp({ ...options, baseUrl: new URL(options.baseUrl) });
  const { nodeUrl } = http;
  const blocks = new Map<HexId, Promise<ExplorerBlock | 'not-found'>>();

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

  const client: ExplorerClient = {
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
      const id = requireHexId(boxId, 'box');
      const endpoint = 'GET /api/v1/boxes/{boxId}';
      const json = await get(`/api/v1/boxes/${id}`, endpoint);
      if (json === 'not-found') return null;
      const entry = parse(endpoint, json, explorerBoxSchema);
      const box = parse(endpoint, entry.box, unspentBoxSchema);
      if (box.boxId !== id) throw mismatch(endpoint, 'boxId');
      return entry.unspent ? box : null;
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
    tip: wrap(client.tip),
    headerIdsAt: wrap(client.headerIdsAt),
    header: wrap(client.header),
    blockTransactions: wrap(client.blockTransactions),
    unspentBox: wrap(client.unspentBox),
    unspentByErgoTree: wrap(client.unspentByErgoTree),
    mempool: wrap(client.mempool),
    submit: wrap(client.submit, true),
    check: wrap(client.check),
  };
}

/** Ids go into the URL path, so anything but 64 hex characters is refused before a request is made. */
function requireHexId(id: string, what: 'block' | 'box'): string {
  if (!HEX_ID.test(id)) throw new AppError('invalid-input', `"${id.slice(0, 80)}" is not a ${what} id.`, 'This is a bug in the app; please report it.');
  return id.toLowerCase();
}
