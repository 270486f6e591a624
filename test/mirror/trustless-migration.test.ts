import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { seedTrustlessDemo } from '../../electron/core/devnet/trustless-demo';
import { migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { trackLetsOnChain } from '../../electron/core/mirror/queries/chain-store';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, copyRowsInto, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';

const TRUSTLESS_MIGRATION = bundledMigrations.find((m) => m.name === 'trustless_mirror');
const before = bundledMigrations.filter((m) => m.version < (TRUSTLESS_MIGRATION?.version ?? 0));
const throughTrustless = bundledMigrations.filter((m) => m.version <= (TRUSTLESS_MIGRATION?.version ?? 0));

const everyRow = (db: Db) => ({
  ...(dumpMirror(db) as object),
  lets: db.prepare('SELECT * FROM lets ORDER BY id').all(),
  profiles: db.prepare('SELECT * FROM member_profiles ORDER BY id').all(),
  letsChain: db.prepare('SELECT lets_id, membership_token_id, account_tree, management_tree, start_height FROM lets_chain ORDER BY lets_id').all(),
});
const indexesOf = (db: Db, table: string) =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`).pluck().all(table);

/**
 * Copies every row of a committee mirror into a database of the schema before migration 007. Such a mirror has no
 * placeholder profiles (migration 009 brought them), only the ones the treasurer named.
 */
function copyCommitteeMirror(from: Db, to: Db): void {
  // By default the columns the table had then (ledger entries learnt their place in the block with migration 010).
  to.transaction(() => {
    for (const table of ['lets', 'blocks', 'scripts', 'box_rows', 'ledger_entries']) copyRowsInto(to, from, table);
    copyRowsInto(to, from, 'member_profiles', ['id', 'lets_id', 'owner_key', 'name', 'contact', 'notes'], 'WHERE named = 1');
    copyRowsInto(to, from, 'lets_chain', ['lets_id', 'membership_token_id', 'account_tree', 'management_tree', 'start_height']);
  })();
}

describe('migration 007: the mirror learns the trustless model', () => {
  it('keeps every row of a committee mirror, and its indexes, and lets it follow a trustless LETS afterwards', async () => {
    expect(TRUSTLESS_MIGRATION?.version).toBe(7);
    const chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    const demo = await seedDemoLets(chain);
    const file = join(tempDir(), 'mirror.sqlite');

    // The rows a committee mirror of the previous schema holds: synced here, then copied into a database of that schema.
    const synced = aMirrorFollowing(demo);
    addMemberProfile(synced.db, { letsId: synced.letsId, ownerKey: demo.members[0]?.publicKey ?? '', name: 'Alice', notes: 'bakes bread' });
    await syncOnce(synced.db, chain);
    const old = openDatabase(file, { migrations: before });
    copyCommitteeMirror(synced.db, old);
    const rowsBefore = everyRow(old);
    const indexesBefore = indexesOf(old, 'box_rows');
    old.close();

    const db = openDatabase(file, { migrations: throughTrustless });
    expect(schemaVersion(db)).toBe(TRUSTLESS_MIGRATION?.version);
    expect(everyRow(db)).toEqual(rowsBefore);
    expect(indexesOf(db, 'box_rows')).toEqual(indexesBefore);
    expect(db.prepare('SELECT public_token_tree FROM lets_chain').pluck().all()).toEqual([null]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Today's sync writes today's schema: the later migrations come first, as when the app opens the file.
    migrate(db, bundledMigrations);
    const trustless = await seedTrustlessDemo(chain);
    const hilltop = addLets(db, { letsTokenId: trustless.lets.letsId, name: 'Hilltop Time Bank', unit: 'hours', model: 'trustless', creditFloor: -20_00n, creditCap: 40_00n });
    trackLetsOnChain(db, { letsId: hilltop, network: 'devnet', membershipTokenId: trustless.lets.membershipTokenId, accountTree: trustless.accountTree, publicTokenTree: trustless.publicTokenTree, startHeight: trustless.genesisHeight });
    await syncOnce(db, chain);
    expect(db.prepare(`SELECT kind FROM boxes WHERE lets_id = ? AND spent_by IS NULL ORDER BY kind`).pluck().all(hilltop)).toEqual(['account', 'account', 'account', 'account', 'public-token']);
  });

  it('refuses a followed LETS with both a management and a public token tree, or with neither', () => {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    const letsId = addLets(db, { letsTokenId: 'a'.repeat(64), name: 'Odd', unit: 'u', model: 'trustless', creditFloor: 0n, creditCap: null });
    const insert = db.prepare('INSERT INTO lets_chain (lets_id, membership_token_id, account_tree, management_tree, public_token_tree, start_height) VALUES (?, ?, ?, ?, ?, 1)');
    expect(() => insert.run(letsId, 'b'.repeat(64), 'tree', 'management', 'public token')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(letsId, 'b'.repeat(64), 'tree', null, null)).toThrow(/CHECK constraint failed/);
  });
});
