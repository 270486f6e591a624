import type { AreaHandlers } from '../../api/contract';
import type { memberCalls } from '../../api/calls/member-calls';
import { listLets } from '../../mirror/queries/lets';
import { listMembers } from '../../mirror/queries/members';
import type { CoreContext } from '../core-context';

export function memberHandlers(ctx: CoreContext): AreaHandlers<typeof memberCalls> {
  return {
    'lets.list': () => listLets(ctx.db),
    'members.list': ({ search }) => listMembers(ctx.db, search),
  };
}
