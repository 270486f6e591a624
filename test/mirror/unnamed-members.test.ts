import { ownerAddress } from '../../electron/core/members/owner-address';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { seedTrustlessDemo } from '../../electron/core/devnet/trustless-demo';
import { dashboardSummary } from '../../electron/core/dashboard/dashboard-summary';
import { addMember } from '../../electron/core/members/member-check';
import { migrate, openDatabase, type Db } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { rollbackAbove } from '../../electron/core/mirror/queries/chain-store';
import { addMemberProfile, findMember, listMembers, updateMemberProfile } from '../../electron/core/mirror/queries/members';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, copyRowsInto } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { aMirrorFollowingTrustless, TrustlessDemoMembers } from '../helpers/trustless-mirror';

let clock = 1_767_225_600_000;
const tick = () => (clock += 120_000);

const placeholder = (key: string) => `Member ${key.slice(0, 8)}`;
const directory = (db: Db) => listMembers(db).map((m) => [m.name, m.named, m.state, m.balance]);
const profileRows = (db: Db) => db.prepare('SELECT lets_id, owner_key, name, contact, notes, named FROM member_profiles ORDER BY owner_key').all();

describe('accounts nobody named on this computer', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let key: Record<'Alice' | 'Bob' | 'Charlie', string>;

  beforeEach(async () => {
    chain = new DevnetChain({ now: tick });
    demo = await seedDemoLets(chain);
    const keyOf = (name: string) => demo.members.find((m) => m.name === name)?.publicKey as string;
    key = { Alice: keyOf('Alice'), Bob: keyOf('Bob'), Charlie: keyOf('Charlie') };
  });

  it('are listed under a placeholder name, "Member" and the first 8 hex digits of the key, once the sync sees them enrolled', async () => {
    const { db } = aMirrorFollowing(demo);
    expect(listMembers(db)).toEqual([]);
    await syncOnce(db, chain);
    const expected = [
      [placeholder(key.Alice), false, 'enrolled', -2_00n],
      [placeholder(key.Bob), false, 'enrolled', -1_50n],
      [placeholder(key.Charlie), false, 'enrolled', 3_50n],
    ].sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(directory(db)).toEqual(expected);
    expect(placeholder(key.Alice)).toMatch(/^Member 0[23][0-9a-f]{6}$/);
    // Each with the wallet address of their key on the LETS's network (the demo chain's are testnet addresses).
    expect(listMembers(db).find((m) => m.ownerKey === key.Alice)?.address).toBe(ownerAddress(key.Alice, 'testnet'));
  });

  it('keep their id when the treasurer names them, and a named key still refuses a second profile', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const idOf = (ownerKey: string) => listMembers(db).find((m) => m.ownerKey === ownerKey)?.id as number;
    const [alice, bob, charlie] = [idOf(key.Alice), idOf(key.Bob), idOf(key.Charlie)];

    expect(addMemberProfile(db, { letsId, ownerKey: key.Alice, name: 'Alice', contact: 'alice@example.org', notes: 'bakes bread' })).toBe(alice);
    expect(findMember(db, alice)).toMatchObject({ name: 'Alice', named: true, contact: 'alice@example.org', notes: 'bakes bread', balance: -2_00n });
    expect(() => addMemberProfile(db, { letsId, ownerKey: key.Alice, name: 'Alice again' })).toThrow(/UNIQUE/);

    updateMemberProfile(db, bob, { name: 'Bob', contact: '', notes: '' });
    expect(findMember(db, bob)).toMatchObject({ name: 'Bob', named: true });

    const charlieFields = { name: 'Charlie', contact: '', notes: '', publicKey: key.Charlie, address: '' };
    expect(addMember(db, letsId, charlieFields, 'testnet')).toEqual({ id: charlie, warning: null });
    expect(() => addMember(db, letsId, { ...charlieFields, name: 'Charlie again' }, 'testnet')).toThrow('This key already belongs to Charlie in this LETS.');

    expect(directory(db)).toEqual([
      ['Alice', true, 'enrolled', -2_00n],
      ['Bob', true, 'enrolled', -1_50n],
      ['Charlie', true, 'enrolled', 3_50n],
    ]);
  });

  it('get one placeholder each however the mirror is rebuilt, and never replace a named profile', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    const alice = addMemberProfile(db, { letsId, ownerKey: key.Alice, name: 'Alice' });
    await syncOnce(db, chain);
    const synced = profileRows(db);

    // Switching chains forgets the chain data (settings-change.ts): the placeholders go with it, the names stay.
    rollbackAbove(db, 0);
    expect(directory(db)).toEqual([['Alice', true, 'not-enrolled', null]]);
    await syncOnce(db, chain);
    await syncOnce(db, chain);
    expect(profileRows(db)).toEqual(synced);
    expect(findMember(db, alice)).toMatchObject({ name: 'Alice', named: true, state: 'enrolled' });

    const blockByBlock = aMirrorFollowing(demo);
    addMemberProfile(blockByBlock.db, { letsId: blockByBlock.letsId, ownerKey: key.Alice, name: 'Alice' });
    await syncOnce(blockByBlock.db, chain, { batchSize: 1 });
    expect(profileRows(blockByBlock.db)).toEqual(synced);
  });

  it('come to a mirror synced before placeholders existed with migration 009', async () => {
    const synced = aMirrorFollowing(demo);
    addMemberProfile(synced.db, { letsId: synced.letsId, ownerKey: key.Alice, name: 'Alice', notes: 'bakes bread' });
    await syncOnce(synced.db, chain);

    const file = join(tempDir(), 'mirror.sqlite');
    const old = openDatabase(file, { migrations: bundledMigrations.filter((m) => m.version < 9) });
    old.transaction(() => {
      // In the columns each table had then (ledger entries learnt their place in the block with migration 010).
      for (const table of ['lets', 'lets_chain', 'blocks', 'scripts', 'box_rows', 'ledger_entries']) copyRowsInto(old, synced.db, table);
      // Before 009 the only profiles were the ones the treasurer typed.
      old.prepare('INSERT INTO member_profiles (id, lets_id, owner_key, name, notes) VALUES (1, ?, ?, ?, ?)').run(synced.letsId, key.Alice, 'Alice', 'bakes bread');
    })();

    migrate(old, bundledMigrations.filter((m) => m.version <= 9));
    expect(profileRows(old)).toEqual(profileRows(synced.db));
    // Today's directory query reads the schema of today: the rest of the migrations first (010 empties the chain part of
    // the mirror, which the next sync reads again), as the app does on start.
    migrate(old, bundledMigrations);
    await syncOnce(old, chain);
    expect(profileRows(old)).toEqual(profileRows(synced.db));
    expect(directory(old)).toEqual(directory(synced.db));
    old.close();
  });
});

