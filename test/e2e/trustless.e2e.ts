import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetsSummary, MemberSummary } from '../../electron/core/api/types';
import { listLets } from '../../electron/core/mirror/queries/lets';
import { listMembers } from '../../electron/core/mirror/queries/members';
import { seriousAccessibilityViolations } from './support/accessibility';
import { RESULTS_DIR, startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { keepFirstPagePng, pdfText } from './support/pdf-files';

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFromToday = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

describe('following the trustless demo LETS read-only', () => {
  let app: AppUnderTest;
  let hilltop: LetsSummary;
  let members: MemberSummary[];

  beforeAll(async () => {
    app = await startAppUnderTest({ withChain: true });
    await app.page.goto(app.bridge.url);
    await app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
    hilltop = listLets(app.core.db).find((l) => l.model === 'trustless') as LetsSummary;
    members = listMembers(app.core.db, { letsId: hilltop.id });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the members of the chosen trustless LETS with their collateral and unlock heights', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Members' }).click();
    await page.getByLabel('LETS').selectOption({ label: 'Hilltop Time Bank (trustless, followed read-only)' });
    const table = page.getByRole('table', { name: /Members/ });
    // Dana, Emil and Farah, whom the observer named, and the demo's stranger who joined without telling anyone.
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => table.getByRole('columnheader', { name: 'Collateral' }).isVisible()).toBe(true);
    for (const [name, collateral] of [['Dana', '2 ERG'], ['Emil', '1 ERG'], ['Farah', '1.5 ERG']] as const) {
      const member = members.find((m) => m.name === name);
      const row = table.getByRole('row').filter({ hasText: name });
      await expect.poll(() => row.textContent()).toContain(collateral);
      expect(await row.textContent()).toContain(String(member?.collateral?.unlockHeight));
    }
    expect(await page.getByText('this app follows it read-only').isVisible()).toBe(true);
    await app.screenshot('trustless-members');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await table.getByRole('button', { name: 'Emil' }).click();
    await page.getByText('1 ERG (backs a debt of up to 10.00)').waitFor({ timeout: 15_000 });
    expect(await page.getByText('joined on chain (trades from their own wallet)').isVisible()).toBe(true);
    expect(await page.getByText('11.50 (floor −10.00, set by the collateral)').isVisible()).toBe(true);
    await app.screenshot('trustless-member-detail');
    await page.getByRole('button', { name: '← All members' }).click();
  });

  it('lists the account of a member who joined without telling anyone as “Member” and its key, until it is named', async () => {
    const { page } = app;
    const stranger = members.find((m) => !m.named) as MemberSummary;
    expect(stranger.name).toBe(`Member ${stranger.ownerKey.slice(0, 8)}`);
    expect(stranger.name).toMatch(/^Member 0[23][0-9a-f]{6}$/);
    const table = page.getByRole('table', { name: /Members/ });
    const placeholder = table.getByRole('button', { name: stranger.name });
    await placeholder.waitFor({ timeout: 15_000 });
    expect(await placeholder.getAttribute('aria-describedby')).toBe('unnamed-members-hint');
    expect(await page.locator('#unnamed-members-hint').textContent()).toContain('no name on this computer yet');
    expect(await table.getByRole('button', { name: 'Emil' }).getAttribute('aria-describedby')).toBeNull();
    expect(await table.getByRole('row').filter({ hasText: stranger.name }).textContent()).toContain('0.00');

    await placeholder.click();
    await page.getByRole('heading', { name: stranger.name }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('joined on chain (trades from their own wallet)').isVisible()).toBe(true);
    expect(await page.getByText('opened on chain without a name on this computer').isVisible()).toBe(true);
    await app.screenshot('trustless-unnamed-member');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Gus');
    await page.getByRole('textbox', { name: 'Contact', exact: true }).fill('met at the market');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this computer.' }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Gus' }).waitFor();
    expect(await page.getByText('opened on chain without a name on this computer').count()).toBe(0);
    await page.getByRole('button', { name: '← All members' }).click();

    await table.getByRole('button', { name: 'Gus' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#unnamed-members-hint').count()).toBe(0);
    expect(await table.getByRole('row').count()).toBe(5);
    expect(listMembers(app.core.db, { letsId: hilltop.id }).find((m) => m.id === stranger.id)).toMatchObject({ name: 'Gus', named: true, contact: 'met at the market' });
  });

  it('offers no trade recording for it on the Ledger screen, and says why', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Ledger' }).click();
    await page.getByRole('heading', { name: 'Trades in Hilltop Time Bank' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('Members of a trustless LETS trade from their own wallets; this app follows it read-only.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Record a trade' }).count()).toBe(0);
  });

  it('prints Emil’s statement to PDF with the trades, the collateral and its unlock height', async () => {
    const { page } = app;
    const emil = members.find((m) => m.name === 'Emil') as MemberSummary;
    await page.getByRole('button', { name: 'Statements' }).click();
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From').fill(daysFromToday(-7));
    await page.getByLabel('To (inclusive)').fill(daysFromToday(1));
    // Each statement on screen is labelled with its member's name, and an unnamed member's name starts with "Member".
    await page.getByRole('combobox', { name: /^Member/ }).selectOption({ label: 'Emil' });
    const document = page.getByRole('article', { name: 'Statement for Emil' });
    await expect.poll(() => document.isVisible(), { timeout: 15_000 }).toBe(true);
    await app.screenshot('trustless-statement');

    const file = join(RESULTS_DIR, 'statement-trustless-emil.pdf');
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
    keepFirstPagePng(file);
    const text = pdfText(file);
    expect(text).toContain('Hilltop Time Bank');
    expect(text).toContain('Unit: hours');
    expect(text).toMatch(/Member\s+Emil/);
    expect(text).toMatch(/Joined the LETS/);
    expect(text.split('\n').find((line) => line.includes('Dana'))).toMatch(/3\.00\s+3\.00$/);
    expect(text.split('\n').find((line) => line.includes('Farah'))).toMatch(/1\.50\s+1\.50$/);
    expect(text).toMatch(/Closing balance \(totals of the period\)\s+3\.00\s+1\.50\s+1\.50/);
    expect(text).toMatch(/Collateral locked\s+1 ERG/);
    expect(text).toMatch(/Backs a debt of up to\s+10\.00/);
    expect(text).toMatch(new RegExp(`Collateral unlocks at block\\s+${emil.collateral?.unlockHeight}`));
    // Emil's collateral backs 10.00 hours of debt, less than the floor of −20.00: from 1.50 he can spend 11.50.
    expect(text).toMatch(/Can still spend\s+11\.50/);
  });

  it('logged no unexpected errors in the core', () => {
    expect(app.unexpectedErrors).toEqual([]);
  });
});
