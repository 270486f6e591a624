import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { ChainTransaction, SignedTransactionJson } from '../chain/chain-source';
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

function transactionJson(tx: ChainTransaction) {
  return {
    id: tx.id,
    inputs: tx.inputs.map((i) => ({ boxId: i.boxId, spendingProof: { proofBytes: i.proofBytes, extension: i.extension } })),
    dataInputs: tx.dataInputs,
    outputs: tx.outputs,
  };
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

async function route(chain: DevnetChain, request: IncomingMessage, url: URL): Promise<unknown> {
  const path = url.pathname;
  const get = request.method === 'GET';
  const post = request.method === 'POST';
  let match: RegExpExecArray | null;
  if (get && path === '/info') {
    const tip = await chain.tip();
    return {
      name: 'lets-devnet',
      appVersion: 'devnet',
      network: 'devnet',
      fullHeight: tip.headerId === null ? null : tip.height,
      headersHeight: tip.headerId === null ? null : tip.height,
      bestFullHeaderId: tip.headerId,
      unconfirmedCount: (await chain.mempool()).length,
      currentTime: BigInt(Date.now()),
    };
  }
  if (get && (match = /^\/blocks\/at\/(\d{1,10})$/.exec(path))) return chain.headerIdsAt(Number(match[1]));
  if (get && (match = /^\/blocks\/([0-9a-f]{64})\/header$/.exec(path))) return chain.header(match[1] as string);
  if (get && (match = /^\/blocks\/([0-9a-f]{64})\/transactions$/.exec(path))) {
    const transactions = await chain.blockTransactions(match[1] as string);
    return { headerId: match[1], transactions: transactions.map(transactionJson), size: 0 };
  }
  if (get && (match = /^\/utxo\/byId\/([0-9a-f]{64})$/.exec(path))) {
    const box = await chain.unspentBox(match[1] as string);
    if (!box) throw new HttpError(404, 'not-found', 'No unspent box with this id.');
    return box;
  }
  if (get && path === '/transactions/unconfirmed') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    return (await chain.mempool()).slice(offset, offset + limit).map(transactionJson);
  }
  if (post && path === '/transactions') return chain.submit(await submittedBody(request));
  if (post && path === '/transactions/check') return chain.check(await submittedBody(request));
  throw new HttpError(404, 'not-found', `The devnet does not serve ${request.method ?? ''} ${path}.`);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(stringifyNodeJson(body));
}

export interface DevnetServer {
  url: string;
  close(): Promise<void>;
}

export async function serveDevnet(chain: DevnetChain, port = 0): Promise<DevnetServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    route(chain, request, url).then(
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
