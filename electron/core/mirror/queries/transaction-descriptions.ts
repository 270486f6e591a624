import type { Db } from '../database';

/** A transaction as statements and the ledger name it in words: its first 12 hex digits (the statement's id column). */
export const shortTransactionId = (id: string) => id.slice(0, 12);

const ON_CHAIN = new Set(['included', 'confirmed']);

/**
 * SQL for the columns `memo` and `reversal` of the transaction whose lowercase hex id is the SQL expression `id`: what
 * the treasurer typed when recording it here (only the app's own trades have one; nothing of the kind goes on chain),
 * and the trade recorded to reverse it, with that one's outbox state ("<id> <state>").
 */
export function descriptionColumns(id: string): string {
  return `(SELECT memo FROM outbox_details WHERE transaction_id = ${id}) AS memo,
    (SELECT d.transaction_id || ' ' || o.state FROM outbox_details d JOIN outbox o USING (transaction_id) WHERE d.reverses = ${id}) AS reversal`;
}

/** The words of `descriptionColumns`: the memo, and the trade's reversal once there is one. */
export function descriptionOf(row: { memo: string | null; reversal: string | null }): string {
  const parts = row.memo ? [row.memo] : [];
  if (row.reversal) {
    const [id = '', state = ''] = row.reversal.split(' ');
    parts.push(ON_CHAIN.has(state) ? `reversed by ${shortTransactionId(id)}` : `reversal ${shortTransactionId(id)} not on chain yet`);
  }
  return parts.join(' · ');
}

/** What the app knows of one of its LETS's transactions beyond the chain: its description, and its part in a reversal. */
export interface TransactionNote {
  /** descriptionOf: the memo and the reversal, '' when there is neither. */
  description: string;
  /** A reversal of it has been recorded here, on chain or not. */
  reversed: boolean;
  /** It is itself the app's reversal of another trade. */
  reversing: boolean;
}

/** The notes of `transactionIds`, one query each (the memo, reversal and reversed trade come in one row). */
export function transactionNotes(db: Db, transactionIds: readonly string[]): Map<string, TransactionNote> {
  const find = db.prepare(`SELECT ${descriptionColumns(':id')}, (SELECT reverses FROM outbox_details WHERE transaction_id = :id) AS reverses`);
  const notes = new Map<string, TransactionNote>();
  for (const id of transactionIds) {
    const row = find.get({ id }) as { memo: string | null; reversal: string | null; reverses: string | null };
    notes.set(id, { description: descriptionOf(row), reversed: row.reversal !== null, reversing: row.reverses !== null });
  }
  return notes;
}
