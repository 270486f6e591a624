import type { PreparedTransaction } from '../api/calls/outbox-types';
import { AppError } from '../errors/app-error';
import { mirroredTrade } from '../mirror/queries/ledger';
import { profilesByKey } from '../mirror/queries/members';
import { reversalOf, reversedTrade } from '../mirror/queries/outbox-details';
import { shortTransactionId } from '../mirror/queries/transaction-descriptions';
import type { ChainContext } from './operations-context';
import { prepareTrade } from './prepare-trade';

/**
 * Corrects a mistaken trade as bookkeepers do, without editing it: the counter-trade, in which the payee pays the
 * payer the same amount back, described as "reverses <id>". The original payee signs it (their wallet, or a file).
 * A trade is reversed once; a reversal is not reversed (a new trade says what was meant instead).
 */
export async function prepareReversal(ctx: ChainContext, letsId: number, transactionId: string): Promise<PreparedTransaction> {
  const short = shortTransactionId(transactionId);
  const trade = mirroredTrade(ctx.db, letsId, transactionId);
  if (!trade) {
    throw new AppError('not-found', `There is no trade ${short} in the ledger of this LETS.`, 'Choose the trade in the ledger; a trade can be reversed once it is on chain.');
  }
  const reversed = reversedTrade(ctx.db, transactionId);
  if (reversed !== undefined) {
    throw new AppError(
      'conflict',
      `Trade ${short} is itself the reversal of ${shortTransactionId(reversed)}, so it is not reversed in turn.`,
      'If the original trade was right after all, record it again as a new trade.',
    );
  }
  const earlier = reversalOf(ctx.db, transactionId);
  if (earlier) {
    const onChain = ['included', 'confirmed'].includes(earlier.state);
    throw new AppError(
      'conflict',
      `Trade ${short} is already reversed by ${shortTransactionId(earlier.transactionId)}${onChain ? '' : ', which waits in the outbox'}.`,
      onChain ? 'Nothing more to do: the ledger shows the two linked.' : 'Follow that reversal in the outbox, or discard it there to reverse the trade anew.',
    );
  }
  const profiles = profilesByKey(ctx.db, letsId);
  const idOf = (key: string) => {
    const profile = profiles.get(key);
    if (!profile) throw new AppError('not-found', `A party of trade ${short} has no entry in the member list.`, 'Wait until the app has synced, then try again.');
    return profile.id;
  };
  return prepareTrade(ctx, { letsId, payerId: idOf(trade.payeeKey), payeeId: idOf(trade.payerKey), amount: trade.amount, description: '', reverses: transactionId });
}