describe('accounts that joined a trustless LETS without telling anyone', () => {
  it('lose their placeholder when a reorg undoes their join; named profiles and older joins stay', async () => {
    const chain = new DevnetChain({ now: tick });
    const demo = await seedTrustlessDemo(chain);
    const members = new TrustlessDemoMembers(chain, demo);
    const { db, letsId } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);
    const beforeJoins = chain.height;
    const hana = await members.newcomer('Hana', 20);
    const ivo = await members.newcomer('Ivo', 21);
    await members.join(hana);
    await members.join(ivo);
    await syncOnce(db, chain);
    expect(listMembers(db, { search: placeholder(hana.publicKey) })).toMatchObject([{ named: false, state: 'enrolled', balance: 0n }]);
    const ivoId = addMemberProfile(db, { letsId, ownerKey: ivo.publicKey, name: 'Ivo' });

    chain.rollbackTo(beforeJoins, { dropTransactions: true });
    chain.mineMany(5);
    expect((await syncOnce(db, chain)).rolledBack).toBeGreaterThan(0);

    expect(listMembers(db).map((m) => [m.name, m.named, m.state])).toEqual([
      ['Dana', true, 'enrolled'],
      ['Emil', true, 'enrolled'],
      ['Farah', true, 'enrolled'],
      ['Ivo', true, 'not-enrolled'],
      [placeholder(demo.stranger.publicKey), false, 'enrolled'],
    ]);
    expect(findMember(db, ivoId)?.name).toBe('Ivo');
  });

  it('stay listed as closed after withdrawing, and are not counted as waiting for enrolment', async () => {
    const chain = new DevnetChain({ now: tick });
    const demo = await seedTrustlessDemo(chain);
    await new TrustlessDemoMembers(chain, demo).withdraw(demo.stranger);
    const { db } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);

    expect(listMembers(db, { search: placeholder(demo.stranger.publicKey) })).toMatchObject([{ named: false, state: 'closed', balance: null }]);
    expect(dashboardSummary(db, new Date(clock)).lets).toMatchObject([{ memberCount: 3, notEnrolledCount: 0 }]);
  });
});
