import type { DashboardSummary, LetsAtAGlance, MemberNearLimit } from '../api/calls/dashboard-types';
import type { LetsSummary } from '../api/types';
import { memberLimits } from '../members/collateral-limits';
import { headroom, nearLimit, nearLimitRule } from '../members/limits';
import type { Db } from '../mirror/database';
import { storedTip } from '../mirror/queries/chain-store';
import { creditIssued, notEnrolledCount, outboxNeedingAttention, tradeCountBetween } from '../mirror/queries/dashboard';
import { accountBalances } from '../mirror/queries/ledger';
import { listLets } from '../mirror/queries/lets';
import { profilesByKey } from '../mirror/queries/members';
import { collateralByOwner, collateralTerms } from '../mirror/queries/trustless';

/** The calendar month holding `now`, in this computer's time zone (the treasurer's month). */
export function monthAround(now: Date): { from: number; to: number } {
  return {
    from: new Date(now.getFullYear(), now.getMonth(), 1).getTime(),
    to: new Date(now.getFullYear(), now.getMonth() + 1, 1).getTime(),
  };
}

function membersNearLimit(db: Db, lets: LetsSummary): MemberNearLimit[] {
  const letsLimits = { floor: lets.creditFloor, cap: lets.creditCap };
  const profiles = profilesByKey(db, lets.id);
  // In a trustless LETS a member's collateral may set a higher floor than the LETS's own.
  const terms = collateralTerms(db, lets.id);
  const collateral = collateralByOwner(db, lets.id);
  return accountBalances(db, lets.id).flatMap(({ memberKey, balance }) => {
    const limits = memberLimits(letsLimits, collateral.get(memberKey) ?? null, terms);
    const limit = nearLimit(balance, limits);
    if (limit === null) return [];
    const room = headroom(balance, limits);
    return [{
      memberId: profiles.get(memberKey)?.id ?? null,
      name: profiles.get(memberKey)?.name ?? null,
      ownerKey: memberKey,
      balance,
      limit,
      headroom: limit === 'floor' ? room.toFloor : (room.toCap ?? 0n),
    }];
  }).sort((a, b) => (a.headroom < b.headroom ? -1 : a.headroom > b.headroom ? 1 : 0));
}

function glance(db: Db, lets: LetsSummary, month: { from: number; to: number }): LetsAtAGlance {
  return {
    ...lets,
    notEnrolledCount: notEnrolledCount(db, lets.id),
    creditIssued: creditIssued(db, lets.id),
    tradesThisMonth: tradeCountBetween(db, lets.id, month.from, month.to),
    nearLimit: membersNearLimit(db, lets),
  };
}

/** Everything the dashboard shows about the mirror, read in one snapshot so the numbers agree with each other. */
export function dashboardSummary(db: Db, now: Date): DashboardSummary {
  const month = monthAround(now);
  return db.transaction(() => ({
    lets: listLets(db).map((lets) => glance(db, lets, month)),
    monthStart: month.from,
    nearLimitRule: nearLimitRule(),
    mirrorHeight: storedTip(db)?.height ?? null,
    needsAttention: outboxNeedingAttention(db),
  }))();
}
