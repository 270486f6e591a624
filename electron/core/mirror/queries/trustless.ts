import type { NonMandatoryRegisters } from '@fleet-sdk/common';
import type { MemberCollateral } from '../../api/types';
import type { TrustlessFacts } from '../../lets/chain-rules';
import type { CollateralTerms } from '../../contracts/trustless/trustless-parameters';
import { decodePublicTokenRegisters, decodeTrustlessAccountRegisters } from '../../contracts/trustless/trustless-registers';
import type { Db } from '../database';

/*
 * What only a trustless LETS has: collateral. Read from the mirrored boxes themselves (the box value and R6 of an
 * account, R4 of the public token box), so the chain stays the only source and nothing is stored twice.
 */

/** The collateral of a trustless account box as the mirror stored it: its ERG and the unlock height in R6. */
export function collateralOf(value: bigint, registersJson: string): MemberCollateral | null {
  const registers = decodeTrustlessAccountRegisters(JSON.parse(registersJson) as NonMandatoryRegisters);
  return registers ? { locked: value, unlockHeight: registers.unlockHeight } : null;
}

/** The collateral held by one account box of a trustless LETS (null for any other box). */
export function collateralInBox(db: Db, boxId: string): MemberCollateral | null {
  const row = db
    .prepare(`SELECT b.value, b.registers FROM boxes b JOIN lets l ON l.id = b.lets_id WHERE b.box_key = unhex(?) AND b.kind = 'account' AND l.model = 'trustless'`)
    .get(boxId) as { value: bigint; registers: string } | undefined;
  return row ? collateralOf(row.value, row.registers) : null;
}

/** Owner key → collateral of every current account of a trustless LETS (empty for a committee LETS). */
export function collateralByOwner(db: Db, letsId: number): Map<string, MemberCollateral> {
  const rows = db
    .prepare(`SELECT owner_key, value, registers FROM boxes WHERE lets_id = ? AND kind = 'account' AND spent_by IS NULL AND EXISTS (SELECT 1 FROM lets WHERE id = ? AND model = 'trustless')`)
    .all(letsId, letsId) as { owner_key: string; value: bigint; registers: string }[];
  return new Map(rows.flatMap((r) => {
    const collateral = collateralOf(r.value, r.registers);
    return collateral ? [[r.owner_key, collateral] as const] : [];
  }));
}

/**
 * The collateral terms of a trustless LETS from its newest public token box (every one carries the same R4, the
 * script demands it unchanged); null for a committee LETS or before the mirror has seen its genesis. Nobody owns the
 * public token box (owner key ''), which lets the index of boxes by owner and height find the newest at once: by kind
 * alone, SQLite read every box of the LETS, a quarter of a second at 100 000 trades, on every dashboard.
 */
export function collateralTerms(db: Db, letsId: number): CollateralTerms | null {
  const registers = db
    .prepare(
      `SELECT registers FROM boxes WHERE lets_id = ? AND owner_key = '' AND kind = 'public-token' ORDER BY created_height DESC, spent_by IS NULL DESC LIMIT 1`,
    )
    .pluck()
    .get(letsId) as string | undefined;
  const parameters = registers === undefined ? undefined : decodePublicTokenRegisters(JSON.parse(registers) as NonMandatoryRegisters);
  if (!parameters) return null;
  const { minimumCollateral, collateralPerUnit, lockPeriod } = parameters;
  return { minimumCollateral, collateralPerUnit, lockPeriod };
}

/** How many more members can join: the public token box's pool less the one token that always stays (public-token.es). */
export function membershipsLeft(db: Db, letsId: number): bigint | null {
  const assets = db
    .prepare(`SELECT assets FROM boxes WHERE lets_id = ? AND kind = 'public-token' AND spent_by IS NULL`)
    .pluck()
    .get(letsId) as string | undefined;
  if (assets === undefined) return null;
  const pool = (JSON.parse(assets) as { amount: string }[])[1];
  return pool ? BigInt(pool.amount) - 1n : null;
}

/** Collateral terms and memberships left of a trustless LETS, or null while the mirror has not seen its genesis. */
export function trustlessFacts(db: Db, letsId: number): TrustlessFacts | null {
  const terms = collateralTerms(db, letsId);
  return terms && { terms, membershipsLeft: membershipsLeft(db, letsId) };
}
