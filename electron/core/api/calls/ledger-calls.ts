import { z } from 'zod';
import { call } from '../call';
import type { TradePage } from './ledger-types';
import type { MemberCsvFile } from './member-types';

const id = z.number().int().positive();
const time = z.number().int().nonnegative();
const amount = z.bigint().nonnegative('Amounts in a filter are zero or more.');

const tradeFilter = z.strictObject({
  letsId: id,
  memberId: id.optional(),
  fromTime: time.optional(),
  toTime: time.optional(),
  minAmount: amount.optional(),
  maxAmount: amount.optional(),
});

/** The bookkeeping screen: every trade, filtered and paged so 100 000 rows scroll without loading them all. */
export const ledgerCalls = {
  'ledger.trades': call<TradePage>()(
    tradeFilter.extend({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(1_000, 'At most 1 000 rows at a time.').default(200),
    }),
  ),
  'ledger.exportCsv': call<MemberCsvFile>()(tradeFilter),
} as const;
