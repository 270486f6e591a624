import type { TradeFilter, TradePage, TradeRow } from '../../api/calls/ledger-types';
import type { Db } from '../database';
import { descriptionColumns, descriptionOf } from './transaction-descriptions';

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
  reversal: string | null;
  payer_after: bigint;
  payee_after: bigint;
}

/*
 * A trade is two ledger entries of one transaction: the payer's (delta < 0), which names the payee and carries what
 * the filters test, and the payee's (delta > 0), found by payee and height (index boxes_by_owner) for the rows shown
 * only. A trade's entries are stored on the account boxes it created (account_entries, migration 013). Names are
 * local metadata; a member without a profile here shows by the start of their key.
 */
const PAYER_CONDITIONS = `p.lets_id = :letsId AND p.kind = 'trade' AND p.delta < 0
    AND (:fromTime IS NULL OR p.timestamp >= :fromTime) AND (:toTime IS NULL OR p.timestamp < :toTime)
    AND (:minAmount IS NULL OR -p.delta >= :minAmount) AND (:maxAmount IS NULL OR -p.delta <= :maxAmount)`;

/*
 * Performance (100 000 trades, see BENCHMARKS.md). Counting and skipping to a page read the payer entries alone, in
 * the order of the index of trades by height. With a member chosen, the member's own trade entries (found together)
 * come first (CROSS JOIN keeps that order) and each leads to its trade's payer entry by member and height: their own
 * entry when they paid, the counterparty's when they were paid.
 */
const ALL_PAYER_ENTRIES = `FROM account_entries p WHERE ${PAYER_CONDITIONS}`;
const MEMBER_PAYER_ENTRIES = `FROM account_entries m CROSS JOIN account_entries p
    ON p.lets_id = m.lets_id AND p.member_key = (CASE WHEN m.delta < 0 THEN m.member_key ELSE m.counterparty_key END)
      AND p.height = m.height AND p.transaction_id = m.transaction_id
  WHERE m.lets_id = :letsId AND m.member_key = :memberKey AND m.kind = 'trade' AND ${PAYER_CONDITIONS}`;

function payerEntries(memberKey: string | null): string {
  return memberKey === null ? ALL_PAYER_ENTRIES : MEMBER_PAYER_ENTRIES;
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
  const total = db.prepare(`SELECT count(*) ${payerEntries(params.memberKey)}`).pluck().get(params) as bigint;
  const tip = (db.prepare('SELECT max(height) FROM blocks').pluck().get() as bigint | null) ?? 0n;
  const rows = db
    .prepare(
      `SELECT lower(hex(p.transaction_id)) AS transaction_id, p.height, p.timestamp, p.member_key AS payer_key, r.member_key AS payee_key, -p.delta AS amount,
         p.balance_after AS payer_after, r.balance_after AS payee_after,
         (SELECT name FROM member_profiles WHERE lets_id = p.lets_id AND owner_key = p.member_key) AS payer_name,
         (SELECT name FROM member_profiles WHERE lets_id = p.lets_id AND owner_key = r.member_key) AS payee_name,
         ${descriptionColumns('lower(hex(p.transaction_id))')}
       FROM (SELECT p.* ${payerEntries(params.memberKey)} ORDER BY p.height DESC, p.position DESC LIMIT :limit OFFSET :offset) p
       JOIN account_entries r ON r.lets_id = p.lets_id AND r.member_key = p.counterparty_key AND r.height = p.height AND r.transaction_id = p.transaction_id
       ORDER BY p.height DESC, p.position DESC`,
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
        memo: descriptionOf(row),
        payerBalanceAfter: row.payer_after,
        payeeBalanceAfter: row.payee_after,
        confirmations: Number(tip - row.height + 1n),
      }),
    ),
  };
}
