import { describe, expect, it } from 'vitest';
import { createNodeClient, type NodeClientOptions } from '../../electron/core/chain/node-client';
import { nodeIsCatchingUp } from '../../electron/core/chain/chain-source';
import { AppError } from '../../electron/core/errors/app-error';
import {
  apiError,
  asset,
  blockHeader,
  blockTransactions,
  box,
  fakeNode,
  idOf,
  json,
  LONG_MAX,
  mempoolTransaction,
  NODE_URL,
  nodeInfo,
  P2PK_TREE,
  type Reply,
  type SeenRequest,
  transaction,
} from './node-fixtures';
import { SECP256K1_GENERATOR } from '../../electron/core/chain/chain-source';

function clientFor(routes: Parameters<typeof fakeNode>[0], options: Partial<NodeClientOptions> = {}) {
  const node = fakeNode(routes);
  const client = createNodeClient({ baseUrl: NODE_URL, fetch: node.fetch, sleep: async () => {}, ...options });
  return { client, requests: node.requests };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('tip (GET /info)', () => {
  it('reads the best full block and the network the node reports', async () => {
    const { client } = clientFor({ 'GET /info': json(nodeInfo({ network: 'testnet' })) });
    expect(await client.tip()).toEqual({ height: 667, headersHeight: 667, headerId: idOf('block 667'), network: 'testnet' });
  });

  it('reports the height of the best header, which tells a node that is still catching up', async () => {
    const { client } = clientFor({ 'GET /info': json(nodeInfo({ fullHeight: 812_000n, headersHeight: 1_100_000n })) });
    const tip = await client.tip();
    expect(tip).toMatchObject({ height: 812_000, headersHeight: 1_100_000 });
    expect(nodeIsCatchingUp(tip)).toBe(true);
    expect(nodeIsCatchingUp({ height: 1_099_999, headersHeight: 1_100_000 })).toBe(false);
  });

  it('gives height 0 and no header on a node that has applied no block yet', async () => {
    const { client } = clientFor({ 'GET /info': json(nodeInfo({ fullHeight: null, headersHeight: null, bestFullHeaderId: null })) });
    expect(await client.tip()).toEqual({ height: 0, headerId: null, network: 'mainnet' });
  });

  it('refuses a node on another network than the configured one', async () => {
    const { client } = clientFor({ 'GET /info': json(nodeInfo({ network: 'testnet' })) }, { expectedNetwork: 'mainnet' });
    const error = await failure(client.tip());
    expect(error.code).toBe('chain-wrong-network');
    expect(error.message).toContain('is on testnet, but this ledger lives on mainnet');
  });

  it('trusts the configured network when the node does not report one', async () => {
    const { network: _, ...silent } = nodeInfo();
    const { client } = clientFor({ 'GET /info': json(silent) }, { expectedNetwork: 'testnet' });
    expect((await client.tip()).network).toBe('testnet');
  });

  it('asks for the network to be configured when neither side says', async () => {
    const { network: _, ...silent } = nodeInfo();
    const { client } = clientFor({ 'GET /info': json(silent) });
    const error = await failure(client.tip());
    expect(error.code).toBe('chain-wrong-network');
    expect(error.hint).toContain('Choose the network in Settings');
  });
});

describe('blocks', () => {
  it('lists the header ids at a height', async () => {
    const ids = [idOf('block 667'), idOf('orphan 667')];
    const { client, requests } = clientFor({ 'GET /blocks/at/667': json(ids) });
    expect(await client.headerIdsAt(667)).toEqual(ids);
    expect(requests[0]?.path).toBe('/blocks/at/667');
  });

  it('answers no ids above the tip, whether the node says [] or 404', async () => {
    const { client } = clientFor({ 'GET /blocks/at/668': json([]) });
    expect(await client.headerIdsAt(668)).toEqual([]);
    expect(await client.headerIdsAt(669)).toEqual([]);
  });

  it('reads a header with every field its id and proof of work cover, and leaves out what the node derives from them', async () => {
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/header`]: json(blockHeader()) });
    expect(await client.header(idOf('block 667'))).toEqual({
      id: idOf('block 667'),
      parentId: idOf('block 666'),
      height: 667,
      timestamp: 1524143059077,
      version: 2,
      adProofsRoot: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
      stateRoot: '333ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
      transactionsRoot: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
      extensionHash: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117',
      nBits: 19857408,
      votes: '000000',
      unparsedBytes: '',
      powSolutions: { pk: '0350e25cee8562697d55275c96bb01b34228f9bd68fd9933f2a25ff195526864f5', w: '0366ea253123dfdb8d6d9ca2cb9ea98629e8f34015b1e4ba942b1d88badfcc6a12', n: '0000000000000000', d: 987654321n },
    });
  });

  it('fills in the w and d a version 2 solution may leave out, as ergo decodes it', async () => {
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/header`]: json(blockHeader({ powSolutions: { pk: '0350e25cee8562697d55275c96bb01b34228f9bd68fd9933f2a25ff195526864f5', n: '1b95db2168f95fda' } })) });
    expect((await client.header(idOf('block 667'))).powSolutions).toEqual({ pk: '0350e25cee8562697d55275c96bb01b34228f9bd68fd9933f2a25ff195526864f5', w: SECP256K1_GENERATOR, n: '1b95db2168f95fda', d: 0n });
  });

  it.each([
    ['a nonce of 7 bytes', { powSolutions: { pk: '0350e25cee8562697d55275c96bb01b34228f9bd68fd9933f2a25ff195526864f5', n: '00000000000000' } }, 'field powSolutions.n'],
    ['a state root of 32 bytes', { stateRoot: '4ab9da11fc216660e974842cc3b7705e62ebb9e0bf5ff78e53f9cd40abadd117' }, 'field stateRoot'],
    ['nBits beyond 32 bits', { nBits: 4_294_967_296n }, 'field nBits'],
    ['no transactions root', { transactionsRoot: undefined }, 'field transactionsRoot'],
  ])('refuses a header with %s', async (_what, overrides, field) => {
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/header`]: json(blockHeader(overrides)) });
    const error = await failure(client.header(idOf('block 667')));
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain(field);
  });

  it('says a block is unknown (404) in words, not as a crash', async () => {
    const { client } = clientFor({});
    const error = await failure(client.header(idOf('gone')));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(`does not know block ${idOf('gone')}`);
  });

  it('refuses a header for another block than the one asked for', async () => {
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/header`]: json(blockHeader({ id: idOf('block 668') })) });
    const error = await failure(client.header(idOf('block 667')));
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain('field id is not the one asked for');
  });

  describe('headers of a range (GET /blocks/chainSlice)', () => {
    const chainOf = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => blockHeader({ id: idOf(`block ${from + i}`), parentId: idOf(`block ${from + i - 1}`), height: BigInt(from + i) }));

    it('asks from the height below the range, as a node counts, and keeps the range', async () => {
      const { client, requests } = clientFor({ 'GET /blocks/chainSlice': json(chainOf(600, 667)) });
      const headers = await client.headerRange?.(640, 650);
      expect(headers?.map((h) => h.height)).toEqual([640, 641, 642, 643, 644, 645, 646, 647, 648, 649, 650]);
      expect(headers?.[0]).toMatchObject({ id: idOf('block 640'), parentId: idOf('block 639'), height: 640, timestamp: 1524143059077 });
      expect(requests[0]?.search.get('fromHeight')).toBe('639');
      expect(requests[0]?.search.get('toHeight')).toBe('650');
    });

    it('answers the part of the range the node sent (the sync asks for the rest one by one)', async () => {
      const { client } = clientFor({ 'GET /blocks/chainSlice': json(chainOf(645, 648)) });
      expect((await client.headerRange?.(640, 650))?.map((h) => h.height)).toEqual([645, 646, 647, 648]);
    });

    it('refuses headers that do not link up', async () => {
      const broken = chainOf(640, 643);
      broken[2] = blockHeader({ id: idOf('block 642'), parentId: idOf('elsewhere'), height: 642n });
      const { client } = clientFor({ 'GET /blocks/chainSlice': json(broken) });
      const error = await failure(client.headerRange?.(640, 643) ?? Promise.resolve());
      expect(error.code).toBe('chain-response-invalid');
      expect(error.message).toContain('the header at height 642 does not follow the one before it');
    });

    it('refuses a slice that is not a list of headers', async () => {
      const { client } = clientFor({ 'GET /blocks/chainSlice': json([{ id: 'nope' }]) });
      expect((await failure(client.headerRange?.(1, 2) ?? Promise.resolve())).code).toBe('chain-response-invalid');
    });
  });

  it('reads block transactions with values and token amounts up to Long.MAX exactly', async () => {
    const tx = transaction('tx A', {
      outputs: [
        {
          value: LONG_MAX,
          assets: [asset('LETS', LONG_MAX), asset('other', 9_007_199_254_740_993n)],
          additionalRegisters: { R4: '0e20' + idOf('member'), R5: '05a09c01' },
        },
      ],
    });
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/transactions`]: json(blockTransactions('block 667', [tx])) });
    const [read] = await client.blockTransactions(idOf('block 667'));
    expect(read).toEqual({
      id: idOf('tx A'),
      inputs: [{ boxId: idOf('box A'), proofBytes: tx.inputs[0]?.spendingProof.proofBytes, extension: tx.inputs[0]?.spendingProof.extension }],
      dataInputs: [],
      outputs: [
        {
          boxId: idOf('tx A output 0'),
          transactionId: idOf('tx A'),
          index: 0,
          value: 9_223_372_036_854_775_807n,
          ergoTree: P2PK_TREE,
          creationHeight: 9149,
          assets: [
            { tokenId: idOf('LETS'), amount: 9_223_372_036_854_775_807n },
            { tokenId: idOf('other'), amount: 9_007_199_254_740_993n },
          ],
          additionalRegisters: { R4: '0e20' + idOf('member'), R5: '05a09c01' },
        },
      ],
    });
  });

  it('fills an output`s transaction id and index from its place when the node omits them', async () => {
    const tx = transaction('tx A', { outputs: [{}, {}] });
    const bare = { ...tx, outputs: tx.outputs.map(({ transactionId: _t, index: _i, ...rest }) => rest) };
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/transactions`]: json(blockTransactions('block 667', [bare])) });
    const [read] = await client.blockTransactions(idOf('block 667'));
    expect(read?.outputs.map((output) => [output.transactionId, output.index])).toEqual([
      [idOf('tx A'), 0],
      [idOf('tx A'), 1],
    ]);
  });

  it('refuses transactions of another block than the one asked for', async () => {
    const { client } = clientFor({ [`GET /blocks/${idOf('block 667')}/transactions`]: json(blockTransactions('block 1', [])) });
    expect((await failure(client.blockTransactions(idOf('block 667')))).message).toContain('field headerId is not the one asked for');
  });
});

describe('unspent boxes (GET /utxo/byId)', () => {
  it('reads an unspent box', async () => {
    const { client } = clientFor({ [`GET /utxo/byId/${idOf('box A')}`]: json(box({ value: LONG_MAX, assets: [asset('LETS', 5n)] })) });
    const read = await client.unspentBox(idOf('box A'));
    expect(read?.value).toBe(LONG_MAX);
    expect(read?.assets).toEqual([{ tokenId: idOf('LETS'), amount: 5n }]);
    expect(read?.transactionId).toBe(idOf('tx A'));
  });

  it('answers null for a spent or unknown box (404)', async () => {
    const { client } = clientFor({});
    expect(await client.unspentBox(idOf('spent'))).toBeNull();
  });

  it('refuses a different box than the one asked for', async () => {
    const { client } = clientFor({ [`GET /utxo/byId/${idOf('box A')}`]: json(box({ boxId: idOf('box B') })) });
    expect((await failure(client.unspentBox(idOf('box A')))).code).toBe('chain-response-invalid');
  });

  it('refuses ids that are not 64 hex characters before asking anything (they go into the URL path)', async () => {
    const { client, requests } = clientFor({});
    for (const id of ['../../wallet/status', idOf('x').slice(1), `${idOf('x')}?a=1`]) {
      expect((await failure(client.unspentBox(id))).code).toBe('invalid-input');
    }
    expect((await failure(client.headerIdsAt(-1))).code).toBe('invalid-input');
    expect(requests).toEqual([]);
  });
});

describe('mempool (GET /transactions/unconfirmed)', () => {
  function pagedMempool(total: number, pageOf: (offset: number, limit: number) => unknown[] = (offset, limit) =>
    Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => mempoolTransaction(`pending ${offset + i}`))) {
    return (request: SeenRequest): Reply => json(pageOf(Number(request.search.get('offset')), Number(request.search.get('limit'))));
  }

  it('fetches every page until a short one', async () => {
    const { client, requests } = clientFor({ 'GET /transactions/unconfirmed': pagedMempool(237) });
    const pool = await client.mempool();
    expect(pool).toHaveLength(237);
    expect(pool[236]?.id).toBe(idOf('pending 236'));
    expect(requests.map((r) => [r.search.get('offset'), r.search.get('limit')])).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100'],
    ]);
  });

  it('asks once more after an exactly full page and reads an empty mempool as empty', async () => {
    const full = clientFor({ 'GET /transactions/unconfirmed': pagedMempool(100) });
    expect(await full.client.mempool()).toHaveLength(100);
    expect(full.requests).toHaveLength(2);
    const empty = clientFor({ 'GET /transactions/unconfirmed': pagedMempool(0) });
    expect(await empty.client.mempool()).toEqual([]);
  });

  it('keeps a transaction once when the pool shifts between pages', async () => {
    // After page one, a transaction left the pool: page two starts one earlier and repeats "pending 99".
    const shifted = (offset: number, limit: number) =>
      Array.from({ length: offset === 0 ? limit : 50 }, (_, i) => mempoolTransaction(`pending ${offset === 0 ? i : 99 + i}`));
    const { client } = clientFor({ 'GET /transactions/unconfirmed': pagedMempool(0, shifted) });
    const ids = (await client.mempool()).map((tx) => tx.id);
    expect(ids).toHaveLength(149);
    expect(new Set(ids).size).toBe(149);
  });

  it('gives up with a clear error on a node whose listing never ends', async () => {
    const samePage = Array.from({ length: 100 }, (_, i) => mempoolTransaction(`same ${i}`));
    const { client, requests } = clientFor({ 'GET /transactions/unconfirmed': pagedMempool(0, () => samePage) });
    const error = await failure(client.mempool());
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain('the listing did not end after 200 pages');
    expect(requests).toHaveLength(200);
  });

  it('refuses a page longer than the limit asked for', async () => {
    const { client } = clientFor({ 'GET /transactions/unconfirmed': pagedMempool(0, () => Array.from({ length: 101 }, (_, i) => mempoolTransaction(`p ${i}`))) });
    expect((await failure(client.mempool())).message).toContain('must have at most 100 entries');
  });

  it('fails as a whole when one page fails, rather than return a partial pool', async () => {
    const { client } = clientFor({
      'GET /transactions/unconfirmed': (request) =>
        request.search.get('offset') === '100' ? json(apiError(500, 'Internal server error'), 500) : pagedMempool(150)(request),
    });
    expect((await failure(client.mempool())).code).toBe('chain-node-error');
  });
});

describe('api key and node address', () => {
  it('sends the api key header on every call, and keeps a path prefix of the node address', async () => {
    const node = fakeNode({ 'GET /ergo/info': json(nodeInfo()) });
    const client = createNodeClient({ baseUrl: 'https://proxy.example/ergo/', apiKey: 'hello', fetch: node.fetch });
    await client.tip();
    expect(node.requests[0]?.path).toBe('/ergo/info');
    expect(node.requests[0]?.headers.get('api_key')).toBe('hello');
  });

  it('refuses an address that is not http(s) or carries a password', () => {
    for (const baseUrl of ['localhost:9053', 'ftp://node.example', 'http://user:secret@node.example', 'not a url']) {
      expect(() => createNodeClient({ baseUrl }), baseUrl).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    }
  });
});
