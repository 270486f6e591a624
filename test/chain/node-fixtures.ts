import { createHash } from 'node:crypto';
import { stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import type { FetchLike } from '../../electron/core/chain/node-http';
import { AppError } from '../../electron/core/errors/app-error';
import { expect } from 'vitest';

/**
 * Node answers shaped like shared/ergo-node-openapi.yaml (field names and example values from its schemas),
 * built by small helpers so each test states only what it is about. Integers are bigint so that the fake node
 * writes them as bare JSON numbers, exactly like the real node does for int64.
 */

export const NODE_URL = 'http://127.0.0.1:9053';
export const LONG_MAX = 9_223_372_036_854_775_807n;

/** A stable 64-hex id named by a label: idOf('box A'). */
export function idOf(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

/** P2PK tree from the spec's ErgoTree example. */
export const P2PK_TREE = '0008cd0336100ef59ced80ba5f89c4178ebd57b6c1dd0f3d135ee1db9f62fc634d637041';

export function nodeInfo(overrides: Record<string, unknown> = {}) {
  return {
    name: 'my-node-1',
    appVersion: '6.0.4',
    fullHeight: 667n,
    headersHeight: 667n,
    maxPeerHeight: 706162n,
    bestFullHeaderId: idOf('block 667'),
    previousFullHeaderId: idOf('block 666'),
    bestHeaderId: idOf('block 667'),
    stateRoot: 'dab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
    stateType: 'utxo',
    stateVersion: 'fab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
    isMining: true,
    peersCount: 327n,
    unconfirmedCount: 327n,
    difficulty: 667n,
    currentTime: 1524143059077n,
    launchTime: 1524143059077n,
    // Cumulative scores are BigInt-sized on a real chain; the client must not choke on them.
    headersScore: 123456789012345678901234567890n,
    fullBlocksScore: 123456789012345678901234567890n,
    genesisBlockId: idOf('block 1'),
    parameters: { height: 667n, storageFeeFactor: 100000n, minValuePerByte: 360n, maxBlockSize: 1271009n },
    network: 'mainnet',
    ...overrides,
  };
}

export function blockHeader(overrides: Record<string, unknown> = {}) {
  return {
    id: idOf('block 667'),
    timestamp: 1524143059077n,
    version: 2n,
    adProofsRoot: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
    stateRoot: '333ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
    transactionsRoot: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
    nBits: 19857408n,
    extensionHash: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
    powSolutions: { pk: '0350e25cee8562697d55275c96bb01b34228f9bd68fd9933f2a25ff195526864f5', w: '0366ea253123dfdb8d6d9ca2cb9ea98629e8f34015b1e4ba942b1d88badfcc6a12', n: '0000000000000000', d: 987654321n },
    height: 667n,
    difficulty: '9575989248',
    parentId: idOf('block 666'),
    votes: '000000',
    ...overrides,
  };
}

export function asset(label: string, amount: bigint) {
  return { tokenId: idOf(label), amount };
}

/** An ErgoTransactionOutput as the node writes it inside a transaction or for /utxo/byId. */
export function box(overrides: Record<string, unknown> = {}) {
  return {
    boxId: idOf('box A'),
    value: 1_000_000n,
    ergoTree: P2PK_TREE,
    creationHeight: 9149n,
    assets: [] as unknown[],
    additionalRegisters: {} as Record<string, unknown>,
    transactionId: idOf('tx A'),
    index: 0n,
    ...overrides,
  };
}

export function input(boxLabel: string) {
  return {
    boxId: idOf(boxLabel),
    spendingProof: {
      proofBytes: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd1173ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
      extension: { '1': 'a2aed72ff1b139f35d1ad2938cb44c9848a34d4dcfd6d8ab717ebde40a7304f2541cf628ffc8b5c496e6161eba3f169c6dd440704b1719e0' },
    },
  };
}

/** An ErgoTransaction spending `spends` and creating one output per entry of `outputs` (ids filled in). */
export function transaction(label: string, { spends = ['box A'], outputs = [{}] }: { spends?: string[]; outputs?: Record<string, unknown>[] } = {}) {
  const id = idOf(label);
  return {
    id,
    inputs: spends.map(input),
    dataInputs: [] as unknown[],
    outputs: outputs.map((output, index) => box({ boxId: idOf(`${label} output ${index}`), transactionId: id, index: BigInt(index), ...output })),
    size: 219n,
  };
}

/** A mempool entry (ErgoTransactionWithInputBoxes): inputs carry the whole spent box. */
export function mempoolTransaction(label: string) {
  const tx = transaction(label, { spends: [`${label} input`] });
  return { ...tx, inputs: tx.inputs.map((spent) => ({ ...box({ boxId: spent.boxId }), spendingProof: spent.spendingProof })) };
}

export function blockTransactions(headerLabel: string, transactions: unknown[]) {
  return { headerId: idOf(headerLabel), transactions, size: 1024n };
}

export function apiError(error: number, reason: string, detail: string | null = null) {
  return { error: BigInt(error), reason, detail };
}

/** A signed transaction as our builders hand it to submit(). */
export function signedTransaction(value = 1_000_000n) {
  return {
    inputs: [{ boxId: idOf('box A'), spendingProof: { proofBytes: 'ab', extension: {} } }],
    dataInputs: [],
    outputs: [{ value, ergoTree: P2PK_TREE, creationHeight: 9149, assets: [{ tokenId: idOf('LETS'), amount: LONG_MAX }], additionalRegisters: {} }],
  };
}

// ---- a fake node behind an injected fetch ----

export interface SeenRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: string | undefined;
}

export type Reply = { status?: number; json?: unknown; text?: string; contentType?: string } | Error | Promise<Response> | Response;
type Route = Reply | ((request: SeenRequest) => Reply);

export function json(value: unknown, status = 200): Reply {
  return { status, json: value };
}

export function connectionRefused(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9053'), { code: 'ECONNREFUSED' }) });
}

/** A fetch that never answers (until aborted, like a real one). */
export function hanging(): Promise<Response> {
  return new Promise<Response>(() => {});
}

/**
 * A fake node answering "METHOD /path" routes (query string ignored for matching; see request.search). Unknown
 * routes answer 404 with an ApiError, as the node does.
 */
export function fakeNode(routes: Record<string, Route>) {
  const requests: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      path: parsed.pathname,
      search: parsed.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`] ?? json(apiError(404, 'not-found', 'The requested resource could not be found'), 404);
    const reply = typeof route === 'function' ? route(request) : route;
    if (reply instanceof Error) throw reply;
    if (reply instanceof Response || reply instanceof Promise) return reply;
    const text = reply.text ?? stringifyNodeJson(reply.json);
    return new Response(text, { status: reply.status ?? 200, headers: { 'content-type': reply.contentType ?? 'application/json' } });
  };
  return { fetch, requests };
}

/** Records back-off waits instead of waiting. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Awaits a call that must fail and returns its AppError (a success or a plain Error fails the test). */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
