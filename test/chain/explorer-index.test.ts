import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainIndex, IndexedBox, IndexedTransaction, IndexPage } from '../../electron/core/chain/chain-index';
import { createExplorerClient, EXPLORER_INDEX_PAGE, type ExplorerClient } from '../../electron/core/chain/explorer-client';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import type { FetchLike } from '../../electron/core/chain/node-http';
import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { EXPLORER_MAX_HEAVY_LIMIT, EXPLORER_MAX_LIMIT, serveDevnetAsExplorer, type ExplorerServer } from '../helpers/explorer-devnet';
import { addressOf, aTradingDevnet, indexOracle, type IndexOracle } from '../devnet/index-oracle';
import { refusal } from '../helpers/refusal';

/*
 * The public Explorer as the app reads it as an index (ChainIndex), against the devnet served over HTTP in the
 * Explorer's shapes, paging and order (test/helpers/explorer-devnet.ts), and against answers a fake fetch has tampered
 * with: each one must be refused with a message that says what is wrong. The expected answers come from the devnet's
 * own index (DevnetChain.index), held to the slow oracle once.
 */

type Json = Record<string, unknown>;

const servers: ExplorerServer[] = [];

afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(chain: DevnetChain): Promise<ExplorerServer> {
  const server = await serveDevnetAsExplorer(chain);
  servers.push(server);
  return server;
}

