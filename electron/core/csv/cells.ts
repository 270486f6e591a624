/**
 * Minor units as a plain decimal a spreadsheet reads as a number: `amountCell(-150n) === '-1.50'`. Computed on the
 * bigint (never through a float), with an ASCII minus: the typographic one of the screens would make it text.
 */
export function amountCell(minor: bigint): string {
  const magnitude = minor < 0n ? -minor : minor;
  return `${minor < 0n ? '-' : ''}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

/** A moment as ISO 8601 in UTC, which every spreadsheet parses and which does not depend on the computer's zone. */
export function timeCell(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}
