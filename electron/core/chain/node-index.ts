import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { ChainIndex, IndexedBox, IndexedTransaction, IndexPage } from './chain-index';
import type { MerkleProofJson } from './merkle';
import type { ChainBox, ChainHeader } from './chain-source';
import { apiErrorText, describeSchemaError, nodeAnsweredError, responseInvalid } from './node-errors';
import { createNodeHttp, type HttpTuning, type NodeAnswer, type NodeRequest } from './node-http';
import {
  indexedBoxPageSchema,
  indexedBoxSchema,
  indexedTransactionPageSchema,
  headerSchema,
  indexedTransactionSchema,
  MAX_INDEX_PAGE,
  merkleProofSchema,
  type IndexedBoxRead,
  type IndexedTransactionRead,
  type IndexPageRead,
  type NetworkName,
  unspentBoxSchema,
} from './node-schemas';
import { readIndexedBox, readIndexedBoxPage, readIndexedTransaction, readIndexedTransactionPage } from './node-transaction-reader';
import { treeAddresses } from './tree-addresses';

/*
 * The node's indexed `/blockchain/*` endpoints, which exist only when the node runs with `extraIndex = true`
 * (spec: shared/ergo-node-openapi.yaml; behaviour read from ergoplatform/ergo 6.0.4, BlockchainApiRoute.scala,
 * ApiExtraCodecs.scala, Segment.scala). The app uses them twice: to find the signer's own unspent boxes, which pay the
 * fee of every transaction it sends, and as the ChainIndex a LETS is found and caught up with (boxes by token,
 * transactions by contract, boxes and transactions by id). Without the index a node cannot answer either, and the
 * errors here say so instead of reporting an obscure 404 or 500.
 *
 * Every answer is checked against what was asked before any of it is handed on: the id asked for, the token or
 * script asked for, no more items than asked, newest first. A listing that broke those rules could make the catch-up
 * skip or invent history.
 */

/**
 * Items per page of a listing (boxes by token, transactions by script). The node takes up to 16 384, but a page is
 * the unit of waiting and of retrying: a LETS trade as the index writes it (its inputs as full boxes, every box with
 * its address, so the contract's tree and address four times) is 6 to 13 KB of JSON, so 1 000 of them are 6–13 MB:
 * a few seconds of work at most for a node that reads each one from its database, well inside the timeout, and a
 * failed page repeats little. 10 000 trades are then 10 requests, so the per-request cost is lost in the reading.
 */
export const INDEX_PAGE_LIMIT = 1_000;

/** Wallet boxes per page; a treasurer's fee wallet holds a handful. */
const WALLET_PAGE_LIMIT = 100;
/** A fee wallet with more boxes than this is not a fee wallet; stop instead of paging through a whole exchange. */
const MAX_WALLET_PAGES = 20;

/**
 * A page of INDEX_PAGE_LIMIT transactions of up to ~30 KB each (a box is at most 4 KB, and a transaction of a few
 * boxes written with their addresses); only a runaway or hostile answer is bigger.
 */
const MAX_RESPONSE_BYTES = 32_000_000;

export interface NodeIndexOptions extends Pick<HttpTuning, 'fetch' | 'timeoutMs' | 'sleep'> {
  baseUrl: string;
  /**
   * The node's network. The index lists transactions by address, whose prefix names the network: a node refuses an
   * address of another network. A devnet uses testnet addresses, as the app does (operations/signing-keys.ts).
   */
  network: NetworkName;
}

export interface NodeIndex extends ChainIndex {
  /** Confirmed unspent boxes under `ergoTree`, oldest first, excluding boxes a mempool transaction spends. */
  unspentByErgoTree(ergoTree: string): Promise<ChainBox[]>;
}

const indexedHeightSchema = z.object({ indexedHeight: z.bigint().min(0n).transform(Number) });

// The spec documents { items, total }; nodes to date answer a bare list (BlockchainApiRoute returns Seq[IndexedErgoBox]).
const unspentPageSchema = z.union([z.array(unspentBoxSchema), z.object({ items: z.array(unspentBoxSchema) }).transform((page) => page.items)]);

/** What the node cannot do without its index, in the words of extraIndexMissing. */
const WALLET_BOXES = 'list the boxes of your wallet that pay transaction fees';
const LETS_HISTORY = 'find a LETS by its token or read its history without going through every block';

