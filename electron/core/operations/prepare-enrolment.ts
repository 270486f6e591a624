import type { PreparedTransaction } from '../api/calls/outbox-types';
import { buildEnrolment } from '../builders/enrolment';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { enrolmentsUnderWay } from '../mirror/queries/outbox';
import { currentAccountBoxId } from '../mirror/queries/statement';
import { prepareCommitteeAction } from './committee-action';
import { memberKey, type MemberKey } from './member-profile';
import type { ChainContext } from './operations-context';

/**
 * One account per member: the contract would let the committee open a second under the same key, so the app refuses
 * to enrol a member who has an open account, or whose enrolment is already on its way (prepared, signed or sent).
 */
function refuseSecondAccount(db: Db, letsId: number, member: MemberKey): void {
  if (currentAccountBoxId(db, letsId, member.ownerKey) !== null) {
    throw new AppError('conflict', `${member.name} is already enrolled.`, 'Refresh the member list: the enrolment may have been confirmed meanwhile.');
  }
  const underWay = enrolmentsUnderWay(db, letsId).find((e) => e.ownerKey === member.ownerKey);
  if (underWay?.state === 'built') {
    throw new AppError(
      'conflict',
      `${member.name}’s enrolment is already prepared and waits to be signed.`,
      'Sign it from the queue on the Enrolment screen (or the outbox on the Ledger screen); to prepare it again, discard it there first.',
    );
  }
  if (underWay) {
    throw new AppError('conflict', `${member.name}’s enrolment is already on its way to the chain.`, 'Wait until it is confirmed; the member list shows it then.');
  }
}

/**
 * Builds the enrolment of a member whose key is already recorded (from the wizard or a CSV import) and files it
 * in the outbox, unsigned. The committee signs; several enrolments in a row chain on each other's management box.
 */
export async function prepareEnrolment(ctx: ChainContext, letsId: number, memberId: number): Promise<PreparedTransaction> {
  const member = memberKey(ctx.db, letsId, memberId);
  refuseSecondAccount(ctx.db, letsId, member);
  return prepareCommitteeAction(ctx, letsId, {
    purpose: 'enrolment',
    build: (funding, state) => buildEnrolment({ ...funding, lets: state.lets, management: state.management, memberName: member.name, memberKey: member.ownerKey }),
    describe: (state) => `The committee enrols ${member.name} in ${state.lets.name}`,
  });
}
