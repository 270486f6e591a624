import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { migrate, openDatabase, type Db } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { memberHistory } from '../../electron/core/mirror/queries/ledger';
import { addMemberProfile, listMembers } from '../../electron/core/mirror/queries/members';
import { outboxItem } from '../../electron/core/mirror/queries/outbox';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, copyRowsInto, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';

const BEFORE = bundledMigrations.filter((m) => m.version < 10);

/** Copies the chain rows of `from` into `to`, in the columns `to` has (entries had no place in their block then). */
function copyChainRows(from: Db, to: Db): void {
  to.transaction(() => {
    for (const table of ['blocks', 'scripts', 'box_rows', 'ledger_entries']) copyRowsInto(to, from, table);
  })();
}

describe('migration 010: ledger entries in chain order', () => {
  it('empties the chain part of the mirror, keeps the treasurer’s data, and the next sync reads it all again', async () => {
    const chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    const demo = await seedDemoLets(chain);
    const today = aMirrorFollowing(demo);
    await syncOnce(today.db, chain);
    const lastTrade = memberHistory(today.db, today.letsId, demo.members[2]?.publicKey ?? '').at(-1);
    if (!lastTrade) throw new Error('the demo has trades');

    // A mirror of the schema before: the same LETS followed, a named member, and an own trade the sync saw included.
    const file = join(tempDir(), 'mirror.sqlite');
    const old = openDatabase(file, { migrations: BEFORE });
    const { lets } = demo;
    const letsId = addLets(old, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'committee', creditFloor: lets.floor, creditCap: lets.cap });
    old
      .prepare('INSERT INTO lets_chain (lets_id, membership_token_id, account_tree, management_tree, start_height) VALUES (?, ?, ?, ?, ?)')
      .run(letsId, lets.membershipTokenId, demo.accountTree, demo.managementTree, demo.genesisHeight);
    addMemberProfile(old, { letsId, ownerKey: demo.members[0]?.publicKey ?? '', name: 'Alice', notes: 'bakes bread' });
    copyChainRows(today.db, old);
    // Written as that schema's code wrote it: today's outbox queries know columns it did not have.
    old
      .prepare(`INSERT INTO outbox (lets_id, transaction_id, purpose, description, state, input_box_ids, unsigned_json, included_height, created_at, updated_at)
        VALUES (?, ?, 'trade', '', 'included', '[]', '{}', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
      .run(letsId, lastTrade.transactionId, lastTrade.height);

    migrate(old, bundledMigrations);
    expect(dumpMirror(old)).toEqual({ blocks: [], boxes: [], entries: [] });
    expect(listMembers(old).map((m) => [m.name, m.state])).toContainEqual(['Alice', 'not-enrolled']);
    expect(outboxItem(old, lastTrade.transactionId)).toMatchObject({ state: 'submitted', includedHeight: null });

    await syncOnce(old, chain);
    expect(dumpMirror(old)).toEqual(dumpMirror(today.db));
    expect(listMembers(old).find((m) => m.name === 'Alice')).toMatchObject({ state: 'enrolled', balance: -2_00n });
    expect(outboxItem(old, lastTrade.transactionId)).toMatchObject({ state: 'included', includedHeight: lastTrade.height });
    old.close();
  });
});
