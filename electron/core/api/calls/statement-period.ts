/*
 * Statement periods are chosen as calendar dates in the treasurer's own time zone (what "March" means to them),
 * then sent to the core as two exact instants: local midnight at the start of the first day (inclusive) and local
 * midnight at the start of the day after the last day (exclusive). Built from date parts, so a daylight-saving
 * change inside the period moves nothing, and a trade stamped exactly at midnight belongs to one period only.
 * These run where the treasurer's time zone is known: in the renderer (this folder is shared with it).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A local time of day as HH:MM, 24-hour. */
export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type PeriodChoice = 'this-month' | 'last-month' | 'custom';

/** Two local calendar dates, YYYY-MM-DD, both inclusive (the form an <input type="date"> uses). */
export interface DateRange {
  first: string;
  last: string;
}

export function monthRange(today: Date, monthsBack: number): DateRange {
  const first = new Date(today.getFullYear(), today.getMonth() - monthsBack, 1);
  const last = new Date(today.getFullYear(), today.getMonth() - monthsBack + 1, 0);
  return { first: localDate(first), last: localDate(last) };
}

/** Local midnight starting `date` (+ `plusDays`), or null for text that is not a real calendar date. */
function localMidnight(date: string, plusDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(year, month - 1, day);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return null;
  return new Date(year, month - 1, day + plusDays);
}

/** The period as the core takes it, or null when the dates are missing or the last comes before the first. */
export function periodInstants(range: DateRange): { from: string; to: string } | null {
  const from = localMidnight(range.first);
  const to = localMidnight(range.last, 1);
  if (!from || !to || to <= from) return null;
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The local calendar dates of a period the core echoed back (to is exclusive, so the last day ends 1 ms before). */
export function periodDates(period: { from: string; to: string }): DateRange {
  return { first: localDate(new Date(period.from)), last: localDate(new Date(Date.parse(period.to) - 1)) };
}

export function rangeFor(choice: PeriodChoice, custom: DateRange, today: Date): DateRange {
  if (choice === 'this-month') return monthRange(today, 0);
  if (choice === 'last-month') return monthRange(today, 1);
  return custom;
}

/** The treasurer's time zone by name, printed on the statement so its dates are unambiguous. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