function explorerOf(server: ExplorerServer, fetch?: FetchLike): ExplorerClient {
  return createExplorerClient({ baseUrl: server.url, network: 'testnet', fetch, retry: { attempts: 1, baseDelayMs: 1 } });
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

/** A box as the devnet's index knows it, as ChainIndex.box should answer it. */
function indexedBox(chain: DevnetChain, boxId: string): IndexedBox {
  const view = chain.index.box(boxId, chain.height);
  if (!view) throw new Error(`the devnet index does not know box ${boxId}`);
  return { ...view.box, inclusionHeight: view.inclusionHeight, spentTransactionId: view.spent?.transaction.transaction.id ?? null };
}

/**
 * A transaction as the devnet's index knows it, as the Explorer hands it on: its inputs with the proof bytes but without
 * the context extension, which the Explorer does not keep (InputInfo).
 */
function indexedTransaction(chain: DevnetChain, id: string): IndexedTransaction {
  const view = chain.index.transaction(id, chain.height);
  if (!view) throw new Error(`the devnet index does not know transaction ${id}`);
  const { transaction, header, index } = view;
  const inputs = transaction.inputs.map(({ boxId, proofBytes }) => ({ boxId, proofBytes, extension: {} }));
  return { ...transaction, inputs, blockId: header.id, inclusionHeight: header.height, index, timestamp: header.timestamp };
}

/** Every transaction under the tree in the node's order: newest block first, a block's transactions last first. */
function transactionsUnder(chain: DevnetChain, tree: string): IndexedTransaction[] {
  return chain.index.transactionsByTree(tree, chain.height, 0, Number.POSITIVE_INFINITY).items.map((view) => indexedTransaction(chain, view.transaction.id));
}

/** Every box that held the token, newest first by creation height, ties by box id from the highest (the Explorer's order reversed). */
function boxesHolding(chain: DevnetChain, tokenId: string): IndexedBox[] {
  return chain.index
    .boxesByToken(tokenId, chain.height, 0, Number.POSITIVE_INFINITY)
    .items.map((view) => indexedBox(chain, view.box.boxId))
    .sort((a, b) => b.creationHeight - a.creationHeight || (a.boxId < b.boxId ? 1 : -1));
}

/** The query parameters of the Explorer requests to `route` since `from`. */
function asked(server: ExplorerServer, route: RegExp, from = 0): URLSearchParams[] {
  return server.requests
    .slice(from)
    .map((request) => new URL(request.split(' ')[1] as string, 'http://explorer'))
    .filter((url) => route.test(url.pathname))
    .map((url) => url.searchParams);
}

const BY_ADDRESS = /^\/api\/v1\/addresses\/[^/]+\/transactions$/;
const BY_TOKEN = /^\/api\/v1\/boxes\/byTokenId\//;

describe('the Explorer as a ChainIndex, read from the Explorer-shaped devnet over HTTP', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let oracle: IndexOracle;
  let explorer: ExplorerServer;
  let index: ExplorerClient;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet(30));
    oracle = indexOracle(chain);
    explorer = await serve(chain);
    index = explorerOf(explorer);
  });

  it('is named for messages and pages by the hundred', () => {
    const asChainIndex: ChainIndex = index;
    expect(asChainIndex.label).toBe(`the Ergo Explorer at ${explorer.url}`);
    expect(asChainIndex.maxPage).toBe(EXPLORER_INDEX_PAGE);
    expect(EXPLORER_INDEX_PAGE).toBeLessThanOrEqual(EXPLORER_MAX_HEAVY_LIMIT);
  });

  it('has indexed up to its tip', async () => {
    expect(await index.indexedHeight()).toBe(chain.height);
    expect(await index.indexedHeight()).toBe((await index.tip()).height);
  });

  it('expects what the slow oracle expects', () => {
    const someBoxes = oracle.boxes.slice(1, 40).map((b) => b.box.boxId);
    for (const id of someBoxes) expect(indexedBox(chain, id)).toStrictEqual(oracle.indexedBox(id));
    expect(transactionsUnder(chain, demo.accountTree).map((t) => t.id)).toEqual(oracle.transactionsTouching(demo.accountTree));
    expect(new Set(boxesHolding(chain, demo.lets.membershipTokenId).map((b) => b.boxId))).toEqual(new Set(oracle.boxesHolding(demo.lets.membershipTokenId)));
  });

  it('reads a box by id, spent or not, and null for one it does not know', async () => {
    const spent = oracle.boxes.find((b) => b.spentBy && b.box.assets.length > 0 && Object.keys(b.box.additionalRegisters).length > 0);
    const unspent = oracle.boxes.find((b) => !b.spentBy && b.inclusionHeight > 0);
    if (!spent || !unspent) throw new Error('the history has no spent or no unspent box');
    expect(await index.box(spent.box.boxId)).toStrictEqual(indexedBox(chain, spent.box.boxId));
    expect(await index.box(unspent.box.boxId.toUpperCase())).toStrictEqual(indexedBox(chain, unspent.box.boxId));
    expect(await index.box('ab'.repeat(32))).toBeNull();
    // As a ChainSource it still answers unspent boxes only.
    expect(await index.unspentBox(spent.box.boxId)).toBeNull();
    expect(await index.unspentBox(unspent.box.boxId)).toStrictEqual(unspent.box);
  });

  it('reads a transaction by id with its block and place, and null for one it does not know', async () => {
    for (const { transaction } of [0, 10, oracle.transactions.length - 1].map((i) => oracle.transactions[i] as (typeof oracle.transactions)[number])) {
      expect(await index.transaction(transaction.id)).toStrictEqual(indexedTransaction(chain, transaction.id));
    }
    expect(await index.transaction('ab'.repeat(32))).toBeNull();
  });

  it('pages through every box that ever held a token, newest first, asking the Explorer for at most 100 at a time', async () => {
    const token = demo.lets.membershipTokenId;
    const expected = boxesHolding(chain, token);
    expect(expected.length).toBeGreaterThan(4);
    const from = explorer.requests.length;
    for (const limit of [1, 4, EXPLORER_INDEX_PAGE]) expect(await everything((offset, l) => index.boxesByToken(token, offset, l), limit)).toStrictEqual(expected);
    for (const query of asked(explorer, BY_TOKEN, from)) expect(Number(query.get('limit'))).toBeLessThanOrEqual(EXPLORER_MAX_HEAVY_LIMIT);
    expect(await index.boxesByToken(token, 2, 0)).toEqual({ items: [], total: expected.length });
    expect(await index.boxesByToken(token, expected.length, 5)).toEqual({ items: [], total: expected.length });
    expect(await index.boxesByToken('cd'.repeat(32), 0, 10)).toEqual({ items: [], total: 0 });
  });

  it('pages through every transaction of a contract in the node’s order, whatever order the Explorer gives a block’s transactions', async () => {
    const expected = transactionsUnder(chain, demo.accountTree);
    // Three trades to a block: most page sizes cut through blocks, and the Explorer-shaped devnet lists each block's
    // transactions in another order for every query.
    expect(expected.length).toBeGreaterThan(30);
    const from = explorer.requests.length;
    for (const limit of [1, 2, 5, 7, EXPLORER_INDEX_PAGE]) {
      const transactions = await everything((offset, l) => index.transactionsByErgoTree(demo.accountTree, offset, l), limit);
      expect(transactions).toStrictEqual(expected);
    }
    const queries = asked(explorer, BY_ADDRESS, from);
    for (const query of queries) {
      expect(Number(query.get('limit'))).toBeLessThanOrEqual(EXPLORER_MAX_LIMIT);
      expect(query.get('concise')).toBe('false');
    }
    // A whole block was read where a page cut through one.
    expect(queries.some((query) => query.get('fromHeight') !== null && query.get('fromHeight') === query.get('toHeight'))).toBe(true);
    const { total } = await index.transactionsByErgoTree(demo.accountTree, 3, 0);
    expect(total).toBe(expected.length);
  });

  it('lists a wallet’s transactions too, those that only spend from it included', async () => {
    const wallet = demo.members[1]?.ergoTree as string;
    expect((await index.transactionsByErgoTree(wallet.toUpperCase(), 0, 100)).items.map((t) => t.id)).toEqual(oracle.transactionsTouching(wallet));
    expect(await index.transactionsByErgoTree('0008cd' + '02'.repeat(33), 0, 100)).toEqual({ items: [], total: 0 });
  });

  it('puts a contract’s address in the URL, which stays within what the Explorer’s server accepts', async () => {
    const from = explorer.requests.length;
    for (const tree of [demo.accountTree, demo.managementTree]) await index.transactionsByErgoTree(tree, 5, 10);
    const targets = explorer.requests.slice(from).map((request) => request.split(' ')[1] as string);
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) expect(`GET ${target} HTTP/1.1`.length).toBeLessThanOrEqual(4_096);
    expect(targets[0]).toContain(`/api/v1/addresses/${addressOf(demo.accountTree)}/transactions?`);
    // A LETS account tree of some 550 bytes is an address of some 750 characters.
    expect(addressOf(demo.accountTree).length).toBeLessThan(1_000);
  });

  it('refuses to list a contract too long for a URL, without asking', async () => {
    const huge = `10${'04'.repeat(10)}${'0e'.repeat(2_990)}`;
    const from = explorer.requests.length;
    const error = await refusal(index.transactionsByErgoTree(huge, 0, 10));
    expect(error.code).toBe('limit-exceeded');
    expect(error.message).toBe(`The Ergo Explorer at ${explorer.url} cannot list the transactions of a contract of 3001 bytes: its address is longer than the web addresses the Explorer accepts.`);
    expect(error.hint).toContain('your own Ergo node');
    expect(explorer.requests.length).toBe(from);
  });

  it('asks for no more than a page, and for nothing that is not an id or a script', async () => {
    const from = explorer.requests.length;
    for (const ask of [
      () => index.transactionsByErgoTree(demo.accountTree, 0, EXPLORER_INDEX_PAGE + 1),
      () => index.boxesByToken(demo.lets.membershipTokenId, 0, EXPLORER_INDEX_PAGE + 1),
      () => index.boxesByToken(demo.lets.membershipTokenId, -1, 10),
      () => index.boxesByToken(demo.lets.membershipTokenId, 0, 1.5),
      () => index.box('../wallet'),
      () => index.transaction('ab'),
      () => index.boxesByToken('xyz', 0, 1),
      () => index.transactionsByErgoTree('not a tree', 0, 1),
    ]) {
      expect((await refusal(ask())).code).toBe('invalid-input');
    }
    expect(explorer.requests.length).toBe(from);
  });
});

