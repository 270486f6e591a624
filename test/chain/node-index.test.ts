import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainIndex, IndexPage } from '../../electron/core/chain/chain-index';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { createNodeIndex, INDEX_PAGE_LIMIT, type NodeIndex } from '../../electron/core/chain/node-index';
import type { FetchLike } from '../../electron/core/chain/node-http';
import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer, type DevnetServeOptions } from '../../electron/core/devnet/devnet-server';
import { aTradingDevnet, indexOracle, type IndexOracle } from '../devnet/index-oracle';
import { refusal } from '../helpers/refusal';

/*
 * The node's extra index as the app reads it (ChainIndex), against the devnet served over HTTP as a node, and against
 * answers a fake fetch has tampered with: each one must be refused with a message that says what is wrong.
 */

type Json = Record<string, unknown>;

const servers: DevnetServer[] = [];

afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(chain: DevnetChain, options: DevnetServeOptions = {}): Promise<DevnetServer> {
  const server = await serveDevnet(chain, 0, { network: 'testnet', ...options });
  servers.push(server);
  return server;
}

/** Every item of a listing, asked for `limit` at a time. */
async function everything<T>(ask: (offset: number, limit: number) => Promise<IndexPage<T>>, limit: number): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await ask(offset, limit);
    items.push(...page.items);
    if (page.items.length < limit) return items;
  }
}

/**
 * A fetch that lets the devnet answer, then changes the answer's JSON: `change` gets the path asked for and the parsed
 * body (bigints kept), and returns the body to hand the client. `url` may rewrite the request first.
 */
function tampered(change: (path: string, body: Json) => unknown, url: (asked: string) => string = (asked) => asked): FetchLike {
  return async (asked, init) => {
    const answer = await fetch(url(asked), init);
    const text = await answer.text();
    if (!answer.ok) return new Response(text, { status: answer.status });
    const changed = change(new URL(asked).pathname, parseNodeJson(text) as Json);
    return new Response(stringifyNodeJson(changed), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('the node’s extra index as a ChainIndex, read from the devnet over HTTP', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let oracle: IndexOracle;
  let node: DevnetServer;
  let index: NodeIndex;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet());
    oracle = indexOracle(chain);
    node = await serve(chain);
    index = createNodeIndex({ baseUrl: node.url, network: 'testnet' });
  });

  it('is named for messages and pages by the thousand', () => {
    const asChainIndex: ChainIndex = index;
    expect(asChainIndex.label).toBe(`the Ergo node at ${node.url}`);
    expect(asChainIndex.maxPage).toBe(INDEX_PAGE_LIMIT);
  });

  it('reads its indexed height', async () => {
    expect(await index.indexedHeight()).toBe(chain.height);
  });

  it('reads a box by id, spent or not, and null for one it does not know', async () => {
    const spent = oracle.boxes.find((b) => b.spentBy && b.box.assets.length > 0 && Object.keys(b.box.additionalRegisters).length > 0);
    const unspent = oracle.boxes.find((b) => !b.spentBy);
    if (!spent || !unspent) throw new Error('the history has no spent or no unspent box');
    expect(await index.box(spent.box.boxId)).toStrictEqual(oracle.indexedBox(spent.box.boxId));
    expect(await index.box(unspent.box.boxId.toUpperCase())).toStrictEqual(oracle.indexedBox(unspent.box.boxId));
    expect(await index.box('ab'.repeat(32))).toBeNull();
  });

  it('reads a transaction by id with its block and place, and null for one it does not know', async () => {
    for (const { transaction } of [0, 10, oracle.transactions.length - 1].map((i) => oracle.transactions[i] as (typeof oracle.transactions)[number])) {
      expect(await index.transaction(transaction.id)).toStrictEqual(oracle.indexedTransaction(transaction.id));
    }
    expect(await index.transaction('ab'.repeat(32))).toBeNull();
  });

  it('pages through every box that ever held a token, newest first', async () => {
    const token = demo.lets.membershipTokenId;
    const boxes = await everything((offset, limit) => index.boxesByToken(token, offset, limit), 4);
    expect(boxes).toStrictEqual(oracle.boxesHolding(token).map((id) => oracle.indexedBox(id)));
    expect((await index.boxesByToken(token, 0, 1)).total).toBe(boxes.length);
    expect(await index.boxesByToken('cd'.repeat(32), 0, 10)).toEqual({ items: [], total: 0 });
  });

  it('pages through every transaction of a contract, newest first', async () => {
    const transactions = await everything((offset, limit) => index.transactionsByErgoTree(demo.accountTree, offset, limit), 5);
    expect(transactions).toStrictEqual(oracle.transactionsTouching(demo.accountTree).map((id) => oracle.indexedTransaction(id)));
    // A wallet's script too: transactions that only spend from it count.
    const wallet = demo.members[1]?.ergoTree as string;
    expect((await index.transactionsByErgoTree(wallet.toUpperCase(), 0, 100)).items.map((t) => t.id)).toEqual(oracle.transactionsTouching(wallet));
    expect(await index.transactionsByErgoTree('0008cd' + '02'.repeat(33), 0, 100)).toEqual({ items: [], total: 0 });
  });

  it('asks a devnet node with testnet addresses', async () => {
    const devnetNode = await serve(chain, { network: 'devnet' });
    const devnetIndex = createNodeIndex({ baseUrl: devnetNode.url, network: 'devnet' });
    expect((await devnetIndex.transactionsByErgoTree(demo.accountTree, 0, 1)).total).toBe(oracle.transactionsTouching(demo.accountTree).length);
  });

  it('reports the node’s refusal when it is on another network than the one configured', async () => {
    const error = await refusal(createNodeIndex({ baseUrl: node.url, network: 'mainnet' }).transactionsByErgoTree(demo.accountTree, 0, 10));
    expect(error.code).toBe('chain-node-error');
    expect(error.message).toContain('Wrong address format');
  });

  it('sees only what a lagging index holds', async () => {
    const lagging = createNodeIndex({ baseUrl: (await serve(chain, { indexLag: 3 })).url, network: 'testnet' });
    const upTo = chain.height - 3;
    expect(await lagging.indexedHeight()).toBe(upTo);
    expect((await lagging.transactionsByErgoTree(demo.accountTree, 0, 100)).items.map((t) => t.id)).toEqual(oracle.transactionsTouching(demo.accountTree, upTo));
    expect(await lagging.transaction(oracle.transactions.at(-1)?.transaction.id as string)).toBeNull();
  });

  it('asks for no more than a page, and for nothing that is not an id or a script', async () => {
    for (const ask of [
      () => index.transactionsByErgoTree(demo.accountTree, 0, INDEX_PAGE_LIMIT + 1),
      () => index.boxesByToken(demo.lets.membershipTokenId, -1, 10),
      () => index.boxesByToken(demo.lets.membershipTokenId, 0, 1.5),
      () => index.box('../wallet'),
      () => index.transaction('ab'),
      () => index.boxesByToken('xyz', 0, 1),
      () => index.transactionsByErgoTree('not a tree', 0, 1),
    ]) {
      expect((await refusal(ask())).code).toBe('invalid-input');
    }
  });
});

