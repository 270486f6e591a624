import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryDelayMs } from '../../electron/core/chain/backoff';
import { stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { createNodeClient, type NodeClientOptions } from '../../electron/core/chain/node-client';
import {
  apiError,
  connectionRefused,
  failure,
  fakeNode,
  hanging,
  idOf,
  json,
  NODE_URL,
  nodeInfo,
  recordingSleep,
  type Reply,
  signedTransaction,
} from './node-fixtures';

/** Replies in turn, the last one repeating. */
function inTurn(...replies: Reply[]) {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)] as Reply;
}

function clientFor(routes: Parameters<typeof fakeNode>[0], options: Partial<NodeClientOptions> = {}) {
  const node = fakeNode(routes);
  const clock = recordingSleep();
  const client = createNodeClient({ baseUrl: NODE_URL, fetch: node.fetch, sleep: clock.sleep, random: () => 0.5, ...options });
  return { client, requests: node.requests, waits: clock.waits };
}

const internalError = json(apiError(500, 'Internal server error', 'Boom'), 500);

describe('retries of reads', () => {
  it('retries a GET after refused connections and 5xx answers, waiting longer each time', async () => {
    const { client, requests, waits } = clientFor(
      { 'GET /info': inTurn(connectionRefused(), internalError, json(nodeInfo())) },
      { retry: { attempts: 4, baseDelayMs: 1_000 } },
    );
    expect((await client.tip()).height).toBe(667);
    expect(requests).toHaveLength(3);
    // Steps 1 s and 2 s, with jitter drawn at 0.5: three quarters of each step.
    expect(waits).toEqual([750, 1_500]);
  });

  it('retries a block request turned away as too many (429) on its own, as a busy public Explorer does to a round of parallel reads', async () => {
    const tooMany = json(apiError(429, 'Too Many Requests', 'Slow down'), 429);
    const { client, requests } = clientFor({ 'GET /info': inTurn(tooMany, json(nodeInfo())) }, { retry: { attempts: 3, baseDelayMs: 10 } });
    expect((await client.tip()).height).toBe(667);
    expect(requests).toHaveLength(2);
  });

  it('gives up after the configured attempts with the node address and cause in words', async () => {
    const { client, requests, waits } = clientFor({ 'GET /info': connectionRefused() }, { retry: { attempts: 3, baseDelayMs: 200 } });
    const error = await failure(client.tip());
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([150, 300]);
    expect(error.code).toBe('chain-unreachable');
    expect(error.message).toBe('Cannot reach the Ergo node at http://127.0.0.1:9053 (connection refused: nothing is listening at that address).');
    expect(error.hint).toContain('The app keeps retrying');
  });

  it('ends with the node`s own error when it keeps answering 5xx', async () => {
    const { client, requests } = clientFor({ 'GET /info': internalError }, { retry: { attempts: 2, baseDelayMs: 10 } });
    const error = await failure(client.tip());
    expect(requests).toHaveLength(2);
    expect(error.code).toBe('chain-node-error');
    expect(error.message).toContain('answered GET /info with an error (500: Internal server error: Boom)');
  });

  it('shows a proxy`s HTML error page by its status, not its markup', async () => {
    const { client } = clientFor({ 'GET /info': { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' } }, { retry: { attempts: 1, baseDelayMs: 1 } });
    const error = await failure(client.tip());
    expect(error.message).toBe('The Ergo node at http://127.0.0.1:9053 answered GET /info with an error (502).');
  });

  it('does not retry what a retry cannot fix: 4xx answers and invalid data', async () => {
    const badRequest = clientFor({ 'GET /info': json(apiError(400, 'bad.request', 'Bad request'), 400) });
    expect((await failure(badRequest.client.tip())).code).toBe('chain-node-error');
    expect(badRequest.requests).toHaveLength(1);
    const invalid = clientFor({ 'GET /info': json({ fullHeight: 'soon' }) });
    expect((await failure(invalid.client.tip())).code).toBe('chain-response-invalid');
    expect(invalid.requests).toHaveLength(1);
    expect([...badRequest.waits, ...invalid.waits]).toEqual([]);
  });

  it('says a refused API key is an API key problem', async () => {
    const { client } = clientFor({ 'GET /info': json(apiError(403, 'Forbidden', 'Bad API key'), 403) });
    const error = await failure(client.tip());
    expect(error.code).toBe('unauthorised');
    expect(error.hint).toBe('Check the node API key in Settings.');
  });

  it('keeps node text short and free of control characters', async () => {
    const { client } = clientFor({ 'GET /info': json(apiError(400, 'bad\u001b[31m\nrequest', 'x'.repeat(1_000)), 400) });
    const { message } = await failure(client.tip());
    expect([...message].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
    expect(message).toContain('bad [31m request: xxx');
    expect(message.length).toBeLessThan(450);
  });
});

describe('back-off', () => {
  it('doubles from the base, stays within the upper half of each step, and is capped at 30 s', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry, 1_000, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry, 1_000, () => 0.999_999))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(20, 1_000, () => 0.999_999)).toBe(30_000);
  });
});

