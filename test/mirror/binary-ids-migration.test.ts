import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { DemoSession, seedDemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import { migrate, openDatabase } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { accountBalances, memberHistory } from '../../electron/core/mirror/queries/ledger';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, copyRowsInto, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';

const TABLES = ['lets', 'lets_chain', 'mirror_network', 'member_profiles', 'blocks', 'scripts', 'box_rows', 'ledger_entries'];

describe('migration 012: box and transaction ids stored as bytes', () => {
  it('keeps every box and ledger entry column for column, and the sync carries on from the migrated mirror', async () => {
    let clock = 1_767_225_600_000;
    const chain = new DevnetChain({ now: () => (clock += 120_000) });
    const demo = await seedDemoLets(chain);
    const today = aMirrorFollowing(demo);
    await syncOnce(today.db, chain);

    // The same mirror as the schema before kept it: ids as hex text.
    const old = openDatabase(join(tempDir(), 'mirror.sqlite'), { migrations: bundledMigrations.filter((m) => m.version < 12) });
    old.transaction(() => {
      for (const table of TABLES) copyRowsInto(old, today.db, table);
    })();
    expect(old.prepare('SELECT DISTINCT typeof(box_id) FROM box_rows').pluck().all()).toEqual(['text']);

    migrate(old, bundledMigrations);
    expect(dumpMirror(old)).toEqual(dumpMirror(today.db));
    expect(old.prepare('SELECT DISTINCT typeof(box_id) || typeof(transaction_id) FROM box_rows').pluck().all()).toEqual(['blobblob']);
    expect(old.prepare('SELECT DISTINCT typeof(spent_by) FROM box_rows').pluck().all().sort()).toEqual(['blob', 'null']);
    expect(old.prepare('SELECT DISTINCT typeof(transaction_id) FROM ledger_entries').pluck().all()).toEqual(['blob']);
    expect(old.pragma('foreign_key_check')).toEqual([]);

    // Bob pays Alice from the account boxes the migration converted: the sync finds and spends them by id.
    const session = DemoSession.create(chain);
    const [alice, bob] = demo.members as [DemoParty, DemoParty];
    const payer = { name: 'Bob', box: await session.accountBox(demo, bob) };
    const payee = { name: 'Alice', box: await session.accountBox(demo, alice) };
    await session.signAndSubmit(buildTrade({ ...(await session.funding(bob)), lets: demo.lets, payer, payee, amount: 1_00n }), bob);
    chain.mine();
    await syncOnce(old, chain);
    await syncOnce(today.db, chain);
    expect(dumpMirror(old)).toEqual(dumpMirror(today.db));
    // Readers still get ids as the lowercase hex the chain and the screens use.
    const hexId = expect.stringMatching(/^[0-9a-f]{64}$/);
    expect(accountBalances(old, today.letsId).find((b) => b.memberKey === bob.publicKey)).toMatchObject({ balance: -2_50n, boxId: hexId });
    expect(memberHistory(old, today.letsId, bob.publicKey).at(-1)).toMatchObject({ kind: 'trade', delta: -1_00n, counterpartyKey: alice.publicKey, transactionId: hexId });
  });
});
