import { describe, expect, it } from 'vitest';
import { headroom, nearLimit, nearLimitRule } from '../../electron/core/members/limits';

const aLets = ({ floor = -200_00n, cap = 500_00n as bigint | null } = {}) => ({ floor, cap });

describe('limit headroom', () => {
  it('is the distance to the floor and to the cap', () => {
    expect(headroom(-2_00n, aLets())).toEqual({ toFloor: 198_00n, toCap: 502_00n });
    expect(headroom(-2_00n, aLets({ cap: null }))).toEqual({ toFloor: 198_00n, toCap: null });
  });
});

describe('members near a limit', () => {
  // Range floor −200.00 … cap 500.00 is 700.00; 10 % of it is 70.00.
  it('flags a balance within 10 % of the range from the floor, boundary included', () => {
    expect(nearLimit(-130_00n, aLets())).toBe('floor');
    expect(nearLimit(-129_99n, aLets())).toBeNull();
    expect(nearLimit(-200_00n, aLets())).toBe('floor');
  });

  it('flags a balance within 10 % of the range from the cap', () => {
    expect(nearLimit(430_00n, aLets())).toBe('cap');
    expect(nearLimit(429_99n, aLets())).toBeNull();
  });

  it('measures against floor … 0 when the LETS has no cap, and never flags a cap', () => {
    expect(nearLimit(-180_00n, aLets({ cap: null }))).toBe('floor');
    expect(nearLimit(-179_99n, aLets({ cap: null }))).toBeNull();
    expect(nearLimit(10_000_00n, aLets({ cap: null }))).toBeNull();
  });

  it('flags nobody when the range is empty (floor 0, no cap)', () => {
    expect(nearLimit(0n, aLets({ floor: 0n, cap: null }))).toBeNull();
  });

  it('states the rule for the screen', () => {
    expect(nearLimitRule()).toContain('within 10 % of the allowed range');
  });
});
