import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { openDatabase } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { storedUnderCurrentChecks } from '../../electron/core/mirror/queries/chain-store';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, balancesByName, countingBlocks, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';

/**
 * Issue 18, part 4: a mirror remembers the checks what it holds passed. One filled before they existed (or under other
 * checks) is read again from the chain, once, so a balance a source once made up does not stay.
 */
describe('a mirror stored under older checks', () => {
  it('is read again from the chain, once: what a source once made up is gone, and the next sync reads only new blocks', async () => {
    const chain = new DevnetChain();
    const demo = await seedDemoLets(chain);
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const clean = dumpMirror(db);

    // As a mirror of stop 19 could hold it: no record of checks, and a balance no transaction ever made.
    db.prepare('UPDATE mirror_network SET checks = NULL').run();
    db.prepare("UPDATE box_rows SET balance = 100000000 WHERE kind = 'account' AND spent_by IS NULL AND balance < 0").run();
    expect(Object.values(balancesByName(db, letsId, demo))).toContain(100_000_000n);
    expect(storedUnderCurrentChecks(db)).toBe(false);

    const counted = countingBlocks(chain);
    await syncOnce(db, counted.source);
    expect(counted.blocksRead()).toBeGreaterThan(0);
    expect(dumpMirror(db)).toEqual(clean);
    expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    expect(storedUnderCurrentChecks(db)).toBe(true);

    const again = countingBlocks(chain);
    await syncOnce(db, again.source);
    expect(again.blocksRead()).toBe(0);
  });

  it('counts a mirror from before migration 17 as stored under no checks', () => {
    const file = join(tempDir(), 'mirror.sqlite');
    const older = openDatabase(file, { migrations: bundledMigrations.slice(0, 16) });
    older.prepare("INSERT INTO mirror_network (id, network) VALUES (1, 'testnet')").run();
    older.close();
    expect(storedUnderCurrentChecks(openDatabase(file))).toBe(false);
  });
});
