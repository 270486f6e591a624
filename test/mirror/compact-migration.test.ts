import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { migrate, openDatabase } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';

const BEFORE_COMPACT = bundledMigrations.filter((m) => m.version < 5);
const THROUGH_COMPACT = bundledMigrations.filter((m) => m.version <= 5);

describe('migration 005 (scripts table, ledger entries stored by member)', () => {
  it('keeps every box and ledger entry of a mirror written before it, column for column', async () => {
    const chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    const demo = await seedDemoLets(chain);
    const file = join(tempDir(), 'mirror.sqlite');
    const old = openDatabase(file, { migrations: BEFORE_COMPACT });
    const { lets } = demo;
    const letsId = addLets(old, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'committee', creditFloor: lets.floor, creditCap: lets.cap });
    old.prepare('INSERT INTO lets_chain (lets_id, membership_token_id, account_tree, management_tree, start_height) VALUES (?, ?, ?, ?, ?)').run(
      letsId,
      lets.membershipTokenId,
      demo.accountTree,
      demo.managementTree,
      demo.genesisHeight,
    );
    // Today's sync writes the new tables, so the old ones are filled with the rows of a mirror synced now.
    const synced = aMirrorFollowing(demo);
    await syncOnce(synced.db, chain);
    const today = dumpMirror(synced.db) as Record<'blocks' | 'boxes' | 'entries', Record<string, unknown>[]>;
    // Entries learnt their place in the block later (migration 010).
    const expected = { ...today, entries: today.entries.map(({ position: _position, ...entry }) => entry) };
    const insert = (table: string, rows: Record<string, unknown>[]) => {
      for (const row of rows) {
        const columns = Object.keys(row);
        old.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
      }
    };
    insert('blocks', expected.blocks);
    insert('boxes', expected.boxes);
    insert('ledger_entries', expected.entries);

    migrate(old, THROUGH_COMPACT);
    expect(dumpMirror(old)).toEqual(expected);
    expect(old.prepare('SELECT count(*) FROM scripts').pluck().get()).toBe(BigInt(new Set(expected.boxes.map((b) => b['ergo_tree'])).size));
    old.close();
  });
});
