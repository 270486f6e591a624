import type { AreaHandlers } from '../../api/contract';
import type { ledgerCalls } from '../../api/calls/ledger-calls';
import { exportTradesCsv } from '../../ledger/trade-export';
import { tradePage } from '../../mirror/queries/trades';
import type { CoreContext } from '../core-context';

export function ledgerHandlers(ctx: CoreContext): AreaHandlers<typeof ledgerCalls> {
  return {
    'ledger.trades': ({ offset, limit, ...filter }) => tradePage(ctx.db, filter, offset, limit),
    'ledger.exportCsv': (filter) => exportTradesCsv(ctx.db, filter, new Date()),
  };
}
