import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { ChainBox, ChainTransaction, SignedTransactionJson } from '../chain/chain-source';
import { parseNodeJson, stringifyNodeJson } from '../chain/lossless-json';
import { AppError } from '../errors/app-error';
import { readBody } from '../http/read-body';
import type { DevnetChain } from './devnet-chain';

/*
 * The devnet behind the Ergo node's REST API (the subset in ../shared/ergo-node-openapi.yaml that the mirror uses),
 * on 127.0.0.1 only, so the app's node client and sync run against the devnet exactly as against a real node.
 */

const MAX_BODY_BYTES = 2_000_000;
const hex = z.string().regex(/^(?:[0-9a-f]{2})*$/i);
const id = z.string().regex(/^[0-9a-f]{64}$/i);
const amount = z.bigint().min(0n);

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
        creationHeight: z.bigint().min(0n).transform(Number),
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
const text = (value: string) => (PLAIN_HEX.test(value) ? `"${value}"` : JSON.stringify(value));

function boxJson(box: ChainBox): string {
  const assets = box.assets.map((a) => `{"tokenId":${text(a.tokenId)},"amount":${a.amount}}`).join(',');
  return `{"boxId":${text(box.boxId)},"value":${box.value},"ergoTree":${text(box.ergoTree)},"creationHeight":${box.creationHeight},"assets":[${assets}],"additionalRegisters":${JSON.stringify(box.additionalRegisters)},"transactionId":${text(box.transactionId)},"index":${box.index}}`;
}

function transactionJson(tx: ChainTransaction): string {
  const inputs = tx.inputs.map((i) => `{"boxId":${text(i.boxId)},"spendingProof":{"proofBytes":${text(i.proofBytes)},"extension":${JSON.stringify(i.extension)}}}`);
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
  if (!result.success) throw new HttpError(400, 'bad.request', `Not a transaction: ${result.error.issues[0]?.message ?? 'invalid'}`);
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

/** The most boxes one page may ask for, as on a node (BlockchainApiRoute.MaxItems). */
const MAX_INDEX_ITEMS = 16_384;

function pageParameter(url: URL, name: string, fallback: number): number {
  const value = Number(url.searchParams.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new HttpError(400, 'bad.request', `${name} must be a whole number.`);
  return value;
}

/**
 * The part of a node's extra index (`/blockchain/*`) that the app uses: the indexed height, and unspent boxes by
 * script, which is how the app finds the wallet boxes that pay its fees. A node without the index answers every
 * /blockchain path with an error, as served here with `extraIndex: false`.
 */
async function indexRoute(chain: DevnetChain, request: IncomingMessage, url: URL, served: ServedAs): Promise<unknown> {
  if (!served.extraIndex) throw new HttpError(500, 'internal.error', 'Extra indexing is not enabled');
  const path = url.pathname;
  if (request.method === 'GET' && path === '/blockchain/indexedHeight') return { indexedHeight: chain.height, fullHeight: chain.height };
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
    const oldestFirst = [...(await chain.unspentByErgoTree(ergoTree)), ...unconfirmed].filter((box) => !spentInMempool.has(box.boxId));
    const ordered = direction === 'asc' ? oldestFirst : oldestFirst.reverse();
    return new JsonText(`[${ordered.slice(offset, offset + limit).map(boxJson).join(',')}]`);
  }
  throw new HttpError(404, 'not-found', `The devnet does not serve ${request.method ?? ''} ${path}.`);
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
   * Keep every block's transactions as written once asked for, so asking again costs this process nothing: how the
   * benchmark stands in for a node on another machine. Unbounded, so never for the app's own devnet.
   */
  keepRenderedBlocks?: boolean;
}

export async function serveDevnet(chain: DevnetChain, port = 0, options: DevnetServeOptions = {}): Promise<DevnetServer> {
  const served: ServedAs = {
    network: options.network ?? 'devnet',
    extraIndex: options.extraIndex ?? true,
    rendered: options.keepRenderedBlocks ? new Map() : null,
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    route(chain, request, url, served).then(
      (body) => reply(response, 200, body),
      (error: unknown) => {
        if (error instanceof HttpError) reply(response, error.status, { error: error.status, reason: error.reason, detail: error.message });
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
