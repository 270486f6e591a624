import { ErgoAddress } from '@fleet-sdk/core';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChainBox, ChainHeader, ChainTransaction, HexId, SignedTransactionJson } from '../../electron/core/chain/chain-source';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import type { DevnetIndex, IndexedTransactionView } from '../../electron/core/devnet/devnet-index';

/*
 * The devnet dressed as the public Ergo Explorer: the JSON shapes of explorer-backend's v1 and v0 models
 * (modules/explorer-api/.../http/api/v{0,1}/models), served on 127.0.0.1 so the real Explorer client and the real
 * sync run against a real chain. Fields the client does not read are filled in as the Explorer would, so a test
 * also shows that they are ignored. What the Explorer indexes (boxes and transactions by id, boxes by token,
 * transactions by address) comes from the devnet's own index (DevnetChain.index), up to the tip: the Explorer indexes
 * every block it takes in. Paging, order and errors are the Explorer's (explorer-backend ae73d4e), see the routes.
 */

type Json = Record<string, unknown>;

function asset(token: ChainBox['assets'][number], index: number): Json {
  return { tokenId: token.tokenId, index, amount: token.amount, name: null, decimals: null, type: null };
}

/** v0 OutputInfo (blocks) and UOutputInfo (mempool): `id`, `txId`, registers as plain hex. */
export function v0Output(box: ChainBox, spentBy: HexId | null = null): Json {
  return {
    id: box.boxId,
    txId: box.transactionId,
    value: box.value,
    index: box.index,
    creationHeight: box.creationHeight,
    ergoTree: box.ergoTree,
    address: 'not-decoded-in-tests',
    assets: box.assets.map(asset),
    additionalRegisters: { ...box.additionalRegisters },
    spentTransactionId: spentBy,
    mainChain: true,
  };
}

const NO_ID = '00'.repeat(32);

/** v1 registers (explorer protocol/registers.scala): each one expanded to its bytes, type and rendering. */
function v1Registers(box: ChainBox): Json {
  return Object.fromEntries(
    Object.entries(box.additionalRegisters).map(([name, hex]) => [name, { serializedValue: hex, sigmaType: 'SAny', renderedValue: 'not-rendered-in-tests' }]),
  );
}

export interface OutputPlace {
  spentBy?: HexId | null;
  blockId?: HexId;
  globalIndex?: number;
  /** Height of the block that holds the box; its creation height unless given. */
  settlementHeight?: number;
}

/** v1 OutputInfo (GET /api/v1/boxes/…): node names, registers expanded, where it is spent. */
export function v1Box(box: ChainBox, { spentBy = null, blockId = NO_ID, globalIndex = 0, settlementHeight = box.creationHeight }: OutputPlace = {}): Json {
  return {
    boxId: box.boxId,
    transactionId: box.transactionId,
    blockId,
    value: box.value,
    index: box.index,
    globalIndex: BigInt(globalIndex),
    creationHeight: box.creationHeight,
    settlementHeight,
    ergoTree: box.ergoTree,
    ergoTreeConstants: '',
    ergoTreeScript: '',
    address: 'not-decoded-in-tests',
    assets: box.assets.map(asset),
    additionalRegisters: v1Registers(box),
    spentTransactionId: spentBy,
    mainChain: true,
  };
}

/** A box of the devnet as the Explorer indexed it, up to height `upTo`: where it sits and what spent it. */
function indexedOutput(index: DevnetIndex, upTo: number, boxId: HexId): Json {
  const view = index.box(boxId, upTo);
  if (view === undefined) throw new Error(`the devnet index does not know box ${boxId}`);
  return v1Box(view.box, {
    spentBy: view.spent?.transaction.transaction.id ?? null,
    blockId: index.transaction(view.box.transactionId, upTo)?.header.id ?? NO_ID,
    globalIndex: view.globalIndex,
    settlementHeight: view.inclusionHeight,
  });
}

