import type { Db } from '../database';

/**
 * What the treasurer typed as a trade's memo ("milk") when recording it here: only the app's own trades have one,
 * as nothing of the kind goes on chain.
 */
export function transactionDescriptions(db: Db, transactionIds: readonly string[]): Map<string, string> {
  const find = db.prepare(`SELECT memo FROM outbox_details WHERE transaction_id = ? AND memo <> ''`).pluck();
  const found = new Map<string, string>();
  for (const id of transactionIds) {
    const memo = find.get(id) as string | undefined;
    if (memo !== undefined) found.set(id, memo);
  }
  return found;
}
