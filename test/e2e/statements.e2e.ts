import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberSummary } from '../../electron/core/api/types';
import { formatAmount } from '../../electron/core/lets/amount';
import { accountBalances, memberHistory } from '../../electron/core/mirror/queries/ledger';
import { seriousAccessibilityViolations } from './support/accessibility';
import { RESULTS_DIR, type AppUnderTest } from './support/app-under-test';
import { keepFirstPagePng, pdfInfo, pdfText } from './support/pdf-files';
import { PER_MEMBER_DIR, startDemoAppPrinting } from './support/pdf-stand-in';

/** The totals row at the foot of the trade table: received, paid, closing balance. */
function closingRow(text: string): { received?: string; paid?: string; closing?: string } {
  const [, received, paid, closing] = /Closing balance \(totals of the period\)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(text) ?? [];
  return { received, paid, closing };
}

const sumOf = (entries: { delta: bigint }[], sign: 1n | -1n) => formatAmount(entries.reduce((total, e) => (e.delta * sign > 0n ? total + e.delta * sign : total), 0n));

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFromToday = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

describe('printable member statements', () => {
  let app: AppUnderTest;
  let members: MemberSummary[];

  beforeAll(async () => {
    ({ app, members } = await startDemoAppPrinting());

    const { page } = app;
    await page.getByRole('button', { name: 'Statements' }).click();
    // The demo LETS was founded when the app started: a week back to tomorrow covers all of it in any time zone.
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From').fill(daysFromToday(-7));
    await page.getByLabel('To (inclusive)').fill(daysFromToday(1));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('prints Alice’s statement to PDF with the balances, trades and transaction ids of the mirror', async () => {
    const { page, core } = app;
    const alice = members.find((m) => m.name === 'Alice') as MemberSummary;
    await page.getByLabel('Member').selectOption({ label: 'Alice' });
    await page.getByLabel('Paper').selectOption('A4');
    const document = page.getByRole('article', { name: 'Statement for Alice' });
    await expect.poll(() => document.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    // The demo chain exists only on this computer: nothing for a QR code to open, so none is printed.
    await expect.poll(() => document.getByText(/so no QR code is printed/).isVisible()).toBe(true);
    expect(await document.getByRole('img', { name: /QR code/ }).count()).toBe(0);
    await app.screenshot('statements-alice');

    // As Electron's printToPDF is called: the stylesheet's @page size wins over the size asked for.
    const file = join(RESULTS_DIR, 'statement-alice.pdf');
    await page.pdf({ path: file, format: 'Letter', preferCSSPageSize: true, printBackground: true });
    keepFirstPagePng(file);
    const text = pdfText(file);

    const history = memberHistory(core.db, alice.letsId, alice.ownerKey);
    const trades = history.filter((e) => e.kind === 'trade');
    const closing = accountBalances(core.db, alice.letsId).find((b) => b.memberKey === alice.ownerKey);
    expect(trades.length).toBeGreaterThan(0);
    expect(text).toContain('Riverside LETS');
    expect(text).toContain('Unit: EUR-LETS');
    expect(text).toMatch(/Member\s+Alice/);
    expect(text).toMatch(/Opening balance\s+0\.00/);
    for (const trade of trades) {
      const row = text.split('\n').find((line) => line.includes(trade.transactionId.slice(0, 12)));
      expect(row).toMatch(/Bob|Charlie/);
      expect(row).toContain(formatAmount(trade.delta < 0n ? -trade.delta : trade.delta));
      expect(row?.trim().endsWith(formatAmount(trade.balanceAfter))).toBe(true);
    }
    expect(closingRow(text)).toEqual({ received: sumOf(trades, 1n), paid: sumOf(trades, -1n), closing: formatAmount(closing?.balance ?? 0n) });
    // The chain line in the LETS's unit, as the rest of the page, with the register's own figure beside it.
    expect(text.replace(/\s+/g, ' ')).toContain(`balance ${formatAmount(closing?.balance ?? 0n)} EUR-LETS (register R5 = ${closing?.balance}) at height`);
    expect(text).toContain('Generated');
    expect(pdfInfo(file)).toMatchObject({ pages: 1, size: expect.stringMatching(/ pts \(A4\)$/) });

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const saved = await page.getByRole('status').getByText(/^Saved .*\.pdf$/).textContent();
    const savedFile = (saved ?? '').replace(/^Saved /, '');
    expect(savedFile).toMatch(/saved-Riverside LETS - Alice - .*\.pdf$/);
    expect(pdfText(savedFile)).toBe(text);
  });

  it('follows the paper choice, US Letter, and remembers it as the treasurer’s setting', async () => {
    const { page, core } = app;
    await page.getByLabel('Paper').selectOption('Letter');
    const file = join(RESULTS_DIR, 'statement-alice-letter.pdf');
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfInfo(file).size).toMatch(/^612 x 792 pts \(letter\)/);
    await expect.poll(async () => (await core.handlers['settings.get']({})).settings.paperSize).toBe('Letter');
    // Another screen and back: the statements open on the paper last chosen.
    await page.getByRole('button', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Statements' }).click();
    await expect.poll(() => page.getByLabel('Paper').inputValue()).toBe('Letter');
    await page.getByLabel('Paper').selectOption('A4');
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From').fill(daysFromToday(-7));
    await page.getByLabel('To (inclusive)').fill(daysFromToday(1));
    await expect.poll(async () => (await core.handlers['settings.get']({})).settings.paperSize).toBe('A4');
  });

  it('prints all three demo members into one PDF, one member per page', async () => {
    const { page } = app;
    await page.getByLabel('Member').selectOption('all');
    await expect.poll(() => page.getByRole('article').count(), { timeout: 15_000 }).toBe(3);
    await app.screenshot('statements-batch');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const file = join(RESULTS_DIR, 'statement-batch.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    keepFirstPagePng(file);
    expect(pdfInfo(file).pages).toBe(3);
    const balances = new Map(accountBalances(app.core.db, members[0]?.letsId ?? 0).map((b) => [b.memberKey, b.balance]));
    ['Alice', 'Bob', 'Charlie'].forEach((name, index) => {
      const member = members.find((m) => m.name === name) as MemberSummary;
      const text = pdfText(file, index + 1);
      expect(text).toMatch(new RegExp(`Member\\s+${name}`));
      expect(closingRow(text).closing).toBe(formatAmount(balances.get(member.ownerKey) ?? 0n));
    });
  });

  it('saves one PDF per member into the chosen folder, each holding only that member', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'One PDF per member…' }).click();
    await page.getByRole('status').getByText(/^Saved 3 statements in /).waitFor({ timeout: 30_000 });
    const files = readdirSync(PER_MEMBER_DIR).sort();
    expect(files).toHaveLength(3);
    ['Alice', 'Bob', 'Charlie'].forEach((name, index) => {
      const file = join(PER_MEMBER_DIR, files[index] as string);
      expect(files[index]).toMatch(new RegExp(`^Riverside LETS - ${name} - \\d{4}-\\d{2}-\\d{2} to \\d{4}-\\d{2}-\\d{2}\\.pdf$`));
      expect(pdfInfo(file).pages).toBe(1);
      expect(pdfText(file).match(/^Member\s+(\S+)/m)?.[1]).toBe(name);
    });
    // Afterwards the preview shows every member again.
    expect(await page.getByRole('article').count()).toBe(3);
    await app.screenshot('statements-per-member-saved');
  });

  it('logged no unexpected errors in the core', () => {
    expect(app.unexpectedErrors).toEqual([]);
  });
});
