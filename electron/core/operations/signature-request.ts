import type { SignatureRequest } from '../api/calls/outbox-types';
import { AppError } from '../errors/app-error';
import { outboxItem, recordSignatureRequest, standingSignatureRequest } from '../mirror/queries/outbox';
import { ergoPayRequest } from '../signers/exchange/ergopay';
import type { ChainContext } from './operations-context';
import { asSignatureRequest, signingPlan } from './prepared-transaction';

/**
 * How long a signing request stands: long enough to find a phone and open the wallet at the market stall, short enough
 * that a forgotten request does not hold a member's boxes for the rest of the day.
 */
export const REQUEST_LIFETIME_MS = 30 * 60_000;

/**
 * A signing request for a transaction the app's signers cannot sign (a member pays from their own wallet): the
 * transaction reduced for the chain's next block, as an ErgoPay link. The outbox waits for the wallet to submit it.
 * Asked again while the request stands, it is the same request, so a QR code already scanned stays the one shown.
 */
export async function requestSignature(ctx: ChainContext, transactionId: string, now = new Date()): Promise<SignatureRequest> {
  const plan = signingPlan(ctx.db, transactionId);
  const item = outboxItem(ctx.db, transactionId);
  if (!plan || !item) throw new AppError('not-found', 'That transaction is not in the outbox.', 'Refresh the outbox.');
  if (item.state !== 'built') {
    throw new AppError('conflict', `Only a transaction nobody has signed yet can be sent to a wallet to sign; this one is ${item.state}.`, 'Refresh the outbox to see where it is.');
  }
  const standing = standingSignatureRequest(ctx.db, transactionId);
  if (standing && Date.parse(standing.expiresAt) > now.getTime()) return asSignatureRequest(transactionId, plan.signedBy, standing);
  const { uri } = ergoPayRequest(plan.transaction, { height: (await ctx.chain.height()) + 1 });
  const expiresAt = new Date(now.getTime() + REQUEST_LIFETIME_MS);
  recordSignatureRequest(ctx.db, transactionId, uri, expiresAt);
  return asSignatureRequest(transactionId, plan.signedBy, { uri, expiresAt: expiresAt.toISOString() });
}
