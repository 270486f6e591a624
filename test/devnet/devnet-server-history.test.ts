import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNodeJson } from '../../electron/core/chain/lossless-json';
import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer, type DevnetServeOptions } from '../../electron/core/devnet/devnet-server';
import { appendGeneratedTrades } from '../helpers/generated-trades';
import { wallet } from '../helpers/devnet-wallets';
import { addressOf, aTradingDevnet, indexOracle, type IndexOracle } from './index-oracle';

/*
 * The devnet's extra index as a node serves it (ergo 6.0.4, BlockchainApiRoute): boxes and transactions by id, boxes
 * by token, transactions by address, newest first with the offset counted from the newest, and the node's 400, 404
 * and 500 answers. Plain HTTP, so the wire format itself is checked against an oracle that reads every block.
 */

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}
interface Page {
  items: Json[];
  total: bigint;
}

const servers: DevnetServer[] = [];

async function serve(chain: DevnetChain, options: DevnetServeOptions = {}): Promise<DevnetServer> {
  const server = await serveDevnet(chain, 0, { network: 'testnet', ...options });
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function read(answer: Response): Promise<Answer> {
  return { status: answer.status, body: parseNodeJson(await answer.text()) as Json };
}

const get = async (server: DevnetServer, path: string) => read(await fetch(`${server.url}${path}`));
const post = async (server: DevnetServer, path: string, body: string) => read(await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }));

/** POST /blockchain/transaction/byAddress with the address as a JSON string, as the app sends it. */
const byAddress = (server: DevnetServer, address: string, query = '') => post(server, `/blockchain/transaction/byAddress${query}`, JSON.stringify(address));

async function page(answer: Promise<Answer>): Promise<Page> {
  const { status, body } = await answer;
  expect(status).toBe(200);
  return body as unknown as Page;
}

const ids = (items: Json[], key = 'id') => items.map((item) => item[key]);

/** Every item of a listing, a page of `limit` at a time. */
async function everything(ask: (offset: number, limit: number) => Promise<Answer>, limit: number): Promise<{ items: Json[]; totals: bigint[] }> {
  const items: Json[] = [];
  const totals: bigint[] = [];
  for (let offset = 0; ; offset += limit) {
    const found = await page(ask(offset, limit));
    items.push(...found.items);
    totals.push(found.total);
    if (found.items.length < limit) return { items, totals };
  }
}