/**
 * v1 TransactionInfo (TransactionInfo.unFlatten): inputs as InputInfo, the box they spend with the proof bytes but no
 * context extension; numConfirmations counts the tip as 1 (Transaction.numConfirmations). With `concise`, only the
 * inputs and outputs under that tree, as for `concise=true` (outputs.getAllByTxIds narrowed by address).
 */
export function v1Transaction(view: IndexedTransactionView, index: DevnetIndex, upTo: number, concise: string | null = null): Json {
  const { transaction: tx, header } = view;
  const spent = (boxId: HexId) => {
    const box = index.box(boxId, upTo);
    if (box === undefined) throw new Error(`the devnet index does not know box ${boxId}`);
    return { ...box, blockId: index.transaction(box.box.transactionId, upTo)?.header.id ?? NO_ID };
  };
  const inputs = tx.inputs.map((input, at) => {
    const { box, globalIndex, inclusionHeight, blockId } = spent(input.boxId);
    return {
      boxId: input.boxId,
      value: box.value,
      index: at,
      spendingProof: input.proofBytes === '' ? null : input.proofBytes,
      outputBlockId: blockId,
      outputTransactionId: box.transactionId,
      outputIndex: box.index,
      outputGlobalIndex: BigInt(globalIndex),
      outputCreatedAt: box.creationHeight,
      outputSettledAt: inclusionHeight,
      ergoTree: box.ergoTree,
      ergoTreeConstants: '',
      ergoTreeScript: '',
      address: 'not-decoded-in-tests',
      assets: box.assets.map(asset),
      additionalRegisters: v1Registers(box),
    };
  });
  const dataInputs = tx.dataInputs.map((input, at) => {
    const { box, blockId } = spent(input.boxId);
    const place = { boxId: input.boxId, value: box.value, index: at, outputBlockId: blockId, outputTransactionId: box.transactionId, outputIndex: box.index };
    return { ...place, ergoTree: box.ergoTree, address: 'not-decoded-in-tests', assets: box.assets.map(asset), additionalRegisters: v1Registers(box) };
  });
  return {
    id: tx.id,
    blockId: header.id,
    inclusionHeight: header.height,
    timestamp: header.timestamp,
    index: view.index,
    globalIndex: BigInt(view.globalIndex),
    numConfirmations: upTo - header.height + 1,
    inputs: concise === null ? inputs : inputs.filter((input) => input.ergoTree === concise),
    dataInputs,
    outputs: tx.outputs.filter((output) => concise === null || output.ergoTree === concise).map((output) => indexedOutput(index, upTo, output.boxId)),
    size: 0,
  };
}

/** v0 TransactionInfo inside a block summary. */
export function v0BlockTransaction(tx: ChainTransaction, header: ChainHeader, index: number): Json {
  return {
    id: tx.id,
    headerId: header.id,
    inclusionHeight: header.height,
    timestamp: header.timestamp,
    index,
    confirmationsCount: 1,
    inputs: tx.inputs.map((input, at) => ({ id: input.boxId, value: null, index: at, spendingProof: input.proofBytes === '' ? null : input.proofBytes, transactionId: tx.id })),
    dataInputs: tx.dataInputs.map((input, at) => ({ id: input.boxId, value: null, index: at, transactionId: tx.id })),
    outputs: tx.outputs.map((output) => v0Output(output)),
  };
}

/**
 * A header as the Explorer writes it (explorer-backend v1 HeaderInfo): votes as three numbers, d as a decimal string,
 * the difficulty and epoch it derives, and no unparsedBytes.
 */
function explorerHeader({ unparsedBytes: _none, powSolutions, votes, ...header }: ChainHeader): Json {
  return {
    ...header,
    epoch: 0,
    difficulty: 1,
    size: 0,
    votes: [...Buffer.from(votes, 'hex')],
    powSolutions: { ...powSolutions, d: powSolutions.d.toString() },
  };
}

