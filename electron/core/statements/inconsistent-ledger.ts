import { AppError } from '../errors/app-error';

/**
 * Running balances are read from chain; recomputing them from the deltas checks the mirror. A paper handed to a
 * member or the committee must never disagree with itself, so a mismatch stops it instead of printing it.
 */
export function inconsistentLedger(memberName: string, transactionId: string, paper: 'statement' | 'report'): AppError {
  return new AppError(
    'database-error',
    `The local copy of the ledger is inconsistent for ${memberName} (transaction ${transactionId.slice(0, 12)}…), so no ${paper} was made.`,
    `Do not hand out ${paper}s for now; restore the local database from a backup or let the app read the chain again.`,
  );
}
