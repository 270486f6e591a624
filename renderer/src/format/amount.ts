/**
 * Formats integer minor units (cents) for display: −15000n → "−150.00". Pure bigint arithmetic, so the
 * last cent is exact however large the number; the true minus sign (U+2212) reads clearly in print.
 */
export function formatMinorUnits(amount: bigint): string {
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const whole = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '−' : ''}${whole}.${cents}`;
}
