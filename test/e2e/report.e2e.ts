import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberSummary } from '../../electron/core/api/types';
import { parseCsv } from '../../electron/core/csv/csv';
import { amountCell } from '../../electron/core/csv/cells';
import { formatAmount } from '../../electron/core/lets/amount';
import { creditIssued } from '../../electron/core/mirror/queries/dashboard';
import { accountBalances, memberHistory, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { RESULTS_DIR, type AppUnderTest } from './support/app-under-test';
import { keepFirstPagePng, pdfInfo, pdfText } from './support/pdf-files';
import { startDemoAppPrinting } from './support/pdf-stand-in';

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFromToday = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

/*
 * The committee's report of the demo LETS, over a period that holds all of its history (founded when the app
 * started), so every figure can be checked against the mirror's own numbers: its account boxes, their balances,
 * the trial balance and credit issued the dashboard shows, and each member's history.
 */
describe('the committee’s monthly report', () => {
  let app: AppUnderTest;
  let members: MemberSummary[];
  let letsId: number;

  beforeAll(async () => {
    ({ app, members } = await startDemoAppPrinting());
    letsId = (members[0] as MemberSummary).letsId;

    const { page } = app;
    await page.getByRole('button', { name: 'Monthly report' }).click();
    await page.getByRole('combobox', { name: /^Period/ }).selectOption('custom');
    await page.getByLabel('From').fill(daysFromToday(-7));
    await page.getByLabel('To (inclusive)').fill(daysFromToday(1));
    await page.getByRole('article', { name: 'Committee report of Riverside LETS' }).waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('prints every member’s balances, the trial balance and credit issued as the mirror holds them', async () => {
    const { page, core } = app;
    await page.getByLabel('Paper').selectOption('A4');
    await app.screenshot('report');
    const file = join(RESULTS_DIR, 'report.pdf');
    await page.pdf({ path: file, format: 'Letter', preferCSSPageSize: true, printBackground: true });
    keepFirstPagePng(file);
    const text = pdfText(file);
    const lines = text.split('\n');

    expect(text).toContain('Committee report');
    expect(pdfInfo(file).size).toMatch(/ pts \(A4\)$/);
    const balances = accountBalances(core.db, letsId);
    expect(balances.length).toBeGreaterThanOrEqual(3);
    for (const { memberKey, balance, boxId } of balances) {
      const member = members.find((m) => m.ownerKey === memberKey) as MemberSummary;
      const history = memberHistory(core.db, letsId, memberKey);
      const trades = history.filter((e) => e.kind === 'trade');
      const received = trades.reduce((sum, e) => (e.delta > 0n ? sum + e.delta : sum), 0n);
      const paid = trades.reduce((sum, e) => (e.delta < 0n ? sum - e.delta : sum), 0n);
      const row = lines.find((line) => line.trimStart().startsWith(`${member.name} `) && line.includes(boxId.slice(0, 16)))?.trim().split(/\s{2,}/);
      // Name, opening (0.00: the whole history is inside the period), received, paid, closing, trades, box @ height.
      expect(row?.slice(0, 6)).toEqual([member.name, '0.00', formatAmount(received), formatAmount(paid), formatAmount(balance), String(trades.length)]);
      expect(row?.[6]).toContain(boxId.slice(0, 16));
    }
    // The month in figures, as the page shows them above the table.
    const figure = (term: string) => page.locator('.report-summary > div', { has: page.getByText(term, { exact: true }) }).locator('dd').textContent();
    expect(trialBalance(core.db, letsId)).toBe(0n);
    expect(await figure('Trial balance (Σ closing)')).toBe('0.00 ✓');
    expect(await figure('Credit issued')).toBe(`0.00 → ${formatAmount(creditIssued(core.db, letsId))}`);
    expect(await figure('Open accounts')).toBe(`0 → ${balances.length}`);
    expect(await page.getByRole('region', { name: 'Joined' }).getByRole('listitem').count()).toBe(balances.length);
  });

  it('downloads the member table as CSV with the same figures and each closing balance’s box', async () => {
    const { page, core } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Riverside LETS - Committee report - \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(readFileSync((await download.path()) ?? '', 'utf8'));
    const header = rows[0]?.cells ?? [];
    const column = (name: string) => header.indexOf(name);
    const balances = accountBalances(core.db, letsId);
    expect(rows).toHaveLength(1 + balances.length);
    for (const { memberKey, balance, boxId } of balances) {
      const cells = rows.find((r) => r.cells[column('member_key')] === memberKey)?.cells ?? [];
      expect(cells[column('member')]).toBe(members.find((m) => m.ownerKey === memberKey)?.name);
      expect(cells[column('closing_balance')]).toBe(amountCell(balance));
      expect(cells[column('closing_box_id')]).toBe(boxId);
    }
  });

  it('saves the report as one PDF through the desktop app’s dialog', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const saved = await page.getByRole('status').getByText(/^Saved .*\.pdf$/).textContent();
    const savedFile = (saved ?? '').replace(/^Saved /, '');
    expect(savedFile).toMatch(/saved-Riverside LETS - Committee report - .*\.pdf$/);
    expect(pdfText(savedFile)).toContain('Committee report');
  });
});
