import { describe, expect, it } from 'vitest';
import { fitsInLong, formatAmount, LONG_MAX, LONG_MIN } from '../../electron/core/lets/amount';

describe('formatAmount', () => {
  it('writes minor units as units with two decimals and a typographic minus', () => {
    expect(formatAmount(-15000n)).toBe('−150.00');
    expect(formatAmount(20000n)).toBe('200.00');
    expect(formatAmount(0n)).toBe('0.00');
    expect(formatAmount(5n)).toBe('0.05');
    expect(formatAmount(-5n)).toBe('−0.05');
    expect(formatAmount(-12_345_67n)).toBe('−12345.67');
  });

  it('is exact at the Long extremes, where a JS number would round', () => {
    expect(formatAmount(LONG_MAX)).toBe('92233720368547758.07');
    expect(formatAmount(LONG_MIN)).toBe('−92233720368547758.08');
  });
});

describe('fitsInLong', () => {
  it('accepts exactly the signed 64-bit range', () => {
    expect([LONG_MIN, LONG_MAX, 0n].every(fitsInLong)).toBe(true);
    expect(fitsInLong(LONG_MAX + 1n)).toBe(false);
    expect(fitsInLong(LONG_MIN - 1n)).toBe(false);
  });
});
