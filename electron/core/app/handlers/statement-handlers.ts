import type { AreaHandlers } from '../../api/contract';
import type { reportCalls } from '../../api/calls/report-calls';
import type { statementCalls } from '../../api/calls/statement-calls';
import { monthlyReport } from '../../reports/monthly-report';
import { allMemberStatements, memberStatement, type StatementContext } from '../../statements/member-statement';
import type { CoreContext } from '../core-context';

/** The printed papers: member statements and the committee's report. */
export function statementHandlers(ctx: CoreContext): AreaHandlers<typeof statementCalls & typeof reportCalls> {
  // The LETS listed, and so printed, are those of the network the app is on (see listLets).
  const context = (): StatementContext => ({ network: ctx.network(), now: new Date() });
  const period = (input: { from: string; to: string }) => ({ from: new Date(input.from), to: new Date(input.to) });
  return {
    'statements.get': (input) => memberStatement(ctx.db, input.letsId, input.memberId, period(input), context()),
    'statements.batch': (input) => allMemberStatements(ctx.db, input.letsId, period(input), context()),
    'reports.monthly': (input) => monthlyReport(ctx.db, input.letsId, period(input), context()),
  };
}
