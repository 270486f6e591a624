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

const AMOUNT_TEXT = /^([+-]?)(\d{1,16})(?:[.,](\d{1,2}))?$/;

/**
 * What a treasurer types ("2", "2.5", "2,50", "-3.00") to minor units, or undefined if it is not an amount with at
 * most two decimals. Parsed as text so no float ever touches money; a comma is accepted as the decimal mark.
 */
export function parseAmount(text: string): bigint | undefined {
  const match = AMOUNT_TEXT.exec(text.trim().replace('\u2212', '-'));
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole as string) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -minor : minor;
}

const NANOERG_PER_ERG = 1_000_000_000n;

/** nanoERG to the text a member reads: `formatErg(2_500_000_000n) === '2.5 ERG'`; computed on the bigint, never a float. */
export function formatErg(nanoErg: bigint): string {
  const whole = nanoErg / NANOERG_PER_ERG;
  const fraction = (nanoErg % NANOERG_PER_ERG).toString().padStart(9, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ERG`;
}

const ERG_TEXT = /^(\d{1,10})(?:[.,](\d{1,9}))?$/;

/** What a treasurer types as ERG ("0.5", "2", "1,25") to nanoERG, or undefined if it is not an amount of ERG. */
export function parseErg(text: string): bigint | undefined {
  const match = ERG_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, whole, fraction = ''] = match;
  return BigInt(whole as string) * NANOERG_PER_ERG + BigInt(fraction.padEnd(9, '0'));
}