export function extraIndexMissing(nodeUrl: string, cannot = WALLET_BOXES): AppError {
  return new AppError(
    'chain-node-error',
    `The Ergo node at ${nodeUrl} does not keep the extra index, so it cannot ${cannot}.`,
    'Set extraIndex = true in the node’s configuration (section ergo.node) and restart the node; it then builds the index, which takes a while on mainnet.',
  );
}

/** The words a node without the index answers every /blockchain call with (ergo BlockchainApiRoute). */
const INDEX_DISABLED = /extra indexing is not enabled/i;

const HEX_ID = /^[0-9a-fA-F]{64}$/;
const HEX_BYTES = /^(?:[0-9a-fA-F]{2})+$/;

export function createNodeIndex(options: NodeIndexOptions): NodeIndex {
  const http = createNodeHttp({
    ...options,
    baseUrl: new URL(options.baseUrl),
    retry: { attempts: 2, baseDelayMs: 500 },
    maxResponseBytes: MAX_RESPONSE_BYTES,
  });
  const { nodeUrl } = http;
  const addressOf = treeAddresses(options.network);

  function parsed<S extends z.ZodType>(answer: NodeAnswer, request: NodeRequest, schema: S, fastRead?: (json: unknown) => z.output<S> | undefined): z.output<S> {
    if (answer.json === undefined) throw responseInvalid(nodeUrl, request.endpoint, answer.looksLikeHtml ? 'the answer is a web page, not JSON' : 'the answer is not JSON');
    const read = fastRead?.(answer.json);
    if (read !== undefined) return read;
    const result = schema.safeParse(answer.json, { reportInput: true });
    if (!result.success) throw responseInvalid(nodeUrl, request.endpoint, describeSchemaError(result.error));
    return result.data;
  }

  async function indexedHeight(): Promise<number | null> {
    const request: NodeRequest = { method: 'GET', path: '/blockchain/indexedHeight', endpoint: 'GET /blockchain/indexedHeight' };
    const answer = await http.send(request);
    // Without the index the node answers every /blockchain path with an error ("Extra indexing is not enabled").
    if (answer.status < 200 || answer.status > 299) return null;
    return parsed(answer, request, indexedHeightSchema).indexedHeight;
  }

  /**
   * Sends a request to the index and returns a 2xx answer, or 'not-found' for a 404 where `notFound` allows it. A node
   * without the index says so in its error (a 500 to a GET; a POST may fail otherwise), and any other failure is
   * checked against /blockchain/indexedHeight before it is reported as the node's own error.
   */
  async function ask(request: NodeRequest, cannot: string, notFound: 'not-found' | 'error' = 'error'): Promise<NodeAnswer | 'not-found'> {
    const answer = await http.send(request);
    if (answer.status >= 200 && answer.status <= 299) return answer;
    if (answer.status === 404 && notFound === 'not-found') return 'not-found';
    if (INDEX_DISABLED.test(apiErrorText(answer.json) ?? '') || (await indexedHeight()) === null) throw extraIndexMissing(nodeUrl, cannot);
    throw nodeAnsweredError(nodeUrl, request.endpoint, answer.status, answer.json);
  }

  function refused(endpoint: string, problem: string): AppError {
    return responseInvalid(nodeUrl, endpoint, problem);
  }

  /** A listing must be newest first (ergo Segment.scala serves it so): heights never rise, global indexes always fall. */
  function checkNewestFirst(endpoint: string, items: readonly { globalIndex: number; height: number }[]): void {
    for (let i = 1; i < items.length; i++) {
      const newer = items[i - 1] as { globalIndex: number; height: number };
      const item = items[i] as { globalIndex: number; height: number };
      if (item.height > newer.height || item.globalIndex >= newer.globalIndex) {
        throw refused(endpoint, `items[${i}] is not older than items[${i - 1}], so the page is not newest first`);
      }
    }
  }

  function checkPageSize(endpoint: string, page: IndexPageRead<unknown>, offset: number, limit: number): void {
    if (page.items.length > limit) throw refused(endpoint, `the page holds ${page.items.length} items, more than the ${limit} asked for`);
    if (page.items.length > Math.max(0, page.total - offset)) {
      throw refused(endpoint, `the page holds ${page.items.length} items after skipping ${offset}, but the listing has only ${page.total}`);
    }
  }


  async function walletPage(ergoTree: string, offset: number): Promise<ChainBox[]> {
    const query = `offset=${offset}&limit=${WALLET_PAGE_LIMIT}&sortDirection=asc&includeUnconfirmed=false&excludeMempoolSpent=true`;
    const request: NodeRequest = { method: 'POST', path: `/blockchain/box/unspent/byErgoTree?${query}`, endpoint: 'POST /blockchain/box/unspent/byErgoTree', body: ergoTree };
    // The spec's 404 means "no unspent box with this script"; with the index present that is an empty wallet.
    const answer = await ask(request, WALLET_BOXES, 'not-found');
    if (answer === 'not-found') {
      if ((await indexedHeight()) === null) throw extraIndexMissing(nodeUrl);
      return [];
    }
    const boxes = parsed(answer, request, unspentPageSchema);
    if (boxes.some((box) => box.ergoTree !== ergoTree.toLowerCase())) throw refused(request.endpoint, 'a box has another script than the one asked for');
    return boxes;
  }

  /** A 2xx answer of a plain node route, or null for its 404 (the node's ApiResponse turns a None into one). */
  async function answered(request: NodeRequest): Promise<NodeAnswer | null> {
    const answer = await http.send(request);
    if (answer.status === 404) return null;
    if (answer.status < 200 || answer.status > 299) throw nodeAnsweredError(nodeUrl, request.endpoint, answer.status, answer.json);
    return answer;
  }

  return {
    label: `the Ergo node at ${nodeUrl}`,
    maxPage: INDEX_PAGE_LIMIT,
    indexedHeight,

    async unspentByErgoTree(ergoTree) {
      const boxes: ChainBox[] = [];
      for (let index = 0; index < MAX_WALLET_PAGES; index++) {
        const found = await walletPage(ergoTree, index * WALLET_PAGE_LIMIT);
        boxes.push(...found);
        if (found.length < WALLET_PAGE_LIMIT) return boxes;
      }
      return boxes;
    },

    async box(boxId): Promise<IndexedBox | null> {
      const id = requireHexId(boxId, 'box');
      const request: NodeRequest = { method: 'GET', path: `/blockchain/box/byId/${id}`, endpoint: 'GET /blockchain/box/byId/{boxId}' };
      const answer = await ask(request, LETS_HISTORY, 'not-found');
      if (answer === 'not-found') return null;
      const { box } = parsed<typeof indexedBoxSchema>(answer, request, indexedBoxSchema, readIndexedBox);
      if (box.boxId !== id) throw refused(request.endpoint, `the box is ${box.boxId}, not the one asked for`);
      return box;
    },

    async transaction(transactionId): Promise<IndexedTransaction | null> {
      const id = requireHexId(transactionId, 'transaction');
      const request: NodeRequest = { method: 'GET', path: `/blockchain/transaction/byId/${id}`, endpoint: 'GET /blockchain/transaction/byId/{txId}' };
      const answer = await ask(request, LETS_HISTORY, 'not-found');
      if (answer === 'not-found') return null;
      const { transaction } = parsed<typeof indexedTransactionSchema>(answer, request, indexedTransactionSchema, readIndexedTransaction);
      if (transaction.id !== id) throw refused(request.endpoint, `the transaction is ${transaction.id}, not the one asked for`);
      return transaction;
    },

    async boxesByToken(tokenId, offset, limit): Promise<IndexPage<IndexedBox>> {
      const id = requireHexId(tokenId, 'token');
      requirePage(offset, limit, INDEX_PAGE_LIMIT);
      const request: NodeRequest = { method: 'GET', path: `/blockchain/box/byTokenId/${id}?offset=${offset}&limit=${limit}`, endpoint: 'GET /blockchain/box/byTokenId/{tokenId}' };
      const answer = (await ask(request, LETS_HISTORY)) as NodeAnswer;
      const page = parsed<typeof indexedBoxPageSchema>(answer, request, indexedBoxPageSchema, readIndexedBoxPage);
      checkPageSize(request.endpoint, page, offset, limit);
      page.items.forEach(({ box }, i) => {
        if (!box.assets.some((asset) => asset.tokenId === id)) throw refused(request.endpoint, `items[${i}] (box ${box.boxId}) does not hold the token asked for`);
      });
      checkNewestFirst(request.endpoint, page.items.map(({ box, globalIndex }: IndexedBoxRead) => ({ globalIndex, height: box.inclusionHeight })));
      return { items: page.items.map(({ box }) => box), total: page.total };
    },

    /**
     * The node lists transactions by address, and only by address (ergo BlockchainApiRoute has no route by tree): the
     * address of a script is its tree with the network's prefix and a checksum, so it names exactly the tree. It is
     * posted rather than put in the path, as a contract's address is longer than the URI a node accepts (akka-http's
     * max-uri-length, 2k by default).
     */
    async transactionsByErgoTree(ergoTree, offset, limit): Promise<IndexPage<IndexedTransaction>> {
      const tree = requireTree(ergoTree);
      requirePage(offset, limit, INDEX_PAGE_LIMIT);
      const endpoint = 'POST /blockchain/transaction/byAddress';
      const request: NodeRequest = { method: 'POST', path: `/blockchain/transaction/byAddress?offset=${offset}&limit=${limit}`, endpoint, body: addressOf(tree) };
      const answer = (await ask(request, LETS_HISTORY)) as NodeAnswer;
      const page = parsed<typeof indexedTransactionPageSchema>(answer, request, indexedTransactionPageSchema, readIndexedTransactionPage);
      checkPageSize(endpoint, page, offset, limit);
      page.items.forEach(({ transaction, inputTrees }: IndexedTransactionRead, i) => {
        // The JSON parser hands out one string for a long text it meets again, so these compare by identity at once.
        if (!transaction.outputs.some((output) => output.ergoTree === tree) && !inputTrees.includes(tree)) {
          throw refused(endpoint, `items[${i}] (transaction ${transaction.id}) neither spends nor creates a box under the script asked for`);
        }
      });
      checkNewestFirst(endpoint, page.items.map(({ transaction, globalIndex }) => ({ globalIndex, height: transaction.inclusionHeight })));
      return { items: page.items.map(({ transaction }) => transaction), total: page.total };
    },

    /** A plain node route, there with or without the index (ergo BlocksApiRoute). */
    async blockHeader(headerId): Promise<ChainHeader | null> {
      const blockId = requireHexId(headerId, 'block');
      const request: NodeRequest = { method: 'GET', path: `/blocks/${blockId}/header`, endpoint: 'GET /blocks/{headerId}/header' };
      const answer = await answered(request);
      if (answer === null) return null;
      const header = parsed(answer, request, headerSchema);
      if (header.id !== blockId) throw refused(request.endpoint, `the header is ${header.id}, not the one asked for`);
      return header;
    },

    async proofFor(headerId, transactionId): Promise<MerkleProofJson | null> {
      const blockId = requireHexId(headerId, 'block');
      const txId = requireHexId(transactionId, 'transaction');
      const request: NodeRequest = { method: 'GET', path: `/blocks/${blockId}/proofFor/${txId}`, endpoint: 'GET /blocks/{headerId}/proofFor/{txId}' };
      const answer = await answered(request);
      return answer === null ? null : parsed(answer, request, merkleProofSchema);
    },
  };
}

/** Ids go into the URL path, so anything but 64 hex characters (say "../wallet") is refused before a request is made. */
function requireHexId(id: string, what: 'box' | 'transaction' | 'token' | 'block'): string {
  if (!HEX_ID.test(id)) throw new AppError('invalid-input', `"${id.slice(0, 80)}" is not a ${what} id.`, 'This is a bug in the app; please report it.');
  return id.toLowerCase();
}

function requireTree(ergoTree: string): string {
  if (!HEX_BYTES.test(ergoTree)) throw new AppError('invalid-input', `"${ergoTree.slice(0, 80)}" is not an ErgoTree.`, 'This is a bug in the app; please report it.');
  return ergoTree.toLowerCase();
}

function requirePage(offset: number, limit: number, maxPage: number): void {
  // The node reads both as Int.
  if (!Number.isInteger(offset) || offset < 0 || offset > 2_147_483_647 || !Number.isInteger(limit) || limit < 0 || limit > Math.min(maxPage, MAX_INDEX_PAGE)) {
    throw new AppError('invalid-input', `A page of ${limit} items from ${offset} cannot be asked of the index (at most ${maxPage} at a time).`, 'This is a bug in the app; please report it.');
  }
}