describe('the node’s extra index refusing answers that do not fit the question', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let oracle: IndexOracle;
  let node: DevnetServer;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet(6));
    oracle = indexOracle(chain);
    node = await serve(chain);
  });

  const indexWith = (fetch: FetchLike) => createNodeIndex({ baseUrl: node.url, network: 'testnet', fetch });
  const onPath = (prefix: string, change: (body: Json) => unknown) => (path: string, body: Json) => (path.startsWith(prefix) ? change(body) : body);
  const items = (body: Json) => body['items'] as Json[];

  /** The message of the refusal, which must say that the answer was not used. */
  async function refused(work: Promise<unknown>): Promise<string> {
    const error = await refusal(work);
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain(`The Ergo node at ${node.url} gave an answer the app cannot use`);
    return error.message;
  }

  it('a box other than the one asked for', async () => {
    const [asked, other] = oracle.boxes.slice(3, 5).map((b) => b.box.boxId) as [string, string];
    const otherBox = parseNodeJson(await (await fetch(`${node.url}/blockchain/box/byId/${other}`)).text());
    expect(await refused(indexWith(tampered(onPath('/blockchain/box/byId', () => otherBox))).box(asked))).toContain(`the box is ${other}, not the one asked for`);
  });

  it('a transaction other than the one asked for', async () => {
    const [asked, other] = oracle.transactions.slice(3, 5).map((t) => t.transaction.id) as [string, string];
    const otherTransaction = parseNodeJson(await (await fetch(`${node.url}/blockchain/transaction/byId/${other}`)).text());
    expect(await refused(indexWith(tampered(onPath('/blockchain/transaction/byId', () => otherTransaction))).transaction(asked))).toContain(
      `the transaction is ${other}, not the one asked for`,
    );
  });

  it('outputs that name another transaction or another place', async () => {
    const id = oracle.transactionsTouching(demo.accountTree)[0] as string;
    const moved = tampered(onPath('/blockchain/transaction/byId', (tx) => ({ ...tx, outputs: (tx['outputs'] as Json[]).map((o, i) => (i === 1 ? { ...o, index: 0n } : o)) })));
    expect(await refused(indexWith(moved).transaction(id))).toContain('field outputs[1].index does not match its position');
    const foreign = tampered(onPath('/blockchain/transaction/byAddress', (page) => ({ ...page, items: items(page).map((tx, i) => (i === 0 ? { ...tx, outputs: (tx['outputs'] as Json[]).map((o) => ({ ...o, transactionId: 'ab'.repeat(32) })) } : tx)) })));
    expect(await refused(indexWith(foreign).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain('field items[0].outputs[0].transactionId does not match the transaction id');
  });

  it('an input box said to be spent by another transaction', async () => {
    const spentElsewhere = tampered(onPath('/blockchain/transaction/byAddress', (page) => ({ ...page, items: items(page).map((tx, i) => (i === 1 ? { ...tx, inputs: (tx['inputs'] as Json[]).map((input) => ({ ...input, spentTransactionId: 'ab'.repeat(32) })) } : tx)) })));
    expect(await refused(indexWith(spentElsewhere).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain('field items[1].inputs[0].spentTransactionId is not the transaction that spends it');
  });

  it('a listed transaction that neither spends nor creates a box under the script', async () => {
    const stranger = oracle.transactions.find((t) => !oracle.transactionsTouching(demo.accountTree).includes(t.transaction.id))?.transaction.id as string;
    const strangerJson = parseNodeJson(await (await fetch(`${node.url}/blockchain/transaction/byId/${stranger}`)).text());
    const slippedIn = tampered(onPath('/blockchain/transaction/byAddress', (page) => ({ ...page, items: items(page).map((tx, i) => (i === 2 ? strangerJson : tx)) })));
    expect(await refused(indexWith(slippedIn).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain(
      `items[2] (transaction ${stranger}) neither spends nor creates a box under the script asked for`,
    );
  });

  it('a page that is not newest first', async () => {
    const swap = (list: Json[]) => [list[1], list[0], ...list.slice(2)];
    const transactions = tampered(onPath('/blockchain/transaction/byAddress', (page) => ({ ...page, items: swap(items(page)) })));
    expect(await refused(indexWith(transactions).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain('items[1] is not older than items[0], so the page is not newest first');
    const boxes = tampered(onPath('/blockchain/box/byTokenId', (page) => ({ ...page, items: swap(items(page)) })));
    expect(await refused(indexWith(boxes).boxesByToken(demo.lets.membershipTokenId, 0, 5))).toContain('so the page is not newest first');
    // Two items at the same place are not in order either.
    const repeated = tampered(onPath('/blockchain/box/byTokenId', (page) => ({ ...page, items: [items(page)[0], ...items(page).slice(0, -1)] })));
    expect(await refused(indexWith(repeated).boxesByToken(demo.lets.membershipTokenId, 0, 5))).toContain('items[1] is not older than items[0]');
  });

  it('more items than asked for, or than the listing holds', async () => {
    const generous = tampered((_path, body) => body, (asked) => asked.replace('limit=2', 'limit=3'));
    expect(await refused(indexWith(generous).transactionsByErgoTree(demo.accountTree, 0, 2))).toContain('the page holds 3 items, more than the 2 asked for');
    expect(await refused(indexWith(generous).boxesByToken(demo.lets.membershipTokenId, 0, 2))).toContain('the page holds 3 items, more than the 2 asked for');
    const understated = tampered(onPath('/blockchain/box/byTokenId', (page) => ({ ...page, total: 1n })));
    expect(await refused(indexWith(understated).boxesByToken(demo.lets.membershipTokenId, 0, 3))).toContain('the page holds 3 items after skipping 0, but the listing has only 1');
  });

  it('a box listed for a token it does not hold', async () => {
    const emptied = tampered(onPath('/blockchain/box/byTokenId', (page) => ({ ...page, items: items(page).map((box, i) => (i === 1 ? { ...box, assets: [] } : box)) })));
    expect(await refused(indexWith(emptied).boxesByToken(demo.lets.membershipTokenId, 0, 5))).toMatch(/items\[1\] \(box [0-9a-f]{64}\) does not hold the token asked for/);
  });

  it('a listing that is not a page', async () => {
    const bare = tampered(onPath('/blockchain/transaction/byAddress', (page) => items(page)));
    expect(await refused(indexWith(bare).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain('must be a page object with items and total');
  });
});

describe('a node without the extra index', () => {
  let demo: DemoLets;
  let index: NodeIndex;
  let nodeUrl: string;

  beforeAll(async () => {
    let chain: DevnetChain;
    ({ chain, demo } = await aTradingDevnet(0));
    nodeUrl = (await serve(chain, { extraIndex: false })).url;
    index = createNodeIndex({ baseUrl: nodeUrl, network: 'testnet', sleep: async () => undefined });
  });

  it('has no indexed height', async () => {
    expect(await index.indexedHeight()).toBeNull();
  });

  it('says so, and what to do, for every question', async () => {
    const id = 'ab'.repeat(32);
    for (const ask of [
      () => index.box(id),
      () => index.transaction(id),
      () => index.boxesByToken(id, 0, 10),
      () => index.transactionsByErgoTree(demo.accountTree, 0, 10),
      () => index.unspentByErgoTree(demo.accountTree),
    ]) {
      const error = await refusal(ask());
      expect(error.message).toContain(`The Ergo node at ${nodeUrl} does not keep the extra index`);
      expect(error.hint).toContain('extraIndex = true');
    }
    expect((await refusal(index.transactionsByErgoTree(demo.accountTree, 0, 10))).message).toContain('find a LETS by its token or read its history');
  });
});
