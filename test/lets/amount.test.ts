import { describe, expect, it } from 'vitest';
import { fitsInLong, formatAmount, LONG_MAX, LONG_MIN, parseAmount } from '../../electron/core/lets/amount';

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

describe('parseAmount', () => {
  it.each([
    ['2', 200n],
    ['2.5', 250n],
    ['2,50', 250n],
    [' 3.05 ', 305n],
    ['-3.00', -300n],
    ['\u2212150.00', -15000n],
    ['0', 0n],
  ])('reads %j as %s minor units', (text, minor) => {
    expect(parseAmount(text)).toBe(minor);
  });

  it.each(['', 'abc', '2.505', '1e3', '2.', '.5', '1 000', '12345678901234567'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('round-trips with formatAmount', () => {
    for (const minor of [0n, 1n, -1n, 199n, -20000n, 123456789n]) expect(parseAmount(formatAmount(minor))).toBe(minor);
  });
});
