import { beforeEach, describe, expect, it } from 'vitest';
import { readTrustlessAccount } from '../../electron/core/contracts/trustless/trustless-boxes';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedTrustlessDemo, type TrustlessDemoLets } from '../../electron/core/devnet/trustless-demo';
import type { Db } from '../../electron/core/mirror/database';
import { memberHistory, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { letsChainWarning, listLets } from '../../electron/core/mirror/queries/lets';
import { listMembers } from '../../electron/core/mirror/queries/members';
import { collateralTerms, membershipsLeft } from '../../electron/core/mirror/queries/trustless';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { dumpMirror } from '../helpers/mirror-fixtures';
import { aMirrorFollowingTrustless, TrustlessDemoMembers } from '../helpers/trustless-mirror';

let clock = 1_767_225_600_000;
const tick = () => (clock += 120_000);

const balancesByName = (db: Db, letsId: number) => Object.fromEntries(listMembers(db, { letsId }).map((m) => [m.name, m.balance]));
const historyOf = (db: Db, letsId: number, key: string) => memberHistory(db, letsId, key).map((e) => [e.kind, e.delta, e.balanceAfter]);
const boxKinds = (db: Db) => db.prepare(`SELECT kind, count(*) AS n FROM boxes WHERE spent_by IS NULL GROUP BY kind ORDER BY kind`).all();

describe('the mirror following the trustless demo LETS on the devnet', () => {
  let chain: DevnetChain;
  let demo: TrustlessDemoLets;
  let members: TrustlessDemoMembers;
  // Gus joined the demo without telling anyone his name: the mirror lists him by his key.
  const stranger = () => `Member ${demo.stranger.publicKey.slice(0, 8)}`;

  beforeEach(async () => {
    chain = new DevnetChain({ now: tick });
    demo = await seedTrustlessDemo(chain);
    members = new TrustlessDemoMembers(chain, demo);
  });

  it('recovers joins and trades from the chain alone, with every balance and Σ = 0', async () => {
    const { db, letsId } = aMirrorFollowingTrustless(demo);
    expect(await syncOnce(db, chain)).toMatchObject({ height: chain.height, rolledBack: 0, warnings: [] });

    expect(balancesByName(db, letsId)).toEqual({ Dana: -3_00n, Emil: 1_50n, Farah: 1_50n, [stranger()]: 0n });
    expect(trialBalance(db, letsId)).toBe(0n);
    expect(listLets(db)).toMatchObject([{ name: 'Hilltop Time Bank', unit: 'hours', model: 'trustless', memberCount: 4, trialBalance: 0n }]);
    const [dana, emil] = demo.members as [TrustlessDemoLets['members'][0], TrustlessDemoLets['members'][0]];
    expect(historyOf(db, letsId, dana.publicKey)).toEqual([
      ['enrolment', 0n, 0n],
      ['trade', -3_00n, -3_00n],
    ]);
    expect(memberHistory(db, letsId, emil.publicKey).map((e) => e.counterpartyKey)).toEqual([null, dana.publicKey, demo.members[2]?.publicKey]);
    expect(boxKinds(db)).toEqual([
      { kind: 'account', n: 4n },
      { kind: 'public-token', n: 1n },
    ]);
  });

  it('shows each member’s collateral and unlock height as their account box holds them', async () => {
    const { db, letsId } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);
    for (const member of demo.members) {
      const onChain = readTrustlessAccount(await members.account(member), demo.lets, member.name);
      const listed = listMembers(db, { letsId }).find((m) => m.ownerKey === member.publicKey);
      expect(listed?.collateral).toEqual({ locked: member.collateral, unlockHeight: onChain.unlockHeight });
    }
    const { minimumCollateral, collateralPerUnit, lockPeriod } = demo.lets;
    expect(collateralTerms(db, letsId)).toEqual({ minimumCollateral, collateralPerUnit, lockPeriod });
  });

  it('records a newcomer’s join as an enrolment at 0.00 and takes a membership from the pool', async () => {
    const { db, letsId } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);
    const left = membershipsLeft(db, letsId) as bigint;
    const gus = await members.newcomer('Gus', 20);
    await members.join(gus);
    await syncOnce(db, chain);

    expect(historyOf(db, letsId, gus.publicKey)).toEqual([['enrolment', 0n, 0n]]);
    expect(membershipsLeft(db, letsId)).toBe(left - 1n);
    expect(trialBalance(db, letsId)).toBe(0n);
  });

  it('records a withdrawal as the closing of a settled account and returns its membership to the pool', async () => {
    const { db, letsId } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);
    const left = membershipsLeft(db, letsId) as bigint;
    const farah = members.member('Farah');
    await members.pay(farah, members.member('Dana'), 1_50n);
    await members.withdraw(farah);
    await syncOnce(db, chain);

    expect(historyOf(db, letsId, farah.publicKey)).toEqual([
      ['enrolment', 0n, 0n],
      ['trade', 1_50n, 1_50n],
      ['trade', -1_50n, 0n],
      ['closing', 0n, 0n],
    ]);
    const listed = listMembers(db, { letsId }).find((m) => m.name === 'Farah');
    expect(listed).toMatchObject({ state: 'closed', balance: null, collateral: null });
    expect(membershipsLeft(db, letsId)).toBe(left + 1n);
    expect(balancesByName(db, letsId)).toEqual({ Dana: -1_50n, Emil: 1_50n, Farah: null, [stranger()]: 0n });
    expect(trialBalance(db, letsId)).toBe(0n);
  });

  it('ignores ERG paid to the account script without a membership token', async () => {
    const { db, letsId } = aMirrorFollowingTrustless(demo);
    await chain.faucet([{ ergoTree: demo.accountTree, value: 5_000_000_000n }]);
    chain.mine();
    await syncOnce(db, chain);
    expect(listLets(db)[0]?.memberCount).toBe(4);
    expect(trialBalance(db, letsId)).toBe(0n);
  });

  it('builds the same mirror block by block as in one sync from scratch', async () => {
    const { db } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);
    const farah = members.member('Farah');
    await members.pay(farah, members.member('Emil'), 1_50n);
    await syncOnce(db, chain);
    await members.withdraw(farah);
    await syncOnce(db, chain, { batchSize: 7 });

    const fresh = aMirrorFollowingTrustless(demo);
    await syncOnce(fresh.db, chain);
    expect(dumpMirror(db)).toEqual(dumpMirror(fresh.db));
  });

  it('takes name, unit, floor and cap from the public token box when the local record differs', async () => {
    const { db, letsId } = aMirrorFollowingTrustless(demo, { name: 'Hilltop', unit: 'hrs', creditFloor: -5_00n });
    const result = await syncOnce(db, chain);
    expect(listLets(db)[0]).toMatchObject({ name: 'Hilltop Time Bank', unit: 'hours', creditFloor: -20_00n, creditCap: 40_00n });
    expect(result.warnings).toEqual([letsChainWarning(db, letsId)]);
    expect(letsChainWarning(db, letsId)).toContain('credit floor −20.00 (this computer had −5.00)');
  });
});
