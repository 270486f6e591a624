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

/** The descriptions (descriptionOf) of those of `transactionIds` that have one. */
export function transactionDescriptions(db: Db, transactionIds: readonly string[]): Map<string, string> {
  const find = db.prepare(`SELECT ${descriptionColumns(':id')}`);
  const found = new Map<string, string>();
  for (const id of transactionIds) {
    const text = descriptionOf(find.get({ id }) as { memo: string | null; reversal: string | null });
    if (text !== '') found.set(id, text);
  }
  return found;
}
