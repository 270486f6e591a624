import type { MonthlyReport, ReportMemberRow } from '../api/calls/report-types';
import { memberLimits } from '../members/collateral-limits';
import { nearLimit, nearLimitRule } from '../members/limits';
import { addressOf } from '../members/owner-address';
import type { Db } from '../mirror/database';
import { storedTip } from '../mirror/queries/chain-store';
import { tradeCountBetween } from '../mirror/queries/dashboard';
import { profilesByKey } from '../mirror/queries/members';
import { entryIds, forEachEntryBefore, type ReportEntry } from '../mirror/queries/report';
import type { StatementLetsRow } from '../mirror/queries/statement';
import { collateralInBox, collateralTerms } from '../mirror/queries/trustless';
import { inconsistentLedger } from '../statements/inconsistent-ledger';
import { letsOrThrow, type StatementContext, type StatementPeriod } from '../statements/member-statement';

/** One member's history up to the end of the period, folded into what the report prints. */
interface MemberMonth {
  key: string;
  openAtStart: boolean;
  openAtEnd: boolean;
  active: boolean;
  opening: bigint;
  closing: bigint;
  turnoverIn: bigint;
  turnoverOut: bigint;
  trades: number;
  joinedAt: number | null;
  leftAt: number | null;
  /** The last entry's, whose account box (if any) holds the closing balance. */
  last: { source: ReportEntry['source']; height: number } | null;
  /** The first entry whose running balance does not follow from the one before plus its change. */
  broken: ReportEntry['source'] | null;
}

const newMonth = (key: string): MemberMonth => ({
  key, openAtStart: false, openAtEnd: false, active: false, opening: 0n, closing: 0n,
  turnoverIn: 0n, turnoverOut: 0n, trades: 0, joinedAt: null, leftAt: null, last: null, broken: null,
});

/** Adds one entry (in chain order, from the member's enrolment on) to the member's month that starts at `fromMs`. */
function addEntry(month: MemberMonth, entry: ReportEntry, fromMs: number): void {
  if (month.broken === null && month.closing + entry.delta !== entry.balanceAfter) month.broken = entry.source;
  month.closing = entry.balanceAfter;
  month.openAtEnd = entry.kind !== 'closing';
  month.last = { source: entry.source, height: entry.height };
  if (entry.timestamp < fromMs) {
    month.opening = entry.balanceAfter;
    month.openAtStart = month.openAtEnd;
    return;
  }
  month.active = true;
  if (entry.kind === 'enrolment') month.joinedAt = entry.timestamp;
  else if (entry.kind === 'closing') month.leftAt = entry.timestamp;
  else {
    month.trades += 1;
    if (entry.delta > 0n) month.turnoverIn += entry.delta;
    else month.turnoverOut -= entry.delta;
  }
}

/** Every member's month, from one pass over the LETS's entries up to the end of the period. */
function memberMonths(db: Db, letsId: number, fromMs: number, toMs: number): MemberMonth[] {
  const months: MemberMonth[] = [];
  forEachEntryBefore(db, letsId, toMs, (entry) => {
    let month = months.at(-1);
    if (month?.key !== entry.memberKey) months.push((month = newMonth(entry.memberKey)));
    addEntry(month, entry, fromMs);
  });
  return months;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const owed = (balance: bigint) => (balance < 0n ? -balance : 0n);
const total = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

/** Named members by name as the members list sorts them; those without a profile here after them, by key. */
function compareRows(a: ReportMemberRow, b: ReportMemberRow): number {
  if ((a.name === null) !== (b.name === null)) return a.name === null ? 1 : -1;
  const byName = (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base' });
  return byName !== 0 ? byName : a.ownerKey.localeCompare(b.ownerKey);
}

function buildReport(db: Db, lets: StatementLetsRow, period: StatementPeriod, context: StatementContext): MonthlyReport {
  const [fromMs, toMs] = [period.from.getTime(), period.to.getTime()];
  const profiles = profilesByKey(db, lets.id);
  const terms = collateralTerms(db, lets.id);
  const nameOf = (key: string) => profiles.get(key)?.name ?? `member ${key.slice(0, 10)}…`;
  const months = memberMonths(db, lets.id, fromMs, toMs);
  const broken = months.find((month) => month.broken !== null);
  if (broken?.broken) throw inconsistentLedger(nameOf(broken.key), entryIds(db, broken.broken).transactionId, 'report');
  // A member who left before the period began had no account in it.
  const inPeriod = months.filter((month) => month.openAtStart || month.active);
  const closingBoxOf = (month: MemberMonth) => {
    const boxId = month.openAtEnd && month.last ? entryIds(db, month.last.source).boxId : null;
    return boxId === null || !month.last ? null : { boxId, height: month.last.height };
  };
  const limitsOf = (boxId: string | undefined) => memberLimits({ floor: lets.creditFloor, cap: lets.creditCap }, boxId ? collateralInBox(db, boxId) : null, terms);
  const members = inPeriod
    .map((month): ReportMemberRow => {
      const profile = profiles.get(month.key);
      const closingBox = closingBoxOf(month);
      return {
        memberId: profile?.id ?? null,
        name: profile?.name ?? null,
        ownerKey: month.key,
        address: addressOf(month.key, context.network),
        openingBalance: month.opening,
        turnoverIn: month.turnoverIn,
        turnoverOut: month.turnoverOut,
        closingBalance: month.closing,
        trades: month.trades,
        joinedAt: iso(month.joinedAt),
        leftAt: iso(month.leftAt),
        nearLimit: month.openAtEnd ? nearLimit(month.closing, limitsOf(closingBox?.boxId)) : null,
        closingBox,
      };
    })
    .sort(compareRows);
  const closingSum = total(members.map((m) => m.closingBalance));
  return {
    lets: { id: lets.id, name: lets.name, unit: lets.unit, model: lets.model, membershipTokenId: lets.membershipTokenId, creditFloor: lets.creditFloor, creditCap: lets.creditCap },
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    members,
    totals: {
      openingBalance: total(members.map((m) => m.openingBalance)),
      closingBalance: closingSum,
      turnover: total(members.map((m) => m.turnoverOut)),
      trades: tradeCountBetween(db, lets.id, fromMs, toMs),
      creditIssuedAtOpening: total(members.map((m) => owed(m.openingBalance))),
      creditIssuedAtClosing: total(members.map((m) => owed(m.closingBalance))),
      accountsAtOpening: inPeriod.filter((m) => m.openAtStart).length,
      accountsAtClosing: inPeriod.filter((m) => m.openAtEnd).length,
    },
    trialBalance: { sum: closingSum, balanced: closingSum === 0n },
    nearLimitRule: nearLimitRule(),
    generatedAt: context.now.toISOString(),
    chain: { network: context.network, mirrorTip: storedTip(db) },
  };
}

/**
 * The committee's report for one period, read from the mirror in one consistent snapshot: every member's opening and
 * closing balance, turnover and trades, who joined and left, the trial balance, credit issued and who is near a limit.
 * Each member's figures follow the same entries and period rule as their statement, so the two always agree.
 */
export function monthlyReport(db: Db, letsId: number, period: StatementPeriod, context: StatementContext): MonthlyReport {
  return db.transaction(() => buildReport(db, letsOrThrow(db, letsId), period, context))();
}
