/** Ergo registers hold balances as a signed 64-bit Long; every amount we put on chain must fit in one. */
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

export function fitsInLong(value: bigint): boolean {
  return value >= LONG_MIN && value <= LONG_MAX;
}

/**
 * Minor units (cents) to the text a treasurer reads: `formatAmount(-15000n) === '−150.00'`.
 * Uses the typographic minus (U+2212) so negative balances stand out in statements.
 */
export function formatAmount(minor: bigint): string {
  const magnitude = minor < 0n ? -minor : minor;
  const whole = magnitude / 100n;
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${minor < 0n ? '\u2212' : ''}${whole}.${cents}`;
}