/** GET /api/v1/blocks/{id}: v0 BlockSummary. */
export function blockSummary(header: ChainHeader, transactions: ChainTransaction[]): Json {
  return {
    block: {
      header: explorerHeader(header),
      blockTransactions: transactions.map((tx, index) => v0BlockTransaction(tx, header, index)),
      extension: {},
      adProofs: null,
    },
    references: { previousId: header.parentId, nextId: null },
  };
}

/** v0 UTransactionInfo: mempool inputs carry the whole spending proof. */
export function v0MempoolTransaction(tx: ChainTransaction): Json {
  return {
    id: tx.id,
    inputs: tx.inputs.map((input, at) => ({ id: input.boxId, transactionId: tx.id, spendingProof: { proofBytes: input.proofBytes, extension: input.extension }, value: null, index: at })),
    dataInputs: tx.dataInputs.map((input, at) => ({ id: input.boxId, transactionId: tx.id, index: at })),
    outputs: tx.outputs.map((output) => v0Output(output)),
    creationTimestamp: 0n,
    size: 0n,
  };
}

export function networkState(height: number, lastBlockId: HexId): Json {
  return { lastBlockId, height, maxBoxGix: 0n, maxTxGix: 0n, params: {} };
}

/** ApiErr as the Explorer writes it. */
export function explorerError(status: number, reason: string): Json {
  return { status, reason };
}

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

function page(url: URL): { offset: number; limit: number } {
  return { offset: Number(url.searchParams.get('offset') ?? 0), limit: Number(url.searchParams.get('limit') ?? 20) };
}

/** The Explorer's bounds on a page (application.conf: max-entities-per-request, max-entities-per-heavy-request). */
export const EXPLORER_MAX_LIMIT = 500;
export const EXPLORER_MAX_HEAVY_LIMIT = 100;

/** A query parameter tapir reads as an Int, with its validators; a 400 as the Explorer writes it when it fails them. */
function intParameter(url: URL, name: string, fallback: number | null, min: number, max = 2_147_483_647): number | null | Answer {
  const text = url.searchParams.get(name);
  if (text === null) return fallback;
  const value = /^-?\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < -2_147_483_648 || value > 2_147_483_647) return badRequest(`Invalid value for: query parameter ${name}`);
  if (value < min) return badRequest(`Invalid value for: query parameter ${name} (expected value to be greater than or equal to ${min}, but was ${value})`);
  if (value > max) return badRequest(`Invalid value for: query parameter ${name} (expected value to be less than or equal to ${max}, but was ${value})`);
  return value;
}

function badRequest(reason: string): Answer {
  return new Answer(400, explorerError(400, `Bad request: ${reason}`));
}

/** commonDirectives.paging(maxLimit): offset ≥ 0 (default 0), 1 ≤ limit ≤ maxLimit (default 20). */
function paging(url: URL, maxLimit: number): { offset: number; limit: number } | Answer {
  const offset = intParameter(url, 'offset', 0, 0);
  if (offset instanceof Answer) return offset;
  const limit = intParameter(url, 'limit', 20, 1, maxLimit);
  if (limit instanceof Answer) return limit;
  return { offset: offset as number, limit: limit as number };
}

/** commonDirectives.inclusionHeight: fromHeight ≥ 0 and toHeight ≥ 1, both inclusive, used only when both are given. */
function heightRange(url: URL): [number, number] | null | Answer {
  const from = intParameter(url, 'fromHeight', null, 0);
  if (from instanceof Answer) return from;
  const to = intParameter(url, 'toHeight', null, 1);
  if (to instanceof Answer) return to;
  return from === null || to === null ? null : [from, to];
}

/** The tree of an address in a path (Address is base58 text); anything else is the Explorer's 400. */
function treeOf(address: string): string | Answer {
  try {
    return ErgoAddress.decode(address).ergoTree.toLowerCase();
  } catch {
    return badRequest('Invalid value for: path parameter address');
  }
}

