import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { ChainSource, ChainTip, ChainTransaction, HexId, SignedTransactionJson } from './chain-source';
import {
  blockUnknown,
  describeSchemaError,
  networkUnknown,
  nodeAnsweredError,
  responseInvalid,
  transactionRefused,
  wrongNetwork,
} from './node-errors';
import { createNodeHttp, type HttpTuning, type NodeAnswer, type NodeRequest } from './node-http';
import {
  blockTransactionsSchema,
  headerIdsSchema,
  headerSchema,
  headerSliceSchema,
  MEMPOOL_PAGE_LIMIT,
  mempoolIdsSchema,
  mempoolPageSchema,
  type NetworkName,
  nodeInfoSchema,
  transactionIdSchema,
  unspentBoxSchema,
} from './node-schemas';
import { readBlockTransactions, readTransactionPage } from './node-transaction-reader';

export interface NodeClientOptions extends HttpTuning {
  /** e.g. "http://127.0.0.1:9053"; a path prefix (reverse proxy) is kept. */
  baseUrl: string;
  /** Sent as the node's `api_key` header; the endpoints used here do not need it, a proxy in front may. */
  apiKey?: string;
  /** The network the ledger lives on, compared with what the node reports (see tip). */
  expectedNetwork?: NetworkName;
}

/**
 * Nodes cap the mempool at 10 000 transactions by default (the spec's unconfirmedCount maximum), i.e. 100 pages;
 * twice that means the listing is not ending, e.g. a node that ignores `offset` and repeats its first page.
 */
const MAX_MEMPOOL_PAGES = 200;

const HEX_ID = /^[0-9a-fA-F]{64}$/;

