import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';

/** The devnet's answer to a node's extra-index endpoints, as plain HTTP so the wire format itself is checked. */
describe('the devnet served as a node with (or without) the extra index', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let indexed: DevnetServer;
  let unindexed: DevnetServer;

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    indexed = await serveDevnet(chain, 0, { network: 'testnet' });
    unindexed = await serveDevnet(chain, 0, { extraIndex: false });
  });

  afterAll(async () => {
    await indexed?.close();
    await unindexed?.close();
  });

  const byErgoTree = (server: DevnetServer, tree: unknown, query = '') =>
    fetch(`${server.url}/blockchain/box/unspent/byErgoTree${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tree) });

  it('reports the network it is served as', async () => {
    expect(await (await fetch(`${indexed.url}/info`)).json()).toMatchObject({ network: 'testnet' });
    expect(await (await fetch(`${unindexed.url}/info`)).json()).toMatchObject({ network: 'devnet' });
  });

  it('lists the unspent boxes of a script, oldest first on request, a page at a time', async () => {
    const tree = demo.committee.ergoTree;
    const expected = (await chain.unspentByErgoTree(tree)).map((box) => box.boxId);
    expect(expected.length).toBeGreaterThan(0);
    const all = (await (await byErgoTree(indexed, tree, '?limit=100&sortDirection=asc')).json()) as { boxId: string; ergoTree: string }[];
    expect(all.map((box) => box.boxId)).toEqual(expected);
    expect(all.every((box) => box.ergoTree === tree)).toBe(true);
    const newestFirst = (await (await byErgoTree(indexed, tree, '?limit=1')).json()) as { boxId: string }[];
    expect(newestFirst.map((box) => box.boxId)).toEqual(expected.slice(-1));
    expect(await (await byErgoTree(indexed, tree, '?offset=100&limit=100')).json()).toEqual([]);
  });

  it('reports its indexed height, and refuses what a node refuses', async () => {
    expect(await (await fetch(`${indexed.url}/blockchain/indexedHeight`)).json()).toEqual({ indexedHeight: chain.height, fullHeight: chain.height });
    expect((await byErgoTree(indexed, 'not hex')).status).toBe(400);
    expect((await byErgoTree(indexed, demo.committee.ergoTree, '?limit=20000')).status).toBe(400);
    expect((await byErgoTree(indexed, demo.committee.ergoTree, '?sortDirection=sideways')).status).toBe(400);
  });

  it('answers every /blockchain path with an error when served without the index', async () => {
    const answer = await fetch(`${unindexed.url}/blockchain/indexedHeight`);
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ detail: 'Extra indexing is not enabled' });
    expect((await byErgoTree(unindexed, demo.committee.ergoTree)).status).toBe(500);
  });
});
