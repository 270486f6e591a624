import type { AreaHandlers } from '../../api/contract';
import type { statementCalls } from '../../api/calls/statement-calls';
import { allMemberStatements, memberStatement, type StatementContext } from '../../statements/member-statement';
import type { CoreContext } from '../core-context';

export function statementHandlers(ctx: CoreContext): AreaHandlers<typeof statementCalls> {
  // The LETS listed, and so printed, are those of the network the app is on (see listLets).
  const context = (): StatementContext => ({ network: ctx.network(), now: new Date() });
  const period = (input: { from: string; to: string }) => ({ from: new Date(input.from), to: new Date(input.to) });
  return {
    'statements.get': (input) => memberStatement(ctx.db, input.letsId, input.memberId, period(input), context()),
    'statements.batch': (input) => allMemberStatements(ctx.db, input.letsId, period(input), context()),
  };
}
