import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LetsSummary } from '../../electron/core/api/types';
import { dashboardSummary } from '../../electron/core/dashboard/dashboard-summary';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedTrustlessDemo, type TrustlessDemoLets } from '../../electron/core/devnet/trustless-demo';
import { letsRules } from '../../electron/core/lets/chain-rules';
import { letsOnChain } from '../../electron/core/operations/lets-on-chain';
import { devnetAccess } from '../../electron/core/devnet/devnet-access';
import { memberDetail } from '../../electron/core/members/member-detail';
import type { Db } from '../../electron/core/mirror/database';
import { listLets } from '../../electron/core/mirror/queries/lets';
import { listMembers } from '../../electron/core/mirror/queries/members';
import { trustlessFacts } from '../../electron/core/mirror/queries/trustless';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { memberStatement } from '../../electron/core/statements/member-statement';
import { ERG } from '../helpers/trustless-fixtures';
import { aMirrorFollowingTrustless, TrustlessDemoMembers } from '../helpers/trustless-mirror';

const START = Date.UTC(2026, 0, 5, 10);
const ALL_OF_2026 = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

describe('members, statements and rules of a trustless LETS', () => {
  let demo: TrustlessDemoLets;
  let db: Db;
  let letsId: number;
  const idOf = (name: string) => listMembers(db, { letsId }).find((m) => m.name === name)?.id as number;

  let chain: DevnetChain;

  beforeAll(async () => {
    let clock = START;
    chain = new DevnetChain({ now: () => (clock += 120_000) });
    demo = await seedTrustlessDemo(chain);
  });

  beforeEach(async () => {
    ({ db, letsId } = aMirrorFollowingTrustless(demo));
    await syncOnce(db, chain);
  });

  it('bounds what a member can still spend by their collateral when it backs less than the LETS floor', () => {
    // Emil locked 1 ERG: at 0.1 ERG per hour it backs 10.00 hours of debt, less than the floor of −20.00.
    const emil = memberDetail(db, idOf('Emil'), { network: 'testnet', confirmationDepth: 2 });
    expect(emil).toMatchObject({ balance: 1_50n, collateral: { locked: 1n * ERG }, debtBackedByCollateral: 10_00n, headroom: { toFloor: 11_50n, toCap: 38_50n } });
    expect(emil.lets).toMatchObject({ model: 'trustless', creditFloor: -20_00n });

    // Dana's 2 ERG back exactly the floor, so the floor is what binds.
    const dana = memberDetail(db, idOf('Dana'), { network: 'testnet', confirmationDepth: 2 });
    expect(dana).toMatchObject({ balance: -3_00n, debtBackedByCollateral: 20_00n, headroom: { toFloor: 17_00n } });
  });

  it('prints the collateral and unlock height of the closing account box on the statement', () => {
    const statement = memberStatement(db, letsId, idOf('Emil'), ALL_OF_2026, { network: 'devnet', now: new Date('2026-02-01T00:00:00Z') });
    const unlockHeight = listMembers(db, { letsId }).find((m) => m.name === 'Emil')?.collateral?.unlockHeight;
    expect(statement.lets.model).toBe('trustless');
    expect(statement.lines.map((l) => [l.kind, l.counterparty?.name ?? null, l.amountIn, l.amountOut, l.balanceAfter])).toEqual([
      ['enrolment', null, 0n, 0n, 0n],
      ['trade', 'Dana', 3_00n, 0n, 3_00n],
      ['trade', 'Farah', 0n, 1_50n, 1_50n],
    ]);
    expect(statement.collateral).toEqual({ locked: 1n * ERG, unlockHeight, backsDebtOf: 10_00n });
    expect(statement.headroom).toEqual({ toFloor: 11_50n, toCap: 38_50n });
  });

  it('states which rules the chain enforces for the trustless model, with the terms read from the public token box', () => {
    const lets = listLets(db)[0] as LetsSummary;
    const rules = letsRules(lets, trustlessFacts(db, letsId));
    const chain = Object.fromEntries(rules.enforcedByChain.map((r) => [r.rule, r.detail]));
    expect(rules.model).toBe('trustless');
    expect(chain['Collateral backs debt']).toContain('0.1 ERG per 1.00 hours of debt');
    // 50 memberships were minted for the demo and four members hold one (Dana, Emil, Farah and the stranger).
    expect(chain['Joining']).toContain('at least 1 ERG; every new account starts at 0.00. 46 more can join.');
    expect(chain['Lock period']).toContain('720 blocks (about 1 day)');
    expect(chain['Withdrawal']).toContain('exactly 0.00');
    expect(rules.keptByApp.map((r) => r.rule)).toEqual(['Settling before leaving', 'Following read-only', 'Names, contacts and notes']);
  });

  it('refuses to prepare a transaction for it: its members sign for themselves', async () => {
    await expect(letsOnChain(db, devnetAccess(chain), letsId, { spent: new Set(), created: [] })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('This is a trustless LETS') as string,
    });
  });

  it('states the committee model’s rules without any collateral', () => {
    const committee: LetsSummary = { id: 9, name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', network: 'devnet', creditFloor: -200_00n, creditCap: null, memberCount: 3, trialBalance: 0n, committeeKey: null, committeeAddress: null, committeeSigner: null, membershipsLeft: null, catchUp: null };
    const rules = letsRules(committee, null);
    expect(rules.enforcedByChain.map((r) => r.rule)).toEqual(['Credit floor', 'Credit cap', 'Conservation', 'Payer signs', 'Enrolment', 'Closing', 'Committee powers']);
    expect(rules.enforcedByChain[1]?.detail).toBe('This LETS has no cap: any balance above zero is allowed.');
    expect(rules.keptByApp.map((r) => r.rule)).toEqual(['Settling before leaving', 'Who may join', 'Names, contacts and notes']);
  });
});

describe('the dashboard of a trustless LETS', () => {
  it('flags a member near the floor their collateral sets, though far from the LETS floor', async () => {
    let clock = START;
    const chain = new DevnetChain({ now: () => (clock += 120_000) });
    const demo = await seedTrustlessDemo(chain);
    const members = new TrustlessDemoMembers(chain, demo);
    // Emil's 1 ERG backs 10.00 hours: at −9.50 he is 0.50 from that limit, but 10.50 from the floor of −20.00.
    await members.pay(members.member('Emil'), members.member('Dana'), 11_00n);
    const { db } = aMirrorFollowingTrustless(demo);
    await syncOnce(db, chain);

    const [hilltop] = dashboardSummary(db, new Date(clock)).lets;
    expect(hilltop).toMatchObject({ model: 'trustless', trialBalance: 0n, creditIssued: 9_50n });
    expect(hilltop?.nearLimit).toEqual([expect.objectContaining({ name: 'Emil', balance: -9_50n, limit: 'floor', headroom: 50n })]);
  });
});

