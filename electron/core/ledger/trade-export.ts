import type { TradeFilter } from '../api/calls/ledger-types';
import type { MemberCsvFile } from '../api/calls/member-types';
import { amountCell, timeCell } from '../csv/cells';
import { writeCsv } from '../csv/csv';
import type { Db } from '../mirror/database';
import { tradePage } from '../mirror/queries/trades';

export const TRADE_EXPORT_HEADER = ['time', 'height', 'payer', 'payee', 'amount', 'memo', 'payer_balance_after', 'payee_balance_after', 'transaction_id'];

/** Every trade matching the filter, newest first, as CSV: amounts as exact decimals, times in UTC. */
export function exportTradesCsv(db: Db, filter: TradeFilter, today: Date): MemberCsvFile {
  const { rows } = tradePage(db, filter, 0, Number.MAX_SAFE_INTEGER);
  const records = rows.map((row) => [
    timeCell(row.timestamp),
    String(row.height),
    row.payer,
    row.payee,
    amountCell(row.amount),
    row.memo,
    amountCell(row.payerBalanceAfter),
    amountCell(row.payeeBalanceAfter),
    row.transactionId,
  ]);
  return { fileName: `trades-${today.toISOString().slice(0, 10)}.csv`, csv: writeCsv([TRADE_EXPORT_HEADER, ...records]), rowCount: records.length };
}
