import type { MonthlyReport } from '../api/calls/report-types';
import { amountCell } from '../csv/cells';
import { writeCsv } from '../csv/csv';

export const REPORT_CSV_HEADER = [
  'member', 'address', 'member_key', 'opening_balance', 'turnover_in', 'turnover_out', 'closing_balance', 'trades',
  'joined_at', 'left_at', 'near_limit', 'closing_box_id', 'closing_box_height',
];

/**
 * The report's member table as CSV, one row per member and nothing else, so a spreadsheet can total it (the totals
 * are the printed report's): amounts as exact decimals, instants in UTC, and the account box whose register R5 holds
 * each closing balance on chain.
 */
export function monthlyReportCsv(report: MonthlyReport): string {
  const rows = report.members.map((m) => [
    m.name ?? '',
    m.address ?? '',
    m.ownerKey,
    amountCell(m.openingBalance),
    amountCell(m.turnoverIn),
    amountCell(m.turnoverOut),
    amountCell(m.closingBalance),
    String(m.trades),
    m.joinedAt ?? '',
    m.leftAt ?? '',
    m.nearLimit ?? '',
    m.closingBox?.boxId ?? '',
    m.closingBox ? String(m.closingBox.height) : '',
  ]);
  return writeCsv([REPORT_CSV_HEADER, ...rows]);
}
