import { describe, expect, it } from 'vitest';
import { collateralFor, mostDebtBackedBy } from '../../../electron/core/contracts/trustless/collateral';
import { formatErg } from '../../../electron/core/lets/amount';

describe('the collateral rule in TypeScript', () => {
  it('backs a debt rounded down, and names the least collateral for a debt', () => {
    expect(mostDebtBackedBy(1_000_000_000n, 100_000n)).toBe(10_000n);
    expect(mostDebtBackedBy(1_000_099_999n, 100_000n)).toBe(10_000n);
    expect(collateralFor(10_001n, 100_000n)).toBe(1_000_100_000n);
    expect(mostDebtBackedBy(collateralFor(10_001n, 100_000n), 100_000n)).toBe(10_001n);
    expect(collateralFor(0n, 100_000n)).toBe(0n);
  });

  it('writes nanoERG as ERG without trailing zeros', () => {
    expect(formatErg(2_500_000_000n)).toBe('2.5 ERG');
    expect(formatErg(1_000_000_000n)).toBe('1 ERG');
    expect(formatErg(999_999n)).toBe('0.000999999 ERG');
    expect(formatErg(0n)).toBe('0 ERG');
  });
});
