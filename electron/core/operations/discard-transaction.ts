import type { Db } from '../mirror/database';
import { discardOutboxItem } from '../mirror/queries/outbox';
import { unsignedDependents } from './pending-transactions';

/**
 * Discards a transaction from the outbox, and with it the unsigned ones built on it (they spend boxes it would have
 * created, so they could never be sent). Answers what else went, in words, for the screen to say.
 */
export function discardTransaction(db: Db, transactionId: string): string[] {
  const dependents = unsignedDependents(db, transactionId);
  db.transaction(() => {
    discardOutboxItem(db, transactionId);
    for (const dependent of dependents) discardOutboxItem(db, dependent.transactionId);
  })();
  return dependents.map((d) => d.description);
}
