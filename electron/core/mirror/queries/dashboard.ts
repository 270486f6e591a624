import type { AttentionItem, AttentionState } from '../../api/calls/dashboard-types';
import type { Db } from '../database';

/** Total credit issued: what members owe together, i.e. the sum of the negative balances, as a positive amount. */
export function creditIssued(db: Db, letsId: number): bigint {
  const row = db
    .prepare(`SELECT coalesce(-sum(balance), 0) AS total FROM boxes WHERE lets_id = ? AND kind = 'account' AND spent_by IS NULL AND balance < 0`)
    .get(letsId) as { total: bigint };
  return row.total;
}

/**
 * Trades whose block time lies in [fromMs, toMs). A trade has two ledger entries and at least one pays (delta < 0), so
 * the transactions of the payers' entries are counted: the index of trades by height holds all of them (migration 013).
 */
export function tradeCountBetween(db: Db, letsId: number, fromMs: number, toMs: number): number {
  const count = db
    .prepare(`SELECT count(DISTINCT transaction_id) FROM account_entries WHERE lets_id = ? AND kind = 'trade' AND delta < 0 AND timestamp >= ? AND timestamp < ?`)
    .pluck()
    .get(letsId, fromMs, toMs) as bigint;
  return Number(count);
}

/**
 * Profiles stored on this computer whose key has no account box on chain yet (imported, waiting for enrolment). A
 * placeholder without a box is an account that was closed, not a member waiting: the sync only makes placeholders
 * for accounts it saw opened.
 */
export function notEnrolledCount(db: Db, letsId: number): number {
  const count = db
    .prepare(
      `SELECT count(*) FROM member_profiles p WHERE p.lets_id = ? AND p.named = 1 AND NOT EXISTS (
         SELECT 1 FROM boxes b WHERE b.lets_id = p.lets_id AND b.owner_key = p.owner_key AND b.kind = 'account' AND b.spent_by IS NULL)`,
    )
    .pluck()
    .get(letsId) as bigint;
  return Number(count);
}

/**
 * Outbox states that wait for the treasurer: built but never signed, dropped by the node, or in conflict with
 * another transaction. Everything else is on its way (or done) without anyone's help.
 */
export const NEEDS_ATTENTION: readonly AttentionState[] = ['built', 'dropped', 'conflict'];

export function outboxNeedingAttention(db: Db): AttentionItem[] {
  const rows = db
    .prepare(
      `SELECT transaction_id, lets_id, state, purpose, description, last_error, updated_at FROM outbox
       WHERE state IN (${NEEDS_ATTENTION.map(() => '?').join(', ')}) ORDER BY updated_at DESC, id DESC`,
    )
    .all(...NEEDS_ATTENTION) as { transaction_id: string; lets_id: bigint | null; state: AttentionState; purpose: string; description: string; last_error: string | null; updated_at: string }[];
  return rows.map((r) => ({
    transactionId: r.transaction_id,
    letsId: r.lets_id === null ? null : Number(r.lets_id),
    state: r.state,
    purpose: r.purpose,
    description: r.description,
    lastError: r.last_error,
    updatedAt: r.updated_at,
  }));
}
