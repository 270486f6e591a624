import type { Headroom } from '../api/calls/member-types';
import type { LetsParameters } from '../lets/lets-parameters';

type Limits = Pick<LetsParameters, 'floor' | 'cap'>;

export function headroom(balance: bigint, limits: Limits): Headroom {
  return { toFloor: balance - limits.floor, toCap: limits.cap === null ? null : limits.cap - balance };
}

/** Members within this share of the allowed range of a limit are flagged on the dashboard. */
export const NEAR_LIMIT_PERCENT = 10n;

/**
 * The allowed range is floor … cap; without a cap it is floor … 0 (what a member may owe), since nothing else bounds
 * it. A range of zero (floor 0, no cap) flags nobody.
 */
function allowedRange(limits: Limits): bigint {
  return (limits.cap ?? 0n) - limits.floor;
}

export type NearLimit = 'floor' | 'cap' | null;

/** Whether a balance is within NEAR_LIMIT_PERCENT of the range from its floor or its cap (bigint only, no rounding). */
export function nearLimit(balance: bigint, limits: Limits): NearLimit {
  const range = allowedRange(limits);
  if (range <= 0n) return null;
  const room = headroom(balance, limits);
  if (room.toFloor * 100n <= range * NEAR_LIMIT_PERCENT) return 'floor';
  if (room.toCap !== null && room.toCap * 100n <= range * NEAR_LIMIT_PERCENT) return 'cap';
  return null;
}

/** The rule in words, for the screen, so the treasurer knows why a member is listed. */
export function nearLimitRule(): string {
  return `Listed when a balance is within ${NEAR_LIMIT_PERCENT} % of the allowed range (credit floor to cap, or floor to zero without a cap) from the floor or the cap.`;
}
