import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { foundLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { join } from 'node:path';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { createNodeIndex } from '../../electron/core/chain/node-index';
import { findLets, followFoundLets } from '../../electron/core/following/follow-lets';
import { openDatabase } from '../../electron/core/mirror/database';
import { pendingLets } from '../../electron/core/mirror/queries/catch-up-state';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { appendGeneratedTrades } from '../helpers/generated-trades';
import { aMirrorFollowing, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { afterBatches, bundleSyncWorker, runSyncWorker } from './crash/crash-worker';

const BATCH_SIZE = 4;

describe('a sync killed with SIGKILL at any point', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let server: DevnetServer;
  let worker: string;

  beforeAll(async () => {
    let clock = 1_767_225_600_000;
    chain = new DevnetChain({ now: () => (clock += 120_000) });
    ({ demo } = await foundLets(chain, { parameters: { name: 'Crash LETS', unit: 'hours', floor: -200_00n, cap: 500_00n }, memberNames: ['Ann', 'Ben', 'Cat', 'Dan'] }));
    await appendGeneratedTrades(chain, demo, { trades: 4_000, tradesPerBlock: 20, seed: 7 });
    // Deeper than the headers the mirror keeps, so a LETS followed now is caught up through the index.
    chain.mineMany(320);
    server = await serveDevnet(chain);
    worker = await bundleSyncWorker();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('restarts and ends with exactly the mirror of an uninterrupted sync', { timeout: 120_000 }, async () => {
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain, { batchSize: BATCH_SIZE });

    const victim = aMirrorFollowing(demo);
    const file = victim.db.name;
    victim.db.close();
    const killedAt: number[] = [];
    // Kill after a growing number of batches, each time a random moment later: between batches, while blocks are
    // being fetched, or in the middle of the SQLite transaction that writes one.
    for (const batches of [1, 3, 6, 10, 15]) {
      const run = runSyncWorker(worker, file, server.url, BATCH_SIZE);
      await afterBatches(run, batches);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      expect(run.done, `the sync finished before the kill: ${run.stderr()}`).toBe(false);
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      killedAt.push(run.batches.at(-1) ?? 0);
    }
    expect(killedAt.at(-1)).toBeLessThan(chain.height);

    const last = runSyncWorker(worker, file, server.url, BATCH_SIZE);
    expect(await last.exited, last.stderr()).toBe(0);
    expect(last.done).toBe(true);
    const restarted = openDatabase(file);
    expect(dumpMirror(restarted)).toEqual(dumpMirror(reference.db));
  });

  it('a catch-up through the index, killed at any point, carries on and ends with the mirror of a clean one', { timeout: 120_000 }, async () => {
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain);

    const file = join(tempDir(), 'mirror.sqlite');
    const victim = openDatabase(file);
    const finder = { source: createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet' }), index: createNodeIndex({ baseUrl: server.url, network: 'devnet' }) };
    followFoundLets(victim, await findLets(finder, { network: 'devnet', letsId: demo.lets.letsId, startHeight: null }));
    victim.close();
    const caughtUp = () => {
      const db = openDatabase(file);
      const [lets] = pendingLets(db, 'devnet');
      db.close();
      return lets?.caughtUpTo ?? Number.POSITIVE_INFINITY;
    };
    const heights: number[] = [];
    for (const after of [1, 4, 9, 15]) {
      const run = runSyncWorker(worker, file, server.url, BATCH_SIZE, 'index');
      await afterBatches(run, after);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      expect(run.done, `the catch-up finished before the kill: ${run.stderr()}`).toBe(false);
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      heights.push(caughtUp());
    }
    // Each run carried on from where the one before was killed: what was read is never read again from the start.
    expect(heights[0]).toBeGreaterThan(demo.genesisHeight);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));

    const last = runSyncWorker(worker, file, server.url, BATCH_SIZE, 'index');
    expect(await last.exited, last.stderr()).toBe(0);
    expect(last.done).toBe(true);
    const restarted = openDatabase(file);
    expect(pendingLets(restarted, 'devnet')).toEqual([]);
    expect(dumpMirror(restarted)).toEqual(dumpMirror(reference.db));
  });
});