describe('timeouts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('abandons a node that does not answer within the timeout, then retries', async () => {
    vi.useFakeTimers();
    const { client, requests, waits } = clientFor({ 'GET /info': inTurn(hanging(), json(nodeInfo())) }, { timeoutMs: 5_000, retry: { attempts: 2, baseDelayMs: 100 } });
    const tip = client.tip();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await tip).height).toBe(667);
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([75]);
  });

  it('counts the body in the timeout: headers followed by silence are no answer', async () => {
    vi.useFakeTimers();
    const stalled = new Response(new ReadableStream({ start: (stream) => stream.enqueue(new TextEncoder().encode('{"fullHeight":')) }));
    const { client } = clientFor({ 'GET /info': stalled }, { timeoutMs: 5_000, retry: { attempts: 1, baseDelayMs: 1 } });
    const tip = failure(client.tip());
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await tip;
    expect(error.code).toBe('chain-unreachable');
    expect(error.message).toBe('Cannot reach the Ergo node at http://127.0.0.1:9053 (no answer within 5 s).');
  });

  it('passes an abort signal that fires at the timeout', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const client = createNodeClient({
      baseUrl: NODE_URL,
      timeoutMs: 1_000,
      retry: { attempts: 1, baseDelayMs: 1 },
      fetch: (_url, init) => {
        signal = init.signal ?? undefined;
        return hanging();
      },
    });
    const tip = failure(client.tip());
    await vi.advanceTimersByTimeAsync(1_000);
    await tip;
    expect(signal?.aborted).toBe(true);
  });
});

describe('submit and check (POST)', () => {
  it('sends amounts as bare JSON integers and returns the node`s transaction id', async () => {
    const { client, requests } = clientFor({ 'POST /transactions': json(idOf('tx A')) });
    expect(await client.submit(signedTransaction(9_007_199_254_740_993n))).toBe(idOf('tx A'));
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.body).toContain('"value":9007199254740993');
    expect(requests[0]?.body).toContain('"amount":9223372036854775807');
  });

  it('never retries a submit, whatever went wrong, and says the outcome is unknown', async () => {
    for (const reply of [connectionRefused(), internalError]) {
      const { client, requests, waits } = clientFor({ 'POST /transactions': reply }, { retry: { attempts: 5, baseDelayMs: 10 } });
      const error = await failure(client.submit(signedTransaction()));
      expect(requests).toHaveLength(1);
      expect(waits).toEqual([]);
      expect(error.hint).toContain('may or may not have reached the node');
    }
  });

  it('never retries a check either', async () => {
    const { client, requests } = clientFor({ 'POST /transactions/check': connectionRefused() }, { retry: { attempts: 5, baseDelayMs: 10 } });
    const error = await failure(client.check(signedTransaction()));
    expect(requests).toHaveLength(1);
    expect(error.hint).not.toContain('may or may not');
  });

  it('turns a double spend into a conflict, in the node`s own words', async () => {
    const { client } = clientFor({ 'POST /transactions': json(apiError(400, 'bad.request', 'Malformed transaction: Double spending attempt'), 400) });
    const error = await failure(client.submit(signedTransaction()));
    expect(error.code).toBe('transaction-conflict');
    expect(error.message).toContain('(bad.request: Malformed transaction: Double spending attempt)');
  });

  it('reports a failing script as a rejection by a contract', async () => {
    const detail = 'Malformed transaction: Scripts of all transaction inputs should pass verification. ' + idOf('tx A') + ': #0 => Success((false,1234))';
    const { client } = clientFor({ 'POST /transactions/check': json(apiError(400, 'bad.request', detail), 400) });
    const error = await failure(client.check(signedTransaction()));
    expect(error.code).toBe('transaction-rejected');
    expect(error.message).toContain('a contract did not accept it');
    expect(error.message).toContain('Scripts of all transaction inputs should pass verification');
  });

  it('reports any other refusal with the node`s reason, or its status when there is none', async () => {
    const withReason = clientFor({ 'POST /transactions': json(apiError(400, 'bad.request', 'Malformed transaction: empty.max'), 400) });
    expect((await failure(withReason.client.submit(signedTransaction()))).message).toBe(
      'The node refused the transaction (bad.request: Malformed transaction: empty.max).',
    );
    const bare = clientFor({ 'POST /transactions': { status: 400, text: '' } });
    expect((await failure(bare.client.submit(signedTransaction()))).message).toBe('The node refused the transaction (status 400).');
  });

  it('reads a reason written beyond ASCII, with or without a UTF-8 byte order mark', async () => {
    const reason = 'Transaction mal formée : coût élevé — 計算';
    const body = new TextEncoder().encode(stringifyNodeJson(apiError(400, 'bad.request', reason)));
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    for (const bytes of [body, withMark]) {
      const { client } = clientFor({ 'POST /transactions': new Response(bytes, { status: 400, headers: { 'content-type': 'application/json' } }) });
      expect((await failure(client.submit(signedTransaction()))).message).toBe(`The node refused the transaction (bad.request: ${reason}).`);
    }
  });

  it('refuses an id from the node that is not the transaction sent', async () => {
    const { client } = clientFor({ 'POST /transactions': json(idOf('tx B')) });
    const error = await failure(client.submit({ ...signedTransaction(), id: idOf('tx A') }));
    expect(error.code).toBe('chain-response-invalid');
  });
});
