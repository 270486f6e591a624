import type { PreparedTransaction } from '../api/calls/outbox-types';
import { buildEnrolment } from '../builders/enrolment';
import { feeWallet } from './fee-wallet';
import { letsOnChain } from './lets-on-chain';
import { memberKey } from './member-profile';
import type { ChainContext } from './operations-context';
import { pendingView } from './pending-transactions';
import { fileBuiltTransaction, reviewOf } from './prepared-transaction';

/**
 * Builds the enrolment of a member whose key is already recorded (from the wizard or a CSV import) and files it
 * in the outbox, unsigned. The committee signs; several enrolments in a row chain on each other's management box.
 */
export async function prepareEnrolment(ctx: ChainContext, letsId: number, memberId: number): Promise<PreparedTransaction> {
  const member = memberKey(ctx.db, letsId, memberId);
  const pending = pendingView(ctx.db);
  const state = await letsOnChain(ctx.db, ctx.chain, letsId, pending);
  const transaction = buildEnrolment({
    ...(await feeWallet(ctx, state.committee, pending)),
    lets: state.lets,
    management: state.management,
    memberName: member.name,
    memberKey: member.ownerKey,
  });
  const transactionId = fileBuiltTransaction(ctx.db, {
    letsId,
    purpose: 'enrolment',
    description: `The committee enrols ${member.name} in ${state.lets.name}`,
    transaction,
    inputKeys: transaction.inputs.map(() => state.committee),
    signedBy: 'the committee',
  });
  return reviewOf(ctx.db, ctx.chain.network, transactionId);
}
