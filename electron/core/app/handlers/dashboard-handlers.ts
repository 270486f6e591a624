import type { AreaHandlers } from '../../api/contract';
import type { dashboardCalls } from '../../api/calls/dashboard-calls';
import { dashboardSummary } from '../../dashboard/dashboard-summary';
import type { CoreContext } from '../core-context';
import { withCatchUpProgress } from './catch-up-progress';

export function dashboardHandlers(ctx: CoreContext): AreaHandlers<typeof dashboardCalls> {
  return {
    'dashboard.summary': () => {
      const summary = dashboardSummary(ctx.db, new Date());
      return { ...summary, lets: withCatchUpProgress(ctx, summary.lets) };
    },
  };
}
