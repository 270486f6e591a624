import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { foundLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { openDatabase } from '../../electron/core/mirror/database';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { appendGeneratedTrades } from '../helpers/generated-trades';
import { aMirrorFollowing, dumpMirror } from '../helpers/mirror-fixtures';
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
});
