import type { TradeFilter, TradePage, TradeRow } from '../../api/calls/ledger-types';
import type { Db } from '../database';

interface TradeSqlRow {
  transaction_id: string;
  height: bigint;
  timestamp: bigint;
  payer_key: string;
  payee_key: string;
  payer_name: string | null;
  payee_name: string | null;
  amount: bigint;
  memo: string | null;
  payer_after: bigint;
  payee_after: bigint;
}

/*
 * A trade is two ledger entries of one transaction: the payer's (delta < 0) and the payee's (delta > 0). Names are
 * local metadata; a member without a profile here shows by the start of their key.
 */
const FROM_WHERE = `
  FROM ledger_entries p
  JOIN ledger_entries r ON r.transaction_id = p.transaction_id AND +r.lets_id = p.lets_id AND r.delta > 0
  WHERE p.lets_id = :letsId AND p.kind = 'trade' AND p.delta < 0
    AND (:memberKey IS NULL OR p.member_key = :memberKey OR r.member_key = :memberKey)
    AND (:fromTime IS NULL OR p.timestamp >= :fromTime) AND (:toTime IS NULL OR p.timestamp < :toTime)
    AND (:minAmount IS NULL OR -p.delta >= :minAmount) AND (:maxAmount IS NULL OR -p.delta <= :maxAmount)`;

/*
 * Performance (100 000 trades, see BENCHMARKS.md). `+r.lets_id` keeps SQLite from reaching r through the primary key's
 * leading lets_id (every entry of the LETS, for each p) instead of by transaction id. With a member chosen, the
 * transactions are first narrowed to that member's own entries (stored together): p or r being the member means the
 * transaction has an entry of theirs, so the extra condition changes no result, only where SQLite starts.
 */
const MEMBER_TRANSACTIONS = `
    AND p.transaction_id IN (SELECT transaction_id FROM ledger_entries WHERE lets_id = :letsId AND member_key = :memberKey)`;

function fromWhere(memberKey: string | null): string {
  return memberKey === null ? FROM_WHERE : FROM_WHERE + MEMBER_TRANSACTIONS;
}

function parameters(db: Db, filter: TradeFilter) {
  const memberKey =
    filter.memberId === undefined
      ? null
      : ((db.prepare('SELECT owner_key FROM member_profiles WHERE id = ? AND lets_id = ?').pluck().get(filter.memberId, filter.letsId) as string | undefined) ?? '');
  return {
    letsId: filter.letsId,
    memberKey,
    fromTime: filter.fromTime ?? null,
    toTime: filter.toTime ?? null,
    minAmount: filter.minAmount ?? null,
    maxAmount: filter.maxAmount ?? null,
  };
}

const shortKey = (key: string) => `${key.slice(0, 8)}…`;

/** One page of the trades matching `filter`, newest first, with both parties' balances after each trade. */
export function tradePage(db: Db, filter: TradeFilter, offset: number, limit: number): TradePage {
  const params = parameters(db, filter);
  const total = db.prepare(`SELECT count(*) ${fromWhere(params.memberKey)}`).pluck().get(params) as bigint;
  const tip = (db.prepare('SELECT max(height) FROM blocks').pluck().get() as bigint | null) ?? 0n;
  const rows = db
    .prepare(
      `SELECT p.transaction_id, p.height, p.timestamp, p.member_key AS payer_key, r.member_key AS payee_key, -p.delta AS amount,
         p.balance_after AS payer_after, r.balance_after AS payee_after,
         (SELECT name FROM member_profiles WHERE lets_id = p.lets_id AND owner_key = p.member_key) AS payer_name,
         (SELECT name FROM member_profiles WHERE lets_id = p.lets_id AND owner_key = r.member_key) AS payee_name,
         (SELECT memo FROM outbox_details WHERE transaction_id = p.transaction_id) AS memo
       ${fromWhere(params.memberKey)}
       ORDER BY p.height DESC, p.transaction_id DESC LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit, offset }) as TradeSqlRow[];
  return {
    total: Number(total),
    offset,
    rows: rows.map(
      (row): TradeRow => ({
        transactionId: row.transaction_id,
        height: Number(row.height),
        timestamp: Number(row.timestamp),
        payer: row.payer_name ?? shortKey(row.payer_key),
        payee: row.payee_name ?? shortKey(row.payee_key),
        amount: row.amount,
        memo: row.memo ?? '',
        payerBalanceAfter: row.payer_after,
        payeeBalanceAfter: row.payee_after,
        confirmations: Number(tip - row.height + 1n),
      }),
    ),
  };
}
