import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplorerClient, type ExplorerClient } from '../../electron/core/chain/explorer-client';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import { findLets, followFoundLets } from '../../electron/core/following/follow-lets';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { pendingLets } from '../../electron/core/mirror/queries/catch-up-state';
import { KEPT_HEADERS } from '../../electron/core/mirror/queries/chain-store';
import { createCatchUp } from '../../electron/core/mirror/sync/catch-up';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { serveDevnetAsExplorer, type ExplorerServer } from '../helpers/explorer-devnet';
import { aLateLetsChain } from '../helpers/late-lets';
import { aMirrorFollowing, countingBlocks, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';

/**
 * A LETS followed long after it was founded, with the public Explorer as its chain: found through the Explorer's index
 * by its LETS id, its history caught up through the Explorer's listing by address (only its own transactions, in pages
 * that cut through blocks whose transactions the Explorer lists in another order for every query), the last blocks
 * read one by one; and the mirror ends exactly as a sync that read every block from the genesis on. The chain: genesis,
 * 240 trades six to a block, 320 empty blocks, 30 more trades, so the index covers the trades below the 300 blocks a
 * reorganisation may still reach.
 */
describe('catching up a LETS through the Explorer', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let explorer: ExplorerServer;
  let referenceDump: unknown;

  beforeAll(async () => {
    ({ chain, demo } = await aLateLetsChain({ trades: 240, emptyBlocks: 320, laterTrades: 30, seed: 5 }));
    explorer = await serveDevnetAsExplorer(chain);
  }, 120_000);

  afterAll(() => explorer?.close());

  /** The mirror of a sync that followed the LETS block by block from its genesis, read from the chain itself. */
  async function reference(): Promise<unknown> {
    if (referenceDump === undefined) {
      const { db } = aMirrorFollowing(demo);
      await syncOnce(db, chain);
      referenceDump = dumpMirror(db);
    }
    return referenceDump;
  }

  const explorerClient = (): ExplorerClient => createExplorerClient({ baseUrl: explorer.url, network: 'testnet' });

  /** A new mirror following the LETS found through the Explorer by its LETS id alone. */
  async function followed(client: ExplorerClient): Promise<Db> {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    followFoundLets(db, await findLets({ source: client, index: client }, { network: 'testnet', letsId: demo.lets.letsId, startHeight: null }));
    return db;
  }


  /** The Explorer requests since `from` that list transactions by address: pages, and blocks read whole. */
  function listingRequests(from: number): { pages: number; wholeBlocks: number } {
    const listings = explorer.requests
      .slice(from)
      .map((request) => new URL(request.split(' ')[1] as string, 'http://explorer'))
      .filter((url) => /^\/api\/v1\/addresses\/[^/]+\/transactions$/.test(url.pathname));
    const wholeBlocks = listings.filter((url) => url.searchParams.get('fromHeight') !== null && url.searchParams.get('fromHeight') === url.searchParams.get('toHeight')).length;
    return { pages: listings.length - wholeBlocks, wholeBlocks };
  }

  it.each([
    { pageSize: 25, size: '25' },
    { pageSize: undefined, size: 'the Explorer client’s 100' },
  ])('reads the history through the index in pages of $size and the last blocks one by one, and ends with the mirror of a block-by-block sync', async ({ pageSize }) => {
    const client = explorerClient();
    const db = await followed(client);
    expect(pendingLets(db, 'testnet').map((p) => p.caughtUpTo)).toEqual([demo.genesisHeight - 1]);
    const counted = countingBlocks(client);
    const from = explorer.requests.length;
    const result = await syncOnce(db, counted.source, { catchUp: createCatchUp({ index: client, pageSize }) });

    expect(result.catchingUp).toBe(false);
    expect(pendingLets(db, 'testnet')).toEqual([]);
    expect(dumpMirror(db)).toEqual(await reference());
    // Only the blocks a reorganisation may still reach were read as blocks; the 40 blocks of trades below came through the index.
    expect(counted.blocksRead()).toBeLessThanOrEqual(KEPT_HEADERS);
    // A page cuts through at most two blocks, which are read whole, and the block one page ends in is the block the
    // next one starts in: no more blocks are read whole than pages are read.
    const { pages, wholeBlocks } = listingRequests(from);
    expect(pages).toBeGreaterThan(0);
    expect(wholeBlocks).toBeLessThanOrEqual(pages);
  });

  it('carries on where it stopped when the app is closed after every step, with a new Explorer client each time, and ends the same', async () => {
    const first = await followed(explorerClient());
    const file = first.name;
    first.close();
    const heights: number[] = [];
    for (let restarts = 0; ; restarts++) {
      expect(restarts).toBeLessThan(200);
      const db = openDatabase(file);
      const client = explorerClient();
      const catchUp = createCatchUp({ index: client, pageSize: 7, onApplied: (_, height) => heights.push(height) });
      const more = await catchUp.step(db, client, await client.tip(), 0);
      db.close();
      if (!more) break;
    }
    expect(heights.length).toBeGreaterThan(10);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
    const db = openDatabase(file);
    await syncOnce(db, explorerClient());
    expect(dumpMirror(db)).toEqual(await reference());
  });
});
