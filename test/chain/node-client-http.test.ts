import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { box, failure, idOf, LONG_MAX, nodeInfo } from './node-fixtures';

/** The real fetch path against a real socket on 127.0.0.1: headers, bodies, timeouts and refused connections. */

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function nodeServer(handler: Handler): Promise<string> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => handler(request, body, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function reply(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(stringifyNodeJson(value));
}

describe('node client over real HTTP', () => {
  it('reads the tip and a box with a Long.MAX value, sending the api key', async () => {
    const seen: Array<{ url: string | undefined; apiKey: string | string[] | undefined }> = [];
    const baseUrl = await nodeServer((request, _body, response) => {
      seen.push({ url: request.url, apiKey: request.headers['api_key'] });
      if (request.url === '/info') reply(response, 200, nodeInfo());
      else if (request.url === `/utxo/byId/${idOf('box A')}`) reply(response, 200, box({ value: LONG_MAX }));
      else reply(response, 404, { error: 404n, reason: 'not-found', detail: null });
    });
    const client = createNodeClient({ baseUrl, apiKey: 'key' });
    expect(await client.tip()).toEqual({ height: 667, headersHeight: 667, headerId: idOf('block 667'), network: 'mainnet' });
    expect((await client.unspentBox(idOf('box A')))?.value).toBe(9_223_372_036_854_775_807n);
    expect(await client.unspentBox(idOf('box B'))).toBeNull();
    expect(seen.map((s) => s.apiKey)).toEqual(['key', 'key', 'key']);
  });

  it('posts a transaction with bare int64 numbers the node can read', async () => {
    let posted = '';
    const baseUrl = await nodeServer((_request, body, response) => {
      posted = body;
      reply(response, 200, idOf('tx A'));
    });
    const client = createNodeClient({ baseUrl });
    const id = await client.submit({
      inputs: [{ boxId: idOf('box A'), spendingProof: { proofBytes: '', extension: {} } }],
      dataInputs: [],
      outputs: [{ value: LONG_MAX, ergoTree: '00', creationHeight: 1, assets: [], additionalRegisters: {} }],
    });
    expect(id).toBe(idOf('tx A'));
    expect(posted).toContain('"value":9223372036854775807');
  });

  it('refuses an answer larger than the limit before reading it', async () => {
    const baseUrl = await nodeServer((_request, _body, response) => reply(response, 200, nodeInfo({ name: 'x'.repeat(10_000) })));
    const error = await failure(createNodeClient({ baseUrl, maxResponseBytes: 2_000 }).tip());
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain('(GET /info: the answer is larger than the limit of 2000 bytes)');
  });

  it('times out on a node that accepts the connection but never answers', async () => {
    const baseUrl = await nodeServer(() => {
      // Never respond; the socket stays open until the client gives up.
    });
    const client = createNodeClient({ baseUrl, timeoutMs: 200, retry: { attempts: 1, baseDelayMs: 1 } });
    const started = Date.now();
    const error = await failure(client.tip());
    expect(error.code).toBe('chain-unreachable');
    expect(error.message).toContain('no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused connection with the node address', async () => {
    const baseUrl = await nodeServer(() => {});
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    const client = createNodeClient({ baseUrl, retry: { attempts: 2, baseDelayMs: 1 } });
    const error = await failure(client.tip());
    expect(error.code).toBe('chain-unreachable');
    expect(error.message).toBe(`Cannot reach the Ergo node at ${baseUrl} (connection refused: nothing is listening at that address).`);
  });
});
