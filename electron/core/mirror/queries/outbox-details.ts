import type { Db } from '../database';

export interface OutboxDetails {
  /** Public key (hex) that must prove each input. */
  inputKeys: string[];
  /** Who holds those keys, in words ("Alice", "the committee"). */
  signedBy: string;
  /** What was traded ("milk"), kept on this computer only. */
  memo: string;
  /** The trade this one reverses (hex id), for a correction. */
  reverses?: string;
}

/** Stores what the app knows of one of its outbox transactions beyond the outbox row itself. */
export function addOutboxDetails(db: Db, transactionId: string, details: OutboxDetails): void {
  db.prepare('INSERT INTO outbox_details (transaction_id, input_keys, signed_by, memo, reverses) VALUES (?, ?, ?, ?, ?)').run(
    transactionId,
    JSON.stringify(details.inputKeys),
    details.signedBy,
    details.memo,
    details.reverses ?? null,
  );
}

/** The trade (hex id) that the app's transaction `transactionId` reverses, if it is a correction. */
export function reversedTrade(db: Db, transactionId: string): string | undefined {
  return (db.prepare('SELECT reverses FROM outbox_details WHERE transaction_id = ?').pluck().get(transactionId) as string | null | undefined) ?? undefined;
}

/** The app's transaction recorded to reverse the trade `transactionId`, with its outbox state, if there is one. */
export function reversalOf(db: Db, transactionId: string): { transactionId: string; state: string } | undefined {
  return db
    .prepare('SELECT d.transaction_id AS transactionId, o.state FROM outbox_details d JOIN outbox o USING (transaction_id) WHERE d.reverses = ?')
    .get(transactionId) as { transactionId: string; state: string } | undefined;
}
