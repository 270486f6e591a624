import type { PreparedTransaction } from '../api/calls/outbox-types';
import { buildEnrolment } from '../builders/enrolment';
import { prepareCommitteeAction } from './committee-action';
import { memberKey } from './member-profile';
import type { ChainContext } from './operations-context';

/**
 * Builds the enrolment of a member whose key is already recorded (from the wizard or a CSV import) and files it
 * in the outbox, unsigned. The committee signs; several enrolments in a row chain on each other's management box.
 */
export async function prepareEnrolment(ctx: ChainContext, letsId: number, memberId: number): Promise<PreparedTransaction> {
  const member = memberKey(ctx.db, letsId, memberId);
  return prepareCommitteeAction(ctx, letsId, {
    purpose: 'enrolment',
    build: (funding, state) => buildEnrolment({ ...funding, lets: state.lets, management: state.management, memberName: member.name, memberKey: member.ownerKey }),
    describe: (state) => `The committee enrols ${member.name} in ${state.lets.name}`,
  });
}
