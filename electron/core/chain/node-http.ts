import { retryDelayMs, type RetryPolicy } from './backoff';
import { parseNodeJson, stringifyNodeJson } from './lossless-json';
import { responseInvalid, unreachable, type TransportFailure } from './node-errors';

/**
 * One HTTP exchange with the node: timeout, size cap, lossless JSON, and retries where retrying is safe.
 * What the answer means is decided by the caller (node-client.ts).
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How patient a client is, and the seams tests use; each has a default for a real node or Explorer. */
export interface HttpTuning {
  fetch?: FetchLike;
  /** Per attempt, body included. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  maxResponseBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for retry jitter. */
  random?: () => number;
}

export interface NodeHttpOptions extends HttpTuning {
  baseUrl: URL;
  apiKey?: string;
}

const DEFAULTS = {
  timeoutMs: 20_000,
  retry: { attempts: 3, baseDelayMs: 500 },
  // A full block's transactions are a few MB of JSON at most; this only stops a runaway or hostile answer.
  maxResponseBytes: 32_000_000,
} as const;

export interface NodeRequest {
  method: 'GET' | 'POST';
  /** Path and query below the base URL, e.g. "/blocks/at/12". */
  path: string;
  /** For messages: the operation as the spec names it, e.g. "GET /blocks/{headerId}/header". */
  endpoint: string;
  body?: unknown;
}

export interface NodeAnswer {
  status: number;
  /** Parsed JSON, or undefined when the body is empty or not JSON (an HTML error page from a proxy, say). */
  json: unknown;
  looksLikeHtml: boolean;
}

type Attempt = { ok: true; answer: NodeAnswer } | { ok: false; failure: TransportFailure };

/** The node URL as shown in messages: origin and path prefix, without a trailing slash. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
}

const TOO_MANY_REQUESTS = 429;

export function createNodeHttp(tuned: NodeHttpOptions) {
  const options = {
    ...tuned,
    fetch: tuned.fetch ?? globalThis.fetch,
    timeoutMs: tuned.timeoutMs ?? DEFAULTS.timeoutMs,
    retry: tuned.retry ?? DEFAULTS.retry,
    maxResponseBytes: tuned.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    sleep: tuned.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    random: tuned.random ?? Math.random,
  };
  const nodeUrl = displayUrl(options.baseUrl);

  async function attemptOnce(request: NodeRequest): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    try {
      const response = await untilAborted(options.fetch(urlFor(request.path), init(request, controller.signal)), controller.signal);
      // The timer also covers the body: a node that sends headers and then stalls is as dead as one that never answers.
      const text = await untilAborted(readText(response), controller.signal);
      return { ok: true, answer: { status: response.status, ...decode(text) } };
    } catch (error) {
      if (timedOut) return { ok: false, failure: { kind: 'timeout', timeoutMs: options.timeoutMs } };
      if (error instanceof ResponseTooLarge || error instanceof BadEncoding) throw responseInvalid(nodeUrl, request.endpoint, error.message);
      return { ok: false, failure: { kind: 'network', code: networkErrorCode(error) } };
    } finally {
      clearTimeout(timer);
    }
  }

  function urlFor(path: string): string {
    return `${options.baseUrl.href.replace(/\/$/, '')}${path}`;
  }

  function init(request: NodeRequest, signal: AbortSignal): RequestInit {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.apiKey) headers['api_key'] = options.apiKey;
    if (request.body === undefined) return { method: request.method, headers, signal };
    headers['content-type'] = 'application/json';
    return { method: request.method, headers, signal, body: stringifyNodeJson(request.body) };
  }

  async function readText(response: Response): Promise<string> {
    const declared = Number(response.headers.get('content-length'));
    if (declared > options.maxResponseBytes) {
      await response.body?.cancel();
      throw new ResponseTooLarge(options.maxResponseBytes);
    }
    if (response.body === null) return '';
    // A declared length within the limit is read whole at once, which costs far less per request than chunk by chunk
    // (an index catch-up asks two small answers for every transaction); the limit still holds if the body is longer.
    const bytes = declared > 0 ? new Uint8Array(await response.arrayBuffer()) : await readChunks(response.body);
    if (bytes.byteLength > options.maxResponseBytes) throw new ResponseTooLarge(options.maxResponseBytes);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new BadEncoding();
    }
  }

  /** A body of undeclared length, given up on as soon as it passes the limit. */
  async function readChunks(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxResponseBytes) {
        await reader.cancel();
        throw new ResponseTooLarge(options.maxResponseBytes);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }

  return {
    nodeUrl,
    /**
     * Sends a request. GETs are retried after a network failure, a timeout, a 5xx answer or a 429 (a busy public service
     * turning away some of a round's parallel block requests: each is retried on its own); POSTs never are
     * (see node-client.ts, submit). Throws 'chain-unreachable' once the attempts are used up; any HTTP answer,
     * including a final 5xx, is returned for the caller to judge.
     */
    async send(request: NodeRequest): Promise<NodeAnswer> {
      const attempts = request.method === 'GET' ? Math.max(1, options.retry.attempts) : 1;
      for (let attempt = 1; ; attempt++) {
        const result = await attemptOnce(request);
        const retryable = !result.ok || result.answer.status >= 500 || result.answer.status === TOO_MANY_REQUESTS;
        if (!retryable || attempt >= attempts) {
          if (result.ok) return result.answer;
          throw unreachable(nodeUrl, result.failure, request.endpoint);
        }
        await options.sleep(retryDelayMs(attempt, options.retry.baseDelayMs, options.random));
      }
    },
  };
}

export type NodeHttp = ReturnType<typeof createNodeHttp>;

function decode(text: string): { json: unknown; looksLikeHtml: boolean } {
  const looksLikeHtml = /^\s*</.test(text);
  if (text.trim() === '' || looksLikeHtml) return { json: undefined, looksLikeHtml };
  try {
    return { json: parseNodeJson(text), looksLikeHtml: false };
  } catch {
    return { json: undefined, looksLikeHtml: false };
  }
}

/** Rejects as soon as the signal aborts, so a timeout holds even with a fetch (or body stream) that ignores signals. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Node's fetch reports "fetch failed" with the socket error (or an AggregateError of them) as its cause. */
function networkErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined) : undefined;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

class ResponseTooLarge extends Error {
  constructor(maxBytes: number) {
    super(`the answer is larger than the limit of ${maxBytes >= 1_000_000 ? `${Math.round(maxBytes / 1_000_000)} MB` : `${maxBytes} bytes`}`);
  }
}

class BadEncoding extends Error {
  constructor() {
    super('the answer is not valid UTF-8 text');
  }
}
