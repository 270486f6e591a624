import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import type { PreparedTransaction } from '../api/calls/outbox-types';
import type { Funding } from '../builders/funding';
import { feeWallet } from './fee-wallet';
import { letsOnChain, type LetsOnChain } from './lets-on-chain';
import type { ChainContext } from './operations-context';
import { COMMITTEE, pendingView } from './pending-transactions';
import { fileBuiltTransaction, reviewOf, type NewPreparedTransaction } from './prepared-transaction';

export interface CommitteeAction {
  purpose: NewPreparedTransaction['purpose'];
  /** The transaction, built on the LETS as the chain (and the outbox's pending transactions) will have it. */
  build(funding: Funding, state: LetsOnChain): Promise<EIP12UnsignedTransaction> | EIP12UnsignedTransaction;
  describe(state: LetsOnChain): string;
}

/**
 * A transaction the committee signs (enrolment, closing, hand-over): built on the current management box, its fee
 * paid from the committee key's own address, filed in the outbox unsigned with every input for the committee key.
 */
export async function prepareCommitteeAction(ctx: ChainContext, letsId: number, action: CommitteeAction): Promise<PreparedTransaction> {
  const pending = pendingView(ctx.db);
  const state = await letsOnChain(ctx.db, ctx.chain, letsId, pending);
  const transaction = await action.build(await feeWallet(ctx, state.committee, pending), state);
  const transactionId = fileBuiltTransaction(ctx.db, {
    letsId,
    purpose: action.purpose,
    description: action.describe(state),
    transaction,
    inputKeys: transaction.inputs.map(() => state.committee),
    signedBy: COMMITTEE,
  });
  return reviewOf(ctx.db, ctx.chain.network, transactionId);
}
