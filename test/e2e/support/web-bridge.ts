import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatcher } from '../../../electron/core/api/dispatch';
import { readBody } from '../../../electron/core/http/read-body';

/**
 * Test/dev harness, never shipped: serves the built renderer and the API contract over loopback so real
 * Chromium can drive the real UI against the real core. Bound to 127.0.0.1 on a random port, every API call
 * must carry a random per-run token, and a request from another origin is refused (DNS-rebinding guard).
 */
export interface WebBridge {
  /** Open this in the browser: it carries the token in the fragment, which is never sent over HTTP. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebBridge(dispatcher: Dispatcher, rendererDir: string): Promise<WebBridge> {
  const token = randomBytes(32).toString('hex');
  let origin = '';

  async function serveApi(request: IncomingMessage, response: ServerResponse, name: string) {
    const foreignOrigin = request.headers.origin !== undefined && request.headers.origin !== origin;
    if (request.method !== 'POST' || foreignOrigin || !hasToken(request, token)) {
      response.writeHead(403).end();
      return;
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    response.writeHead(200, { 'content-type': 'application/json' }).end(await dispatcher.dispatchWire(name, body));
  }

  async function serveFile(response: ServerResponse, pathname: string) {
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
    const file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const content = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(content);
    } catch {
      response.writeHead(404).end();
    }
  }

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', origin);
    const api = /^\/api\/([\w.-]+)$/.exec(pathname);
    const work = api?.[1] ? serveApi(request, response, decodeURIComponent(api[1])) : serveFile(response, pathname);
    work.catch(() => {
      if (!response.headersSent) response.writeHead(400);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/#bridge-token=${token}`,
    origin,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