export function createNodeClient(options: NodeClientOptions): ChainSource {
  const http = createNodeHttp({ ...options, baseUrl: parseBaseUrl(options.baseUrl) });
  const { nodeUrl } = http;

  /**
   * Validates a 2xx answer against its schema; any other status becomes the node's error. `fastRead` is a quicker
   * reader of the same rules (node-transaction-reader.ts); when it gives up, the schema decides and names the field.
   */
  function accept<S extends z.ZodType>(answer: NodeAnswer, request: NodeRequest, schema: S, fastRead?: (json: unknown) => z.output<S> | undefined): z.output<S> {
    if (answer.status < 200 || answer.status > 299) throw nodeAnsweredError(nodeUrl, request.endpoint, answer.status, answer.json);
    if (answer.json === undefined) {
      throw responseInvalid(nodeUrl, request.endpoint, answer.looksLikeHtml ? 'the answer is a web page, not JSON' : 'the answer is not JSON');
    }
    const read = fastRead?.(answer.json);
    if (read !== undefined) return read;
    const parsed = schema.safeParse(answer.json, { reportInput: true });
    if (!parsed.success) throw responseInvalid(nodeUrl, request.endpoint, describeSchemaError(parsed.error));
    return parsed.data;
  }

  async function get<S extends z.ZodType>(path: string, endpoint: string, schema: S, fastRead?: (json: unknown) => z.output<S> | undefined): Promise<z.output<S> | 'not-found'> {
    const request: NodeRequest = { method: 'GET', path, endpoint };
    const answer = await http.send(request);
    if (answer.status === 404) return 'not-found';
    return accept(answer, request, schema, fastRead);
  }

  function mismatch(endpoint: string, field: string): AppError {
    return responseInvalid(nodeUrl, endpoint, `field ${field} is not the one asked for`);
  }

  /**
   * POST /transactions is sent exactly once. If the answer is lost (timeout, dropped connection, 5xx from a proxy)
   * the node may well have accepted the transaction, and a blind resend would then come back "double spending
   * attempt" against itself, so a success would be reported as a conflict. Whether to send again is the outbox's
   * decision, after looking for the transaction in the mempool and the chain. /transactions/check changes nothing on
   * the node, but it is checked right before a submit in a flow the treasurer is watching, so a failure is shown
   * at once rather than hidden behind retries.
   */
  async function post(path: string, tx: SignedTransactionJson): Promise<HexId> {
    const request: NodeRequest = { method: 'POST', path, endpoint: `POST ${path}`, body: tx };
    const answer = await http.send(request);
    if (answer.status === 400) throw transactionRefused(answer.json, answer.status);
    const id = accept(answer, request, transactionIdSchema);
    if (tx.id !== undefined && tx.id.toLowerCase() !== id) throw mismatch(request.endpoint, 'transaction id');
    return id;
  }

  return {
    label: `the Ergo node at ${nodeUrl}`,
    /**
     * The network comes from the node's own `network` field when it sends one, and must then equal the configured
     * one. The genesis block id would also tell networks apart, but only for chains we know in advance (not for a
     * devnet or a fresh testnet), and the node name is free text, so neither is used. A node that does not report its
     * network is trusted to be on the configured one.
     */
    async tip() {
      const endpoint = 'GET /info';
      const info = await get('/info', endpoint, nodeInfoSchema);
      if (info === 'not-found') throw nodeAnsweredError(nodeUrl, endpoint, 404, undefined);
      const expected = options.expectedNetwork;
      if (info.network && expected && info.network !== expected) throw wrongNetwork(nodeUrl, info.network, expected);
      const network = info.network ?? expected;
      if (network === undefined) throw networkUnknown(nodeUrl);
      const tip: ChainTip = { height: info.fullHeight ?? 0, headerId: info.bestFullHeaderId, network };
      if (info.headersHeight !== null && info.headersHeight !== undefined) tip.headersHeight = info.headersHeight;
      return tip;
    },

    async headerIdsAt(height) {
      requireHeight(height);
      const ids = await get(`/blocks/at/${height}`, 'GET /blocks/at/{blockHeight}', headerIdsSchema);
      // Above the tip some node versions answer 404 and others an empty list; both mean "no block yet".
      return ids === 'not-found' ? [] : ids;
    },

    async header(headerId) {
      const id = requireHexId(headerId, 'block');
      const endpoint = 'GET /blocks/{headerId}/header';
      const header = await get(`/blocks/${id}/header`, endpoint, headerSchema);
      if (header === 'not-found') throw blockUnknown(nodeUrl, id);
      if (header.id !== id) throw mismatch(endpoint, 'id');
      return header;
    },

    /**
     * A node answers chainSlice with the best chain's headers from toHeight down to fromHeight + 1 (it walks back from
     * toHeight until a header at or below fromHeight + 1), capped at its maxHeadersInOneQuery. Whatever it sends is
     * kept only inside the range asked for, and must be consecutive and linked; the sync fills in any missing height.
     */
    async headerRange(from, to) {
      requireHeight(from);
      requireHeight(to);
      const endpoint = 'GET /blocks/chainSlice';
      const slice = await get(`/blocks/chainSlice?fromHeight=${from - 1}&toHeight=${to}`, endpoint, headerSliceSchema);
      if (slice === 'not-found') return [];
      const headers = slice.filter((h) => h.height >= from && h.height <= to);
      headers.forEach((header, i) => {
        const previous = headers[i - 1];
        if (previous && (header.height !== previous.height + 1 || header.parentId !== previous.id)) {
          throw responseInvalid(nodeUrl, endpoint, `the header at height ${header.height} does not follow the one before it`);
        }
      });
      return headers;
    },

    async blockTransactions(headerId) {
      const id = requireHexId(headerId, 'block');
      const endpoint = 'GET /blocks/{headerId}/transactions';
      const block = await get(`/blocks/${id}/transactions`, endpoint, blockTransactionsSchema, readBlockTransactions);
      if (block === 'not-found') throw blockUnknown(nodeUrl, id);
      if (block.headerId !== id) throw mismatch(endpoint, 'headerId');
      return block.transactions;
    },

    async unspentBox(boxId) {
      const id = requireHexId(boxId, 'box');
      const endpoint = 'GET /utxo/byId/{boxId}';
      const box = await get(`/utxo/byId/${id}`, endpoint, unspentBoxSchema);
      if (box === 'not-found') return null;
      if (box.boxId !== id) throw mismatch(endpoint, 'boxId');
      return box;
    },

    /**
     * All pages of the mempool. The pool changes between pages (a transaction leaving shifts the offsets), so a
     * transaction can appear twice, kept once here, or be missed for this round; the sync loop asks again anyway.
     */
    async mempool() {
      const endpoint = 'GET /transactions/unconfirmed';
      const byId = new Map<HexId, ChainTransaction>();
      for (let page = 0; page < MAX_MEMPOOL_PAGES; page++) {
        const offset = page * MEMPOOL_PAGE_LIMIT;
        const transactions = await get(`/transactions/unconfirmed?offset=${offset}&limit=${MEMPOOL_PAGE_LIMIT}`, endpoint, mempoolPageSchema, (json) =>
          readTransactionPage(json, MEMPOOL_PAGE_LIMIT),
        );
        if (transactions === 'not-found') throw nodeAnsweredError(nodeUrl, endpoint, 404, undefined);
        for (const tx of transactions) if (!byId.has(tx.id)) byId.set(tx.id, tx);
        if (transactions.length < MEMPOOL_PAGE_LIMIT) return [...byId.values()];
      }
      throw responseInvalid(nodeUrl, endpoint, `the listing did not end after ${MAX_MEMPOOL_PAGES} pages`);
    },

    /** The node keeps those of the ids that are in its pool (TransactionsApiRoute, getUnconfirmedTxsByIds). */
    async mempoolIdsAmong(ids) {
      if (ids.length === 0) return new Set();
      const request: NodeRequest = { method: 'POST', path: '/transactions/unconfirmed/byTransactionIds', endpoint: 'POST /transactions/unconfirmed/byTransactionIds', body: ids };
      const found = accept(await http.send(request), request, mempoolIdsSchema(ids.length));
      const asked = new Set(ids);
      if (found.some((id) => !asked.has(id))) throw mismatch(request.endpoint, 'transaction id');
      return new Set(found);
    },

    submit: (tx) => post('/transactions', tx),
    check: (tx) => post('/transactions/check', tx),
  };
}

function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('invalid-input', `"${text}" is not a web address.`, 'Enter the node address like http://127.0.0.1:9053.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('invalid-input', `The node address must start with http:// or https://.`, 'Enter the node address like http://127.0.0.1:9053.');
  }
  // fetch refuses URLs with user:password, and a password typed there would end up in messages and logs.
  if (url.username || url.password) {
    throw new AppError('invalid-input', 'The node address must not contain a user name or password.', 'Put an API key in its own field instead.');
  }
  if (url.search || url.hash) {
    throw new AppError('invalid-input', 'The node address must not contain ? or #.', 'Enter the node address like http://127.0.0.1:9053.');
  }
  return url;
}

/** Ids go into the URL path, so anything but 64 hex characters (say "../wallet") is refused before a request is made. */
function requireHexId(id: string, what: 'block' | 'box'): string {
  if (!HEX_ID.test(id)) {
    throw new AppError('invalid-input', `"${id.slice(0, 80)}" is not a ${what} id.`, 'This is a bug in the app; please report it.');
  }
  return id.toLowerCase();
}

/** Heights go into the URL too; a node's heights are int32. */
function requireHeight(height: number): void {
  if (!Number.isInteger(height) || height < 0 || height > 2_147_483_647) {
    throw new AppError('invalid-input', `Block height ${height} is not a valid height.`, 'This is a bug in the app; please report it.');
  }
}
