import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedTrustlessDemo } from '../../electron/core/devnet/trustless-demo';
import { migrate, openDatabase, type Db } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { memberHistory } from '../../electron/core/mirror/queries/ledger';
import { tradePage } from '../../electron/core/mirror/queries/trades';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { copyRowsInto, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { aMirrorFollowingTrustless, TrustlessDemoMembers } from '../helpers/trustless-mirror';

const MIGRATION = bundledMigrations.find((m) => m.name === 'entries_on_account_boxes');
const TABLES = ['lets', 'lets_chain', 'mirror_network', 'member_profiles', 'blocks', 'scripts', 'box_rows', 'ledger_entries'];

/** Each entry stored on a box, with the box it is on: the box must be the member's account box its transaction created. */
const entryBoxes = (db: Db) =>
  db
    .prepare(
      `SELECT kind, owner_key, lower(hex(transaction_id)) AS transaction_id, entry_kind FROM box_rows WHERE entry_kind IS NOT NULL ORDER BY created_height, output_index`,
    )
    .all() as { kind: string; owner_key: string; transaction_id: string; entry_kind: string }[];

describe('migration 013: ledger entries stored on the account boxes they leave behind', () => {
  it('keeps every entry column for column, closings included, and the sync carries on from the migrated mirror', async () => {
    let clock = 1_767_225_600_000;
    const chain = new DevnetChain({ now: () => (clock += 120_000) });
    const demo = await seedTrustlessDemo(chain);
    const members = new TrustlessDemoMembers(chain, demo);
    const today = aMirrorFollowingTrustless(demo);
    const farah = members.member('Farah');
    await members.pay(farah, members.member('Dana'), 1_50n);
    await members.withdraw(farah);
    await syncOnce(today.db, chain);

    // The same mirror as schema 12 kept it: entries in a table of their own.
    const old = openDatabase(join(tempDir(), 'mirror.sqlite'), { migrations: bundledMigrations.filter((m) => m.version < (MIGRATION?.version ?? 0)) });
    old.transaction(() => {
      for (const table of TABLES) copyRowsInto(old, today.db, table);
    })();
    const entriesBefore = old.prepare('SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind ORDER BY kind').all();
    expect(entriesBefore).toEqual([
      { kind: 'closing', n: 1n },
      { kind: 'enrolment', n: expect.any(BigInt) },
      { kind: 'trade', n: expect.any(BigInt) },
    ]);

    migrate(old, bundledMigrations);
    expect(dumpMirror(old)).toEqual(dumpMirror(today.db));
    expect(old.prepare('SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind ORDER BY kind').all()).toEqual(entriesBefore);
    expect(old.prepare('SELECT member_key FROM closing_entries').pluck().all()).toEqual([farah.publicKey]);
    expect(entryBoxes(old)).toEqual(entryBoxes(today.db));
    expect(entryBoxes(old).every((b) => b.kind === 'account')).toBe(true);
    expect(old.pragma('foreign_key_check')).toEqual([]);

    // Dana pays Emil: the new entries go on the new boxes, as in a mirror that never migrated.
    await members.pay(members.member('Dana'), members.member('Emil'), 25n);
    await syncOnce(old, chain);
    await syncOnce(today.db, chain);
    expect(dumpMirror(old)).toEqual(dumpMirror(today.db));
    expect(memberHistory(old, today.letsId, farah.publicKey).map((e) => [e.kind, e.delta, e.balanceAfter])).toEqual([
      ['enrolment', 0n, 0n],
      ['trade', 1_50n, 1_50n],
      ['trade', -1_50n, 0n],
      ['closing', 0n, 0n],
    ]);
    expect(tradePage(old, { letsId: today.letsId }, 0, 1).rows[0]).toMatchObject({ payer: 'Dana', payee: 'Emil', amount: 25n });
  });
});