/**
 * Transactions of one block share its timestamp, by which the Explorer orders a listing, so their order is whatever
 * Postgres makes of the query, and may differ from one query to the next. Here it is a shuffle that depends on the
 * query, so every page asks the client to cope with it.
 */
function tieOrder(transactionId: HexId, query: string): string {
  return createHash('sha256').update(`${query}|${transactionId}`).digest('hex');
}

/** GET /api/v1/addresses/{address}/transactions (TransactionQuerySet.getAllRelatedToErgoTree and its count). */
function transactionsOfAddress(index: DevnetIndex, upTo: number, address: string, url: URL): Answer {
  const asked = paging(url, EXPLORER_MAX_LIMIT);
  if (asked instanceof Answer) return asked;
  const heights = heightRange(url);
  if (heights instanceof Answer) return heights;
  const tree = treeOf(address);
  if (tree instanceof Answer) return tree;
  const concise = url.searchParams.get('concise');
  if (concise !== null && concise !== 'true' && concise !== 'false') return badRequest('Invalid value for: query parameter concise');
  const related = index
    .transactionsByTree(tree, upTo, 0, Number.POSITIVE_INFINITY)
    .items.filter(({ header }) => heights === null || (header.height >= heights[0] && header.height <= heights[1]))
    .map((view) => ({ view, tie: tieOrder(view.transaction.id, url.search) }))
    // order by t.timestamp desc: a block's transactions in an order of their own.
    .sort((a, b) => b.view.header.timestamp - a.view.header.timestamp || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
  const items = related.slice(asked.offset, asked.offset + asked.limit).map(({ view }) => v1Transaction(view, index, upTo, concise === 'true' ? tree : null));
  return new Answer(200, { items, total: related.length });
}

/**
 * GET /api/v1/boxes/byTokenId/{tokenId} (OutputQuerySet.getAllByTokenId): `select distinct on (o.box_id,
 * o.creation_height) … order by o.creation_height asc`, which Postgres sorts by creation height and then box id.
 */
function boxesOfToken(index: DevnetIndex, upTo: number, tokenId: string, url: URL): Answer {
  const asked = paging(url, EXPLORER_MAX_HEAVY_LIMIT);
  if (asked instanceof Answer) return asked;
  const boxes = index
    .boxesByToken(tokenId.toLowerCase(), upTo, 0, Number.POSITIVE_INFINITY)
    .items.map((view) => view.box)
    .sort((a, b) => a.creationHeight - b.creationHeight || (a.boxId < b.boxId ? -1 : a.boxId > b.boxId ? 1 : 0));
  const items = boxes.slice(asked.offset, asked.offset + asked.limit).map((box) => indexedOutput(index, upTo, box.boxId));
  return new Answer(200, { items, total: boxes.length });
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += (chunk as Buffer).toString('utf8');
  return body;
}

/** The posted transaction as the devnet takes it: JSON integers arrive as bigint, a creation height is a number. */
function submitted(body: string): SignedTransactionJson {
  const tx = parseNodeJson(body) as SignedTransactionJson;
  return { ...tx, outputs: tx.outputs.map((output) => ({ ...output, creationHeight: Number(output.creationHeight) })) };
}

async function route(chain: DevnetChain, request: IncomingMessage, url: URL): Promise<Answer> {
  const path = url.pathname;
  let match: RegExpExecArray | null;
  if (request.method === 'POST' && path === '/api/v1/mempool/transactions/submit') {
    try {
      return new Answer(200, { id: await chain.submit(submitted(await readBody(request))) });
    } catch (error) {
      return new Answer(400, explorerError(400, `Bad request: ${(error as Error).message}`));
    }
  }
  if (path === '/api/v1/networkState') {
    const tip = await chain.tip();
    return new Answer(200, networkState(tip.height, tip.headerId ?? '00'.repeat(32)));
  }
  if ((match = /^\/api\/v0\/blocks\/at\/(\d+)$/.exec(path))) return new Answer(200, await chain.headerIdsAt(Number(match[1])));
  if ((match = /^\/api\/v1\/blocks\/([0-9a-f]{64})$/.exec(path))) {
    const id = match[1] as string;
    try {
      return new Answer(200, blockSummary(await chain.header(id), await chain.blockTransactions(id)));
    } catch {
      return new Answer(404, explorerError(404, `Not found block ${id}`));
    }
  }
  if ((match = /^\/api\/v1\/boxes\/unspent\/byErgoTree\/([0-9a-f]+)$/.exec(path))) {
    const boxes = await chain.unspentByErgoTree(match[1] as string);
    const { offset, limit } = page(url);
    return new Answer(200, { items: boxes.slice(offset, offset + limit).map((box) => v1Box(box)), total: boxes.length });
  }
  // The Explorer's index reaches its tip.
  const { index, height: upTo } = chain;
  if ((match = /^\/api\/v1\/boxes\/byTokenId\/([0-9a-fA-F]+)$/.exec(path))) return boxesOfToken(index, upTo, match[1] as string, url);
  if ((match = /^\/api\/v1\/boxes\/([0-9a-fA-F]{64})$/.exec(path))) {
    const id = (match[1] as string).toLowerCase();
    return index.box(id, upTo) ? new Answer(200, indexedOutput(index, upTo, id)) : new Answer(404, explorerError(404, `Not found Output with id: ${id}`));
  }
  if ((match = /^\/api\/v1\/transactions\/([0-9a-fA-F]{64})$/.exec(path))) {
    const id = (match[1] as string).toLowerCase();
    const view = index.transaction(id, upTo);
    return view ? new Answer(200, v1Transaction(view, index, upTo)) : new Answer(404, explorerError(404, `Not found Transaction with id: ${id}`));
  }
  if ((match = /^\/api\/v1\/addresses\/([^/]+)\/transactions$/.exec(path))) return transactionsOfAddress(index, upTo, match[1] as string, url);
  if (path === '/api/v0/transactions/unconfirmed') {
    const pool = await chain.mempool();
    const { offset, limit } = page(url);
    return new Answer(200, { items: pool.slice(offset, offset + limit).map(v0MempoolTransaction), total: pool.length });
  }
  return new Answer(404, explorerError(404, `Not found ${path}`));
}

export interface ExplorerServer {
  url: string;
  /** Every request as "METHOD /path?query", oldest first. */
  requests: string[];
  close(): Promise<void>;
}

function listen(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  const server = createServer(handle);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function closing(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function replyJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(stringifyNodeJson(body));
}

/** The devnet behind an Explorer-shaped API on a random loopback port. */
export async function serveDevnetAsExplorer(chain: DevnetChain): Promise<ExplorerServer> {
  const requests: string[] = [];
  const server = await listen((request, response) => {
    requests.push(`${request.method ?? 'GET'} ${request.url ?? '/'}`);
    route(chain, request, new URL(request.url ?? '/', 'http://127.0.0.1')).then(
      (answer) => replyJson(response, answer.status, answer.body),
      (error: unknown) => replyJson(response, 500, explorerError(500, `Unknown error: ${String(error)}`)),
    );
  });
  return { url: urlOf(server), requests, close: closing(server) };
}

/** A hand-written Explorer for hostile answers: `answer` decides each reply (or never replies). */
export async function serveExplorer(answer: (path: string, response: ServerResponse) => void): Promise<ExplorerServer> {
  const requests: string[] = [];
  const server = await listen((request, response) => {
    requests.push(`${request.method ?? 'GET'} ${request.url ?? '/'}`);
    answer(request.url ?? '/', response);
  });
  return { url: urlOf(server), requests, close: closing(server) };
}