describe('the devnet’s extra index, served as a node serves it', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let oracle: IndexOracle;
  let node: DevnetServer;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet());
    oracle = indexOracle(chain);
    node = await serve(chain);
  });

  it('lists the transactions of an address newest first, the offset skipping the newest', async () => {
    const expected = oracle.transactionsTouching(demo.accountTree);
    expect(expected.length).toBeGreaterThan(12);
    const address = addressOf(demo.accountTree);

    const first = await page(byAddress(node, address, '?offset=0&limit=5'));
    expect(first.total).toBe(BigInt(expected.length));
    expect(ids(first.items)).toEqual(expected.slice(0, 5));
    expect(ids((await page(byAddress(node, address, '?offset=5&limit=5'))).items)).toEqual(expected.slice(5, 10));
    // The node's default page is 5.
    expect(ids((await page(byAddress(node, address))).items)).toEqual(expected.slice(0, 5));
    expect(await page(byAddress(node, address, `?offset=${expected.length}&limit=5`))).toEqual({ items: [], total: BigInt(expected.length) });

    const all = await everything((offset, limit) => byAddress(node, address, `?offset=${offset}&limit=${limit}`), 4);
    expect(ids(all.items)).toEqual(expected);
    expect(new Set(all.totals)).toEqual(new Set([BigInt(expected.length)]));
  });

  it('takes the address as a JSON string, as bare text, or in the path of a GET', async () => {
    const address = addressOf(demo.members[0]?.ergoTree as string);
    const expected = await page(byAddress(node, address, '?limit=100'));
    expect(ids(expected.items)).toEqual(oracle.transactionsTouching(demo.members[0]?.ergoTree as string));
    expect(await page(post(node, '/blockchain/transaction/byAddress?limit=100', address))).toEqual(expected);
    expect(await page(get(node, `/blockchain/transaction/byAddress/${address}?limit=100`))).toEqual(expected);
  });

  it('writes a transaction as the node does: its block, its place, and its inputs as the boxes they spent', async () => {
    const { items } = await page(byAddress(node, addressOf(demo.accountTree), '?limit=100'));
    let previousGlobalIndex = Infinity;
    for (const item of items) {
      const { transaction, header, index } = oracle.transaction(item['id'] as string);
      expect(item).toMatchObject({
        blockId: header.id,
        inclusionHeight: BigInt(header.height),
        timestamp: BigInt(header.timestamp),
        index: BigInt(index),
        numConfirmations: BigInt(chain.height - header.height),
        dataInputs: transaction.dataInputs,
      });
      const globalIndex = Number(item['globalIndex']);
      expect(globalIndex).toBe(oracle.transactions.findIndex((t) => t.transaction.id === transaction.id));
      expect(globalIndex).toBeLessThan(previousGlobalIndex);
      previousGlobalIndex = globalIndex;
      const inputs = item['inputs'] as Json[];
      expect(inputs.map((input) => input['boxId'])).toEqual(transaction.inputs.map((input) => input.boxId));
      inputs.forEach((input, i) => {
        const spent = oracle.box(input['boxId'] as string);
        expect(input).toMatchObject({
          ergoTree: spent.box.ergoTree,
          value: spent.box.value,
          inclusionHeight: BigInt(spent.inclusionHeight),
          address: addressOf(spent.box.ergoTree),
          spentTransactionId: transaction.id,
          spendingProof: { proofBytes: transaction.inputs[i]?.proofBytes, extension: transaction.inputs[i]?.extension },
        });
      });
      const outputs = item['outputs'] as Json[];
      outputs.forEach((output, i) => {
        const box = transaction.outputs[i] as (typeof transaction.outputs)[number];
        const { spentBy } = oracle.box(box.boxId);
        expect(output).toMatchObject({ boxId: box.boxId, transactionId: transaction.id, index: BigInt(i), ergoTree: box.ergoTree, spentTransactionId: spentBy?.transaction.id ?? null });
      });
    }
  });

  it('lists every box that ever held a token, spent ones included, newest first', async () => {
    const token = demo.lets.membershipTokenId;
    const expected = oracle.boxesHolding(token);
    const all = await everything((offset, limit) => get(node, `/blockchain/box/byTokenId/${token}?offset=${offset}&limit=${limit}`), 4);
    expect(ids(all.items, 'boxId')).toEqual(expected);
    expect(new Set(all.totals)).toEqual(new Set([BigInt(expected.length)]));
    expect(all.items.some((box) => box['spentTransactionId'] === null)).toBe(true);
    for (const item of all.items) {
      const { spentBy, inclusionHeight } = oracle.box(item['boxId'] as string);
      expect(item).toMatchObject({ inclusionHeight: BigInt(inclusionHeight), spentTransactionId: spentBy?.transaction.id ?? null });
    }
    // The node's default page is 5, and it sets no upper bound on this one.
    expect(ids((await page(get(node, `/blockchain/box/byTokenId/${token}`))).items, 'boxId')).toEqual(expected.slice(0, 5));
    expect((await page(get(node, `/blockchain/box/byTokenId/${token}?limit=100000`))).items).toHaveLength(expected.length);
  });

  it('finds a box by id, spent or not, with what spent it', async () => {
    const spent = oracle.boxes.find((b) => b.spentBy && b.box.assets.length > 0);
    const unspent = oracle.boxes.find((b) => !b.spentBy);
    if (!spent?.spentBy || !unspent) throw new Error('the history has no spent or no unspent box');
    const input = spent.spentBy.transaction.inputs.find((i) => i.boxId === spent.box.boxId);
    expect((await get(node, `/blockchain/box/byId/${spent.box.boxId}`)).body).toEqual({
      ...spent.box,
      index: BigInt(spent.box.index),
      creationHeight: BigInt(spent.box.creationHeight),
      globalIndex: BigInt(oracle.boxes.indexOf(spent)),
      inclusionHeight: BigInt(spent.inclusionHeight),
      address: addressOf(spent.box.ergoTree),
      spentTransactionId: spent.spentBy.transaction.id,
      spendingProof: { proofBytes: input?.proofBytes, extension: input?.extension },
    });
    expect((await get(node, `/blockchain/box/byId/${unspent.box.boxId.toUpperCase()}`)).body).toMatchObject({ boxId: unspent.box.boxId, spentTransactionId: null, spendingProof: null });
    // The emission box exists before block 1, as a node's genesis boxes do.
    expect((await get(node, `/blockchain/box/byId/${oracle.boxes[0]?.box.boxId}`)).body).toMatchObject({ globalIndex: 0n, inclusionHeight: 0n });
  });

  it('finds a transaction by id, as the listing writes it', async () => {
    const [item] = (await page(byAddress(node, addressOf(demo.accountTree), '?offset=3&limit=1'))).items;
    expect(await get(node, `/blockchain/transaction/byId/${item?.['id']}`)).toEqual({ status: 200, body: item });
  });

  it('answers 404 for an unknown id and 400 for one that is not an id, as a node does', async () => {
    const unknown = 'ab'.repeat(32);
    const notFound = { status: 404, body: { error: 404n, reason: 'not-found', detail: null } };
    expect(await get(node, `/blockchain/box/byId/${unknown}`)).toEqual(notFound);
    expect(await get(node, `/blockchain/transaction/byId/${unknown}`)).toEqual(notFound);
    const malformed = { status: 400, body: { error: 400n, reason: 'bad.request', detail: 'Wrong modifierId format' } };
    expect(await get(node, '/blockchain/box/byId/abc')).toEqual(malformed);
    expect(await get(node, `/blockchain/transaction/byId/${unknown}00`)).toEqual(malformed);
    expect(await get(node, '/blockchain/box/byTokenId/not-a-token')).toEqual(malformed);
  });

  it('answers an empty listing for a token or an address nobody used', async () => {
    expect(await page(get(node, `/blockchain/box/byTokenId/${'cd'.repeat(32)}`))).toEqual({ items: [], total: 0n });
    expect(await page(byAddress(node, addressOf(wallet('Eve').ergoTree)))).toEqual({ items: [], total: 0n });
  });

  it('refuses more than 16 384 transactions a page, and addresses it cannot read', async () => {
    const address = addressOf(demo.accountTree);
    expect((await byAddress(node, address, '?limit=16384')).status).toBe(200);
    expect(await byAddress(node, address, '?limit=16385')).toEqual({
      status: 400,
      body: { error: 400n, reason: 'bad.request', detail: 'No more than 16384 transactions can be requested' },
    });
    const wrongAddress = { status: 400, body: { error: 400n, reason: 'bad.request', detail: 'Wrong address format' } };
    // A mainnet address on a testnet node, a mistyped checksum, and text that is no address at all.
    expect(await byAddress(node, addressOf(demo.accountTree, 'mainnet'))).toEqual(wrongAddress);
    expect(await byAddress(node, `${address.slice(0, -1)}${address.endsWith('a') ? 'b' : 'a'}`)).toEqual(wrongAddress);
    expect(await byAddress(node, 'hello')).toEqual(wrongAddress);
    expect(await get(node, '/blockchain/transaction/byAddress/%E0%A4%A')).toEqual(wrongAddress);
  });

  it('reads addresses with the prefix of the network it is served as: testnet for a devnet', async () => {
    const asDevnet = await serve(chain, { network: 'devnet' });
    const asMainnet = await serve(chain, { network: 'mainnet' });
    const total = BigInt(oracle.transactionsTouching(demo.accountTree).length);
    expect((await page(byAddress(asDevnet, addressOf(demo.accountTree, 'testnet')))).total).toBe(total);
    expect((await byAddress(asDevnet, addressOf(demo.accountTree, 'mainnet'))).status).toBe(400);
    expect((await page(byAddress(asMainnet, addressOf(demo.accountTree, 'mainnet')))).total).toBe(total);
    expect((await byAddress(asMainnet, addressOf(demo.accountTree, 'testnet'))).status).toBe(400);
    const [item] = (await page(byAddress(asMainnet, addressOf(demo.accountTree, 'mainnet'), '?limit=1'))).items;
    expect((item?.['outputs'] as Json[])[0]?.['address']).toBe(addressOf(demo.accountTree, 'mainnet'));
  });

  it('hides the blocks above an index that lags behind the chain', async () => {
    const lagging = await serve(chain, { indexLag: 2 });
    const upTo = chain.height - 2;
    expect((await get(lagging, '/blockchain/indexedHeight')).body).toEqual({ indexedHeight: BigInt(upTo), fullHeight: BigInt(chain.height) });

    const visible = oracle.transactionsTouching(demo.accountTree, upTo);
    const hidden = oracle.transactionsTouching(demo.accountTree).filter((id) => !visible.includes(id));
    expect(hidden.length).toBeGreaterThan(0);
    const listed = await page(byAddress(lagging, addressOf(demo.accountTree), '?limit=100'));
    expect(ids(listed.items)).toEqual(visible);
    expect(listed.total).toBe(BigInt(visible.length));
    // Confirmations still count from the node's full height.
    expect(listed.items[0]?.['numConfirmations']).toBe(BigInt(chain.height) - (listed.items[0]?.['inclusionHeight'] as bigint));
    expect((await get(lagging, `/blockchain/transaction/byId/${hidden[0]}`)).status).toBe(404);

    const token = demo.lets.membershipTokenId;
    expect(ids((await page(get(lagging, `/blockchain/box/byTokenId/${token}?limit=100`))).items, 'boxId')).toEqual(oracle.boxesHolding(token, upTo));

    // A box created above the indexed height does not exist yet; one spent above it is not spent yet.
    const createdAbove = oracle.boxes.find((b) => b.inclusionHeight > upTo);
    const spentAbove = oracle.boxes.find((b) => b.inclusionHeight <= upTo && b.spentBy && b.spentBy.header.height > upTo);
    if (!createdAbove || !spentAbove) throw new Error('the top blocks create and spend no box');
    expect((await get(lagging, `/blockchain/box/byId/${createdAbove.box.boxId}`)).status).toBe(404);
    expect((await get(lagging, `/blockchain/box/byId/${spentAbove.box.boxId}`)).body).toMatchObject({ spentTransactionId: null, spendingProof: null });
    const unspent = await post(lagging, '/blockchain/box/unspent/byErgoTree?limit=100', JSON.stringify(spentAbove.box.ergoTree));
    const unspentIds = ids(unspent.body as unknown as Json[], 'boxId');
    expect(unspentIds).toContain(spentAbove.box.boxId);
    expect(unspentIds).not.toContain(oracle.boxes.find((b) => b.inclusionHeight > upTo && b.box.ergoTree === spentAbove.box.ergoTree)?.box.boxId);
  });

  it('answers every /blockchain call with the node’s 500 when served without the index', async () => {
    const unindexed = await serve(chain, { extraIndex: false });
    const disabled = { status: 500, body: { error: 500n, reason: 'internal.error', detail: 'Extra indexing is not enabled' } };
    const id = oracle.transactions[0]?.transaction.id as string;
    for (const path of ['/blockchain/indexedHeight', `/blockchain/box/byId/${id}`, `/blockchain/transaction/byId/${id}`, `/blockchain/box/byTokenId/${id}`, `/blockchain/transaction/byAddress/${addressOf(demo.accountTree)}`]) {
      expect(await get(unindexed, path)).toEqual(disabled);
    }
    expect(await byAddress(unindexed, addressOf(demo.accountTree))).toEqual(disabled);
  });
});

