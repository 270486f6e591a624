import { localDate, localTime } from '../../../electron/core/api/calls/statement-period';

/** Dates as the treasurer's computer shows them, in a fixed order that sorts and reads the same everywhere. */
export function formatDate(ms: number): string {
  return localDate(new Date(ms));
}

export function formatMonth(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}

/** Long hex ids (transactions, boxes) shortened for tables; the full id stays available to copy elsewhere. */
export function shortId(id: string): string {
  return `${id.slice(0, 8)}…${id.slice(-6)}`;
}


/** A time of today as the treasurer's clock shows it, hours and minutes ("14:35"). */
export function formatTime(ms: number): string {
  return localTime(new Date(ms));
}
