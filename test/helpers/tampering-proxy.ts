import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';

export interface TamperingProxy {
  url: string;
  close(): Promise<void>;
}

/** What the proxy does to one JSON answer: the path asked, and the answer as the node sent it (int64 as bigint). */
export type Tamper = (path: string, answer: unknown) => unknown;

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A man in the middle between the app and a node: every request goes on to `target` as it came, every JSON answer
 * comes back through `tamper`, re-encoded with the node's int64 numbers. What a hostile network or Explorer can do.
 */
export async function tamperingProxy(target: string, tamper: Tamper): Promise<TamperingProxy> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '/';
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await bodyOf(request);
      const answer = await fetch(`${target}${path}`, { method: request.method, headers: { 'content-type': request.headers['content-type'] ?? 'application/json' }, body });
      const text = await answer.text();
      const json = answer.headers.get('content-type')?.includes('json') ? parseNodeJson(text) : undefined;
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      response.end(json === undefined ? text : stringifyNodeJson(tamper(path, json)));
    })().catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
