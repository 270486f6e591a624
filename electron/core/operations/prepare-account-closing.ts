import type { PreparedTransaction } from '../api/calls/outbox-types';
import { buildAccountClosing } from '../builders/account-closing';
import { readAccountBox } from '../contracts/lets-boxes';
import { AppError } from '../errors/app-error';
import { closingRefusal } from '../members/closing-rules';
import { findMember } from '../mirror/queries/members';
import { unfinishedSpenderOf } from '../mirror/queries/outbox';
import { prepareCommitteeAction } from './committee-action';
import { memberKey } from './member-profile';
import type { ChainContext } from './operations-context';

/**
 * Builds the closing of a member's account (a member leaving) and files it in the outbox, unsigned: the committee
 * signs, the membership token goes back to the pool. Refused before anything is built while the balance is not
 * 0.00 (saying how much, and with whom it could be settled) or when it is the LETS's last open account.
 */
export async function prepareAccountClosing(ctx: ChainContext, letsId: number, memberId: number): Promise<PreparedTransaction> {
  const member = memberKey(ctx.db, letsId, memberId);
  const accountBoxId = findMember(ctx.db, memberId)?.accountBoxId;
  if (!accountBoxId) {
    throw new AppError('conflict', `${member.name} has no open account to close.`, 'Refresh the member list: the account may have been closed already.');
  }
  const waiting = unfinishedSpenderOf(ctx.db, accountBoxId);
  if (waiting !== undefined) {
    throw new AppError(
      'conflict',
      `A transaction in the outbox still spends ${member.name}’s account: “${waiting}”.`,
      'Wait until it is confirmed, or discard it in the outbox, then close the account.',
    );
  }
  return prepareCommitteeAction(ctx, letsId, {
    purpose: 'closing',
    build: async (funding, state) => {
      const box = await state.accountOf(member.ownerKey, member.name);
      const { balance } = readAccountBox(box, state.lets, member.name);
      const refusal = closingRefusal(ctx.db, { letsId, name: member.name, ownerKey: member.ownerKey, balance }, state.lets);
      if (refusal) throw refusal;
      return buildAccountClosing({ ...funding, lets: state.lets, management: state.management, account: { name: member.name, box } });
    },
    describe: (state) => `The committee closes ${member.name}’s account in ${state.lets.name}`,
  });
}
