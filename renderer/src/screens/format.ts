/** Dates as the treasurer's computer shows them, in a fixed order that sorts and reads the same everywhere. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatMonth(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}

/** Long hex ids (transactions, boxes) shortened for tables; the full id stays available to copy elsewhere. */
export function shortId(id: string): string {
  return `${id.slice(0, 8)}…${id.slice(-6)}`;
}

const NANO_ERGS_PER_ERG = 1_000_000_000n;

/** nanoERG as ERG with the digits that matter ("0.0011 ERG"); computed on the bigint, never through a float. */
export function formatErg(nanoErgs: bigint): string {
  const whole = nanoErgs / NANO_ERGS_PER_ERG;
  const fraction = (nanoErgs % NANO_ERGS_PER_ERG).toString().padStart(9, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ERG`;
}