describe('the Explorer-shaped devnet', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let explorer: ExplorerServer;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet(30));
    explorer = await serve(chain);
  });

  const get = async (path: string) => {
    const answer = await fetch(`${explorer.url}${path}`);
    return { status: answer.status, body: parseNodeJson(await answer.text()) as Json };
  };
  const listing = (query: string) => `/api/v1/addresses/${addressOf(demo.accountTree)}/transactions?${query}`;
  const byToken = (query: string) => `/api/v1/boxes/byTokenId/${demo.lets.membershipTokenId}?${query}`;

  it('pages as the Explorer does: 20 by default, at most 500, or 100 by token; 400 beyond', async () => {
    expect(((await get(listing(''))).body['items'] as unknown[]).length).toBe(20);
    expect((await get(listing('limit=500'))).status).toBe(200);
    for (const query of ['limit=501', 'limit=0', 'offset=-1', 'limit=ten', 'fromHeight=-1&toHeight=5', 'fromHeight=0&toHeight=0']) {
      const { status, body } = await get(listing(query));
      expect(status).toBe(400);
      expect(body['reason']).toMatch(/^Bad request: Invalid value for: query parameter/);
    }
    expect((await get(byToken('limit=100'))).status).toBe(200);
    expect((await get(byToken('limit=101'))).body).toEqual({ status: 400n, reason: 'Bad request: Invalid value for: query parameter limit (expected value to be less than or equal to 100, but was 101)' });
  });

  it('answers an empty page, never 404, for a listing with nothing in it', async () => {
    expect(await get(`/api/v1/boxes/byTokenId/${'cd'.repeat(32)}`)).toEqual({ status: 200, body: { items: [], total: 0n } });
    expect(await get(listing('offset=10000'))).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('answers 404 with the Explorer’s words for a box or transaction it does not know', async () => {
    const id = 'ab'.repeat(32);
    expect(await get(`/api/v1/transactions/${id}`)).toEqual({ status: 404, body: { status: 404n, reason: `Not found Transaction with id: ${id}` } });
    expect(await get(`/api/v1/boxes/${id}`)).toEqual({ status: 404, body: { status: 404n, reason: `Not found Output with id: ${id}` } });
  });

  it('lists boxes by token oldest first by creation height, and transactions by address newest block first, a block’s in an order of each query', async () => {
    const boxes = (await get(byToken('limit=100'))).body['items'] as Json[];
    const heights = boxes.map((box) => box['creationHeight'] as bigint);
    expect(heights).toEqual([...heights].sort((a, b) => Number(a - b)));

    const orders = new Set<string>();
    for (const limit of [30, 31, 32, 33, 34]) {
      const items = (await get(listing(`limit=${limit}`))).body['items'] as Json[];
      const blocks = items.map((tx) => tx['inclusionHeight'] as bigint);
      expect(blocks).toEqual([...blocks].sort((a, b) => Number(b - a)));
      orders.add(items.slice(0, 30).map((tx) => tx['id']).join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('counts the tip as one confirmation, and narrows a transaction to the address with concise=true', async () => {
    const [newest] = (await get(listing('limit=1'))).body['items'] as Json[];
    expect(newest?.['numConfirmations']).toBe(BigInt(chain.height) - (newest?.['inclusionHeight'] as bigint) + 1n);
    const [concise] = (await get(listing('limit=1&concise=true'))).body['items'] as Json[];
    const trees = [...(concise?.['inputs'] as Json[]), ...(concise?.['outputs'] as Json[])].map((box) => box['ergoTree']);
    expect(new Set(trees)).toEqual(new Set([demo.accountTree]));
  });
});

describe('the Explorer as an index refusing answers that do not fit the question', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let oracle: IndexOracle;
  let explorer: ExplorerServer;

  beforeAll(async () => {
    ({ chain, demo } = await aTradingDevnet(9));
    oracle = indexOracle(chain);
    explorer = await serve(chain);
  });

  /**
   * A fetch that lets the devnet answer, then changes the answer's JSON: `change` gets the path asked for and the parsed
   * body (bigints kept), and returns the body to hand the client. `url` may rewrite the request first.
   */
  function tampered(change: (path: string, body: Json, url: URL) => unknown, url: (asked: string) => string = (asked) => asked): FetchLike {
    return async (asked, init) => {
      const answer = await fetch(url(asked), init);
      const text = await answer.text();
      if (!answer.ok) return new Response(text, { status: answer.status });
      const changed = change(new URL(asked).pathname, parseNodeJson(text) as Json, new URL(asked));
      return new Response(stringifyNodeJson(changed), { status: 200, headers: { 'content-type': 'application/json' } });
    };
  }

  const indexWith = (fetch: FetchLike) => explorerOf(explorer, fetch);
  const onPath = (route: RegExp, change: (body: Json) => unknown) => (path: string, body: Json) => (route.test(path) ? change(body) : body);
  const items = (body: Json) => body['items'] as Json[];
  const json = async (path: string) => parseNodeJson(await (await fetch(`${explorer.url}${path}`)).text()) as Json;

  /** The message of the refusal, which must say that the answer was not used, naming the Explorer. */
  async function refused(work: Promise<unknown>): Promise<string> {
    const error = await refusal(work);
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain(`The Ergo Explorer at ${explorer.url} gave an answer the app cannot use`);
    expect(error.hint).toContain('public Explorer');
    return error.message;
  }

  it('a box other than the one asked for', async () => {
    const [wanted, other] = oracle.boxes.slice(3, 5).map((b) => b.box.boxId) as [string, string];
    const otherBox = await json(`/api/v1/boxes/${other}`);
    expect(await refused(indexWith(tampered(onPath(/^\/api\/v1\/boxes\//, () => otherBox))).box(wanted))).toContain(`the box is ${other}, not the one asked for`);
  });

  it('a box off the main chain, which the index does not count as known', async () => {
    const boxId = oracle.boxes[5]?.box.boxId as string;
    expect(await indexWith(tampered(onPath(/^\/api\/v1\/boxes\//, (box) => ({ ...box, mainChain: false })))).box(boxId)).toBeNull();
  });

  it('a transaction other than the one asked for', async () => {
    const [wanted, other] = oracle.transactions.slice(3, 5).map((t) => t.transaction.id) as [string, string];
    const otherTransaction = await json(`/api/v1/transactions/${other}`);
    expect(await refused(indexWith(tampered(onPath(/^\/api\/v1\/transactions\//, () => otherTransaction))).transaction(wanted))).toContain(
      `the transaction is ${other}, not the one asked for`,
    );
  });

  it('a transaction with a box of another transaction, or without its place in the block', async () => {
    const id = oracle.transactionsTouching(demo.accountTree)[0] as string;
    const foreign = tampered(onPath(/^\/api\/v1\/transactions\//, (tx) => ({ ...tx, outputs: (tx['outputs'] as Json[]).map((o) => ({ ...o, transactionId: 'ab'.repeat(32) })) })));
    expect(await refused(indexWith(foreign).transaction(id))).toContain('field outputs[0].transactionId does not match the transaction id');
    const placeless = tampered(onPath(/^\/api\/v1\/transactions\//, (tx) => ({ ...tx, index: undefined })));
    expect(await refused(indexWith(placeless).transaction(id))).toContain('field index is missing');
  });

  it('a listed transaction that neither spends nor creates a box under the script', async () => {
    const stranger = oracle.transactions.find((t) => !oracle.transactionsTouching(demo.accountTree).includes(t.transaction.id))?.transaction.id as string;
    const strangerJson = await json(`/api/v1/transactions/${stranger}`);
    const slippedIn = tampered(onPath(BY_ADDRESS, (page) => ({ ...page, items: items(page).map((tx, i) => (i === 2 ? strangerJson : tx)) })));
    expect(await refused(indexWith(slippedIn).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain(
      `items[2] (transaction ${stranger}) neither spends nor creates a box under the script asked for`,
    );
  });

  it('a page that is not in order', async () => {
    const reversed = (list: Json[]) => [...list].reverse();
    const transactions = tampered(onPath(BY_ADDRESS, (page) => ({ ...page, items: reversed(items(page)) })));
    expect(await refused(indexWith(transactions).transactionsByErgoTree(demo.accountTree, 0, 8))).toMatch(/items\[\d+\] is in a later block than items\[\d+\], so the page is not newest first/);
    const boxes = tampered(onPath(BY_TOKEN, (page) => ({ ...page, items: reversed(items(page)) })));
    expect(await refused(indexWith(boxes).boxesByToken(demo.lets.membershipTokenId, 0, 8))).toMatch(/items\[\d+\] was created before items\[\d+\], so the page is not oldest first/);
  });

  it('one transaction twice, or two in one place of a block', async () => {
    // The page, not the blocks read whole where it cuts through one.
    const repeated = tampered((path, page, url) => (BY_ADDRESS.test(path) && !url.searchParams.has('fromHeight') ? { ...page, items: [items(page)[0], ...items(page).slice(0, -1)] } : page));
    expect(await refused(indexWith(repeated).transactionsByErgoTree(demo.accountTree, 0, 5))).toMatch(/transactions [0-9a-f]{64} and [0-9a-f]{64} both take place \d+ of block \d+/);
    const boxes = tampered(onPath(BY_TOKEN, (page) => ({ ...page, items: items(page).map((box, i, all) => (i === 1 ? all[0] : box)) })));
    expect(await refused(indexWith(boxes).boxesByToken(demo.lets.membershipTokenId, 0, 5))).toMatch(/items\[1\] \(box [0-9a-f]{64}\) is listed twice/);
  });

  it('more items than asked for, or than the listing holds, or fewer than it holds', async () => {
    const generous = tampered((_path, body) => body, (url) => url.replace(/limit=(\d+)/, (_all, limit: string) => `limit=${Number(limit) + 1}`));
    expect(await refused(indexWith(generous).transactionsByErgoTree(demo.accountTree, 0, 2))).toContain('the page holds 4 items, more than the 3 asked for');
    expect(await refused(indexWith(generous).boxesByToken(demo.lets.membershipTokenId, 0, 2))).toContain('the page holds 3 items, more than the 2 asked for');
    const understated = tampered(onPath(BY_TOKEN, (page) => ({ ...page, total: 1n })));
    expect(await refused(indexWith(understated).boxesByToken(demo.lets.membershipTokenId, 0, 3))).toContain('the page holds 3 items after skipping 0, but the listing has only 1');
    const short = tampered(onPath(BY_ADDRESS, (page) => ({ ...page, items: items(page).slice(0, 2) })));
    expect(await refused(indexWith(short).transactionsByErgoTree(demo.accountTree, 0, 5))).toMatch(/the page holds 2 items, but a listing of \d+ has 6 from 0 on/);
  });

  it('a box listed for a token it does not hold, or off the main chain', async () => {
    const emptied = tampered(onPath(BY_TOKEN, (page) => ({ ...page, items: items(page).map((box, i) => (i === 1 ? { ...box, assets: [] } : box)) })));
    expect(await refused(indexWith(emptied).boxesByToken(demo.lets.membershipTokenId, 0, 5))).toMatch(/items\[1\] \(box [0-9a-f]{64}\) does not hold the token asked for/);
    const forked = tampered(onPath(BY_TOKEN, (page) => ({ ...page, items: items(page).map((box, i) => (i === 0 ? { ...box, mainChain: false } : box)) })));
    expect(await refused(indexWith(forked).boxesByToken(demo.lets.membershipTokenId, 0, 5))).toMatch(/items\[0\] \(box [0-9a-f]{64}\) is not on the main chain/);
  });

  it('a block whose transactions do not match what the listing shows of it', async () => {
    // Pages of 2 cut through blocks of three trades, which are then read whole: here the block answers empty.
    const wholeBlock = (url: URL) => url.searchParams.get('fromHeight') !== null && url.searchParams.get('fromHeight') === url.searchParams.get('toHeight');
    const emptied = tampered((_path, body, url) => (wholeBlock(url) ? { items: [], total: 0n } : body));
    const message = await refused(everything((offset, limit) => indexWith(emptied).transactionsByErgoTree(demo.accountTree, offset, limit), 2));
    expect(message).toMatch(/block \d+ was listed with other transactions than a page of the listing shows of it, so the listing changed while it was read/);
  });

  it('a listing that is not a page', async () => {
    const bare = tampered(onPath(BY_ADDRESS, (page) => items(page)));
    expect(await refused(indexWith(bare).transactionsByErgoTree(demo.accountTree, 0, 5))).toContain('must be a page object with items and total');
  });
});
