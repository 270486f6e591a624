import type { Db } from '../database';

export interface AccountBalance {
  memberKey: string;
  balance: bigint;
  boxId: string;
}

/** Every member's current balance: the balance register of their unspent account box. */
export function accountBalances(db: Db, letsId: number): AccountBalance[] {
  const rows = db
    .prepare(`SELECT owner_key, balance, box_id FROM boxes WHERE lets_id = ? AND kind = 'account' AND spent_by IS NULL ORDER BY owner_key`)
    .all(letsId) as { owner_key: string; balance: bigint; box_id: string }[];
  return rows.map((r) => ({ memberKey: r.owner_key, balance: r.balance, boxId: r.box_id }));
}

/** Σ of all balances: zero for a healthy committee LETS, since every trade moves value from one member to another. */
export function trialBalance(db: Db, letsId: number): bigint {
  const row = db.prepare(`SELECT coalesce(sum(balance), 0) AS total FROM boxes WHERE lets_id = ? AND kind = 'account' AND spent_by IS NULL`).get(letsId) as { total: bigint };
  return row.total;
}

export interface HistoryEntry {
  transactionId: string;
  kind: 'enrolment' | 'trade' | 'closing';
  counterpartyKey: string | null;
  delta: bigint;
  balanceAfter: bigint;
  height: number;
  timestamp: number;
}

/** One member's entries between two heights (inclusive), oldest first. */
export function memberHistory(db: Db, letsId: number, memberKey: string, fromHeight = 0, toHeight = Number.MAX_SAFE_INTEGER): HistoryEntry[] {
  const rows = db
    .prepare(`SELECT lower(hex(transaction_id)) AS transaction_id, kind, counterparty_key, delta, balance_after, height, timestamp FROM ledger_entries
      WHERE lets_id = ? AND member_key = ? AND height BETWEEN ? AND ? ORDER BY height, position`)
    .all(letsId, memberKey, fromHeight, toHeight) as { transaction_id: string; kind: HistoryEntry['kind']; counterparty_key: string | null; delta: bigint; balance_after: bigint; height: bigint; timestamp: bigint }[];
  return rows.map((r) => ({
    transactionId: r.transaction_id,
    kind: r.kind,
    counterpartyKey: r.counterparty_key,
    delta: r.delta,
    balanceAfter: r.balance_after,
    height: Number(r.height),
    timestamp: Number(r.timestamp),
  }));
}

export interface MirroredTrade {
  payerKey: string;
  payeeKey: string;
  amount: bigint;
}

/** A trade of the LETS as the mirror holds it, by transaction id (hex); undefined when it holds no such trade. */
export function mirroredTrade(db: Db, letsId: number, transactionId: string): MirroredTrade | undefined {
  const row = db
    .prepare(`SELECT member_key, counterparty_key, -delta AS amount FROM account_entries WHERE lets_id = ? AND transaction_id = unhex(?) AND kind = 'trade' AND delta < 0`)
    .get(letsId, transactionId) as { member_key: string; counterparty_key: string; amount: bigint } | undefined;
  return row && { payerKey: row.member_key, payeeKey: row.counterparty_key, amount: row.amount };
}
