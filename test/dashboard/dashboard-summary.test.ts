import { describe, expect, it } from 'vitest';
import { dashboardSummary, monthAround } from '../../electron/core/dashboard/dashboard-summary';
import { aLetsMirror, KEYS } from '../members/member-mirror';

// Local-time dates: the trade count follows the treasurer's calendar month.
const FEB = (day: number, hour = 12) => new Date(2026, 1, day, hour).getTime();

function theSeedStory() {
  const mirror = aLetsMirror({ floor: -200_00n, cap: 500_00n });
  mirror.enrol('Alice', KEYS.alice, { at: FEB(1) });
  mirror.enrol('Bob', KEYS.bob, { at: FEB(1) });
  mirror.enrol('Charlie', KEYS.charlie, { at: FEB(1) });
  mirror.trade(KEYS.alice, KEYS.bob, 2_00n, new Date(2026, 0, 31, 23, 59).getTime());
  mirror.trade(KEYS.bob, KEYS.charlie, 3_50n, FEB(2));
  return mirror;
}

describe('the dashboard summary', () => {
  it('counts members, credit issued and the trial balance from chain', () => {
    const mirror = theSeedStory();
    mirror.profile('Dora', KEYS.dora);
    const [lets] = dashboardSummary(mirror.db, new Date(FEB(10))).lets;
    expect(lets).toMatchObject({ name: 'Riverside LETS', unit: 'EUR-LETS', memberCount: 3, notEnrolledCount: 1, creditIssued: 3_50n, trialBalance: 0n });
  });

  it('counts each trade of this calendar month once, not those of the month before', () => {
    const mirror = theSeedStory();
    expect(dashboardSummary(mirror.db, new Date(FEB(28, 23))).lets[0]?.tradesThisMonth).toBe(1);
    expect(dashboardSummary(mirror.db, new Date(2026, 0, 15)).lets[0]?.tradesThisMonth).toBe(1);
    expect(dashboardSummary(mirror.db, new Date(2026, 2, 1)).lets[0]?.tradesThisMonth).toBe(0);
  });

  it('lists members near their floor or cap, closest first, with the rule in words', () => {
    const mirror = aLetsMirror({ floor: -100_00n, cap: 100_00n });
    const alice = mirror.enrol('Alice', KEYS.alice);
    const bob = mirror.enrol('Bob', KEYS.bob);
    mirror.enrol('Charlie', KEYS.charlie);
    mirror.enrol('someone elsewhere', KEYS.erin, { profile: false });
    mirror.trade(KEYS.alice, KEYS.bob, 85_00n);
    mirror.trade(KEYS.erin, KEYS.bob, 10_00n);
    mirror.trade(KEYS.charlie, KEYS.alice, 3_00n);
    const summary = dashboardSummary(mirror.db, new Date(FEB(10)));
    expect(summary.nearLimitRule).toMatch(/within 10 % of the allowed range/);
    expect(summary.lets[0]?.nearLimit).toEqual([
      { memberId: bob, name: 'Bob', ownerKey: KEYS.bob, balance: 95_00n, limit: 'cap', headroom: 5_00n },
      { memberId: alice, name: 'Alice', ownerKey: KEYS.alice, balance: -82_00n, limit: 'floor', headroom: 18_00n },
    ]);
  });

  it('shows the outbox items that wait for the treasurer: built, dropped, conflict', () => {
    const mirror = theSeedStory();
    const built = mirror.outbox('built', 'Eggs');
    mirror.outbox('signed');
    mirror.outbox('submitted');
    const dropped = mirror.outbox('dropped', 'Beer');
    const summary = dashboardSummary(mirror.db, new Date(FEB(10)));
    expect(summary.needsAttention.map((i) => [i.transactionId, i.state, i.description]).sort()).toEqual(
      [[built, 'built', 'Eggs'], [dropped, 'dropped', 'Beer']].sort(),
    );
    expect(summary.mirrorHeight).toBe(mirror.height);
  });

  it('is empty before any LETS is followed', () => {
    const mirror = aLetsMirror();
    mirror.db.exec('DELETE FROM lets');
    expect(dashboardSummary(mirror.db, new Date())).toMatchObject({ lets: [], needsAttention: [], mirrorHeight: null });
  });
});

describe('this month', () => {
  it('runs from the first day 00:00 to the first day of the next month, in local time, across a year end', () => {
    expect(monthAround(new Date(2026, 11, 31, 23, 59))).toEqual({ from: new Date(2026, 11, 1).getTime(), to: new Date(2027, 0, 1).getTime() });
  });
});
