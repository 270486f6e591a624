import type { Db } from '../database';

export interface OutboxDetails {
  /** Public key (hex) that must prove each input. */
  inputKeys: string[];
  /** Who holds those keys, in words ("Alice", "the committee"). */
  signedBy: string;
  /** What was traded ("milk"), kept on this computer only. */
  memo: string;
}

/** Stores what the app knows of one of its outbox transactions beyond the outbox row itself. */
export function addOutboxDetails(db: Db, transactionId: string, details: OutboxDetails): void {
  db.prepare('INSERT INTO outbox_details (transaction_id, input_keys, signed_by, memo) VALUES (?, ?, ?, ?)').run(
    transactionId,
    JSON.stringify(details.inputKeys),
    details.signedBy,
    details.memo,
  );
}
