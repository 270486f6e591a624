import { hex } from '@fleet-sdk/crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport, ReportMemberRow } from '../../electron/core/api/calls/report-types';
import { accountBalances, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { prepareAccountClosing } from '../../electron/core/operations/prepare-account-closing';
import { prepareEnrolment } from '../../electron/core/operations/prepare-enrolment';
import { prepareTrade } from '../../electron/core/operations/prepare-trade';
import { monthlyReport } from '../../electron/core/reports/monthly-report';
import { monthlyReportCsv, REPORT_CSV_HEADER } from '../../electron/core/reports/report-csv';
import { memberStatement, type StatementContext } from '../../electron/core/statements/member-statement';
import { parseCsv } from '../../electron/core/csv/csv';
import { aDemoWorkbench, confirmOnDevnet, type DemoWorkbench } from '../helpers/demo-workbench';
import { fund, wallet } from '../helpers/devnet-wallets';

const period = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const FEBRUARY = period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
const MARCH = period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
const ALL_TIME = period('1970-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
const context: StatementContext = { network: 'devnet', now: new Date('2026-04-02T08:00:00Z') };

const figures = (row: ReportMemberRow | undefined) =>
  row && [row.openingBalance, row.turnoverIn, row.turnoverOut, row.closingBalance, row.trades];
const rowOf = (report: MonthlyReport, name: string) => report.members.find((m) => m.name === name);

/*
 * The demo LETS (floor −200.00, cap 500.00) seeded on 5 January: Alice → Bob 2.00, Bob → Charlie 3.50. Then in
 * February: Bob → Alice 1.00, Charlie → Bob 2.50 (Bob at 0.00), Dana enrolled, Alice → Charlie 130.00 (Alice at
 * −131.00, within 10 % of the floor), Bob's account closed; in March: Dana → Alice 0.50. Every step is a real
 * transaction the app built, signed and mined on the devnet, mirrored by the real sync.
 */
describe('the committee’s monthly report, read from a mirror built by the real sync', () => {
  let bench: DemoWorkbench;
  let clock = Date.parse('2026-01-05T10:00:00Z');
  const on = (iso: string) => {
    clock = Date.parse(iso);
  };
  const id = (name: string) => bench.memberId[name] as number;
  const trade = async (when: string, payer: string, payee: string, amount: bigint) => {
    on(when);
    await confirmOnDevnet(bench, await prepareTrade(bench.ctx, { letsId: bench.letsId, payerId: id(payer), payeeId: id(payee), amount, description: '' }));
  };
  const february = () => monthlyReport(bench.db, bench.letsId, FEBRUARY, context);

  // One history for every test (none of them changes it for good), in a folder of the suite's own.
  const dir = mkdtempSync(join(tmpdir(), 'lets-report-'));
  afterAll(() => {
    bench.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    bench = await aDemoWorkbench(() => clock, dir);
    await trade('2026-02-10T12:00:00Z', 'Bob', 'Alice', 1_00n);
    await trade('2026-02-12T12:00:00Z', 'Charlie', 'Bob', 2_50n);
    const dana = wallet('Eve');
    bench.memberId.Dana = addMemberProfile(bench.db, { letsId: bench.letsId, ownerKey: hex.encode(dana.key.publicKey), name: 'Dana' });
    // Dana's own wallet pays the fee of her trade in March.
    await fund(bench.chain, dana);
    on('2026-02-14T12:00:00Z');
    await confirmOnDevnet(bench, await prepareEnrolment(bench.ctx, bench.letsId, id('Dana')));
    await trade('2026-02-16T12:00:00Z', 'Alice', 'Charlie', 130_00n);
    on('2026-02-20T12:00:00Z');
    await confirmOnDevnet(bench, await prepareAccountClosing(bench.ctx, bench.letsId, id('Bob')));
    await trade('2026-03-03T12:00:00Z', 'Dana', 'Alice', 50n);
  });

  it('gives every member’s opening and closing balance, turnover in and out, and trades of the period', () => {
    const report = february();
    expect(report.members.map((m) => m.name)).toEqual(['Alice', 'Bob', 'Charlie', 'Dana']);
    expect(figures(rowOf(report, 'Alice'))).toEqual([-2_00n, 1_00n, 130_00n, -131_00n, 2]);
    expect(figures(rowOf(report, 'Bob'))).toEqual([-1_50n, 2_50n, 1_00n, 0n, 2]);
    expect(figures(rowOf(report, 'Charlie'))).toEqual([3_50n, 130_00n, 2_50n, 131_00n, 2]);
    expect(figures(rowOf(report, 'Dana'))).toEqual([0n, 0n, 0n, 0n, 0]);
    expect(report.totals).toEqual({
      openingBalance: 0n,
      closingBalance: 0n,
      turnover: 133_50n,
      trades: 3,
      creditIssuedAtOpening: 3_50n,
      creditIssuedAtClosing: 131_00n,
      accountsAtOpening: 3,
      accountsAtClosing: 3,
    });
    expect(report.trialBalance).toEqual({ sum: 0n, balanced: true });
  });

  it('says who joined and who left in the period, who is near a limit, and who did not trade', () => {
    const report = february();
    expect(rowOf(report, 'Dana')?.joinedAt).toBe('2026-02-14T12:00:00.000Z');
    expect(rowOf(report, 'Bob')).toMatchObject({ leftAt: '2026-02-20T12:00:00.000Z', closingBox: null, nearLimit: null });
    expect(report.members.filter((m) => m.joinedAt !== null || m.leftAt !== null).map((m) => m.name)).toEqual(['Bob', 'Dana']);
    expect(report.members.filter((m) => m.nearLimit !== null).map((m) => [m.name, m.nearLimit])).toEqual([['Alice', 'floor']]);
    expect(report.members.filter((m) => m.trades === 0).map((m) => m.name)).toEqual(['Dana']);
  });

  it('leaves out a member who left before the period, and counts a member who joined before it as open from its start', () => {
    const march = monthlyReport(bench.db, bench.letsId, MARCH, context);
    expect(march.members.map((m) => m.name)).toEqual(['Alice', 'Charlie', 'Dana']);
    expect(figures(rowOf(march, 'Dana'))).toEqual([0n, 0n, 50n, -50n, 1]);
    expect(rowOf(march, 'Dana')?.joinedAt).toBeNull();
    expect(march.totals.accountsAtOpening).toBe(3);
    expect(march.members.filter((m) => m.trades === 0).map((m) => m.name)).toEqual(['Charlie']);
  });

  it('agrees with every member’s statement for the same period, figure for figure', () => {
    for (const row of february().members) {
      const statement = memberStatement(bench.db, bench.letsId, row.memberId as number, FEBRUARY, context);
      expect([statement.openingBalance, statement.totalIn, statement.totalOut, statement.closingBalance]).toEqual([
        row.openingBalance,
        row.turnoverIn,
        row.turnoverOut,
        row.closingBalance,
      ]);
      expect(row.closingBox?.boxId ?? null).toBe(statement.chain.closingBox?.boxId ?? null);
      expect(statement.lines.filter((l) => l.kind === 'trade')).toHaveLength(row.trades);
    }
  });

  it('ends on the mirror’s own balances and trial balance when the period reaches the chain’s tip', () => {
    const report = monthlyReport(bench.db, bench.letsId, ALL_TIME, context);
    const open = report.members.filter((m) => m.closingBox !== null);
    expect(new Map(open.map((m) => [m.ownerKey, [m.closingBalance, m.closingBox?.boxId]]))).toEqual(
      new Map(accountBalances(bench.db, bench.letsId).map((a) => [a.memberKey, [a.balance, a.boxId]])),
    );
    expect(report.trialBalance.sum).toBe(trialBalance(bench.db, bench.letsId));
    expect(report.chain.mirrorTip?.height).toBe(bench.chain.height);
  });

  it('refuses to print a report from a mirror whose balances do not follow from its trades', () => {
    const report = february();
    const alice = rowOf(report, 'Alice')?.closingBox?.boxId as string;
    bench.db.prepare('UPDATE box_rows SET balance = balance + 1 WHERE box_id = unhex(?)').run(alice);
    try {
      expect(() => february()).toThrow(/inconsistent for Alice .*so no report was made/);
    } finally {
      bench.db.prepare('UPDATE box_rows SET balance = balance - 1 WHERE box_id = unhex(?)').run(alice);
    }
    expect(figures(rowOf(february(), 'Alice'))).toEqual([-2_00n, 1_00n, 130_00n, -131_00n, 2]);
  });

  it('writes the member table as CSV with exact amounts and the box that holds each closing balance', () => {
    const report = february();
    const rows = parseCsv(monthlyReportCsv(report));
    expect(rows[0]?.cells).toEqual(REPORT_CSV_HEADER);
    const alice = rows.find((r) => r.cells[0] === 'Alice')?.cells;
    expect(alice?.[1]).toMatch(/^3W/); // a testnet address: the devnet's form
    expect(alice?.slice(3, 11)).toEqual(['-2.00', '1.00', '130.00', '-131.00', '2', '', '', 'floor']);
    expect(alice?.[11]).toBe(rowOf(report, 'Alice')?.closingBox?.boxId);
    expect(rows.find((r) => r.cells[0] === 'Bob')?.cells.slice(9, 12)).toEqual(['2026-02-20T12:00:00.000Z', '', '']);
    expect(rows).toHaveLength(1 + report.members.length);
  });
});
