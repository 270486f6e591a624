import type { LetsSummary } from '../../api/types';
import type { CoreContext } from '../core-context';

/** How far each LETS's catch-up has come is known to the running chain, not the mirror: it is laid over the list here. */
export function withCatchUpProgress<L extends LetsSummary>(ctx: CoreContext, list: L[]): L[] {
  const reports = new Map((ctx.chain()?.catchUpReports() ?? []).map((r) => [r.letsId, r]));
  return list.map((lets) => {
    const report = reports.get(lets.id);
    if (!lets.catchUp || !report) return lets;
    const { phase, done, total, secondsLeft, paused } = report;
    return { ...lets, catchUp: { phase, done, total, secondsLeft, paused } };
  });
}