describe('the devnet’s extra index through rollbacks and restarts', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let node: DevnetServer;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet(9));
    node = await serve(chain);
  });

  /** Every listing the tests look at, with totals, and every box and transaction by id, equal to the oracle's. */
  async function expectIndexAsOracle(server: DevnetServer, of: DevnetChain): Promise<void> {
    const oracle = indexOracle(of);
    expect((await get(server, '/blockchain/indexedHeight')).body).toEqual({ indexedHeight: BigInt(of.height), fullHeight: BigInt(of.height) });
    for (const tree of [demo.accountTree, demo.managementTree, ...demo.members.map((m) => m.ergoTree)]) {
      const expected = oracle.transactionsTouching(tree);
      const listed = await page(byAddress(server, addressOf(tree), '?limit=1000'));
      expect({ ids: ids(listed.items), total: listed.total }).toEqual({ ids: expected, total: BigInt(expected.length) });
      expect(listed.items.map((item) => item['globalIndex'])).toEqual(expected.map((id) => BigInt(oracle.transactions.indexOf(oracle.transaction(id)))));
    }
    for (const token of [demo.lets.membershipTokenId, demo.lets.letsId]) {
      const listed = await page(get(server, `/blockchain/box/byTokenId/${token}?limit=1000`));
      expect(ids(listed.items, 'boxId')).toEqual(oracle.boxesHolding(token));
      expect(listed.items.map((box) => box['spentTransactionId'])).toEqual(listed.items.map((box) => oracle.box(box['boxId'] as string).spentBy?.transaction.id ?? null));
    }
  }

  it('forgets what a rollback removes, reports the lower indexed height, and indexes the new branch', async () => {
    await expectIndexAsOracle(node, chain);
    const before = indexOracle(chain);
    const fork = chain.height - 2;
    const removed = before.transactions.filter((t) => t.header.height > fork);
    chain.rollbackTo(fork, { dropTransactions: true });

    expect((await get(node, '/blockchain/indexedHeight')).body).toEqual({ indexedHeight: BigInt(fork), fullHeight: BigInt(fork) });
    for (const { transaction } of removed) {
      expect((await get(node, `/blockchain/transaction/byId/${transaction.id}`)).status).toBe(404);
      for (const output of transaction.outputs) expect((await get(node, `/blockchain/box/byId/${output.boxId}`)).status).toBe(404);
      for (const input of transaction.inputs) {
        const restored = before.box(input.boxId);
        if (restored.inclusionHeight <= fork) expect((await get(node, `/blockchain/box/byId/${input.boxId}`)).body).toMatchObject({ spentTransactionId: null });
      }
    }
    await expectIndexAsOracle(node, chain);

    await appendGeneratedTrades(chain, demo, { trades: 5, tradesPerBlock: 2, seed: 99 });
    await expectIndexAsOracle(node, chain);
  });

  it('is rebuilt with the chain from a snapshot', async () => {
    const restored = DevnetChain.restore(chain.snapshot());
    await expectIndexAsOracle(await serve(restored), chain);
  });
});
