import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChainBox, ChainHeader, ChainTransaction, HexId, SignedTransactionJson } from '../../electron/core/chain/chain-source';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';

/*
 * The devnet dressed as the public Ergo Explorer: the JSON shapes of explorer-backend's v1 and v0 models
 * (modules/explorer-api/.../http/api/v{0,1}/models), served on 127.0.0.1 so the real Explorer client and the real
 * sync run against a real chain. Fields the client does not read are filled in as the Explorer would, so a test
 * also shows that they are ignored.
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

/** v1 OutputInfo (GET /api/v1/boxes/…): node names, registers expanded, where it is spent. */
export function v1Box(box: ChainBox, { spentBy = null as HexId | null, blockId = '00'.repeat(32) } = {}): Json {
  const registers = Object.fromEntries(
    Object.entries(box.additionalRegisters).map(([name, hex]) => [name, { serializedValue: hex, sigmaType: 'SAny', renderedValue: 'not-rendered-in-tests' }]),
  );
  return {
    boxId: box.boxId,
    transactionId: box.transactionId,
    blockId,
    value: box.value,
    index: box.index,
    globalIndex: 0n,
    creationHeight: box.creationHeight,
    settlementHeight: box.creationHeight,
    ergoTree: box.ergoTree,
    ergoTreeConstants: '',
    ergoTreeScript: '',
    address: 'not-decoded-in-tests',
    assets: box.assets.map(asset),
    additionalRegisters: registers,
    spentTransactionId: spentBy,
    mainChain: true,
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

/** GET /api/v1/blocks/{id}: v0 BlockSummary. */
export function blockSummary(header: ChainHeader, transactions: ChainTransaction[]): Json {
  return {
    block: {
      header: { ...header, version: 2, epoch: 0, difficulty: 1, adProofsRoot: '', stateRoot: '', transactionsRoot: '', nBits: 0, size: 0, extensionHash: '', votes: [0, 0, 0] },
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

/** Where each box of the chain was created and spent: the Explorer knows spent boxes, the devnet only unspent ones. */
async function findBox(chain: DevnetChain, boxId: HexId): Promise<{ box: ChainBox; blockId: HexId; spentBy: HexId | null } | undefined> {
  let found: { box: ChainBox; blockId: HexId; spentBy: HexId | null } | undefined;
  for (let height = 1; height <= chain.height; height++) {
    const [blockId] = await chain.headerIdsAt(height);
    if (blockId === undefined) break;
    for (const tx of await chain.blockTransactions(blockId)) {
      if (found && tx.inputs.some((input) => input.boxId === boxId)) found.spentBy = tx.id;
      const box = tx.outputs.find((output) => output.boxId === boxId);
      if (box) found = { box, blockId, spentBy: null };
    }
  }
  return found;
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
  if ((match = /^\/api\/v1\/boxes\/([0-9a-f]{64})$/.exec(path))) {
    const found = await findBox(chain, match[1] as string);
    return found ? new Answer(200, v1Box(found.box, found)) : new Answer(404, explorerError(404, 'Not found box'));
  }
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
