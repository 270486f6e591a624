import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberSummary } from '../../electron/core/api/types';
import { seriousAccessibilityViolations } from './support/accessibility';
import { startDemoAppShown, type AppUnderTest } from './support/app-under-test';

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Issue 15, end to end in Chromium on the demo chain: the committee's work on members' accounts. */
describe('a member’s account, from leaving to corrections', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startDemoAppShown();
  });

  afterAll(async () => {
    await app?.close();
  });

  const members = () => app.core.handlers['members.list']({ search: '', letsId: null, sort: 'name', direction: 'asc' });
  const memberNamed = async (name: string) => (await members()).find((m) => m.name === name) as MemberSummary;

  async function openMember(name: string) {
    const { page } = app;
    await page.getByRole('button', { name: 'Members' }).click();
    await page.getByRole('button', { name: name, exact: true }).click();
    return page.getByRole('region', { name: 'Leaving the LETS' });
  }

  /** A trade recorded and signed with the demo key through the core, as the ledger screen does; its transaction id. */
  async function recordTrade(payer: string, payee: string, amount: string, description = ''): Promise<string> {
    const core = app.core.handlers;
    const prepared = await core['trades.prepare']({ letsId: (await memberNamed(payer)).letsId, payerId: (await memberNamed(payer)).id, payeeId: (await memberNamed(payee)).id, amount, description });
    await core['outbox.sign']({ transactionId: prepared.transactionId, signer: 'demo-key' });
    await expect.poll(async () => (await core['outbox.list']({})).find((e) => e.transactionId === prepared.transactionId)?.state, { timeout: 40_000 }).toBe('confirmed');
    return prepared.transactionId;
  }

  it('says how much a member must settle before leaving, and with whom, and offers no closing', async () => {
    const leaving = await openMember('Bob');
    await expect
      .poll(() => leaving.getByRole('note').textContent())
      .toBe(
        'Bob’s balance is −1.50 EUR-LETS: an account is closed only at 0.00. Bob must first earn 1.50 EUR-LETS in trades: Charlie (3.50), in credit, could pay Bob for something. Then close the account.',
      );
    expect(await leaving.getByRole('button').count()).toBe(0);
    await app.screenshot('closing-refused');
    await app.page.getByRole('button', { name: '← All members' }).click();
  });

  it('closes the account at 0.00 with the committee’s signature; the member is listed as left on that day', async () => {
    const { page } = app;
    await recordTrade('Charlie', 'Bob', '1.50');
    const leaving = await openMember('Bob');
    await leaving.getByRole('button', { name: 'Close Bob’s account…' }).click();
    const review = page.getByRole('region', { name: 'Check before signing' });
    await expect.poll(() => review.locator('.tx-headline').textContent()).toMatch(/^The committee closes Bob’s account/);
    expect(await review.locator('.tx-balances tbody tr').allTextContents()).toEqual(['Bob0.00account closed']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot('closing-review');
    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await page.getByRole('button', { name: 'Close' }).click();

    const today = localDate(new Date());
    await expect.poll(() => page.locator('.facts').textContent(), { timeout: 10_000 }).toContain(`account closed, left on ${today}`);
    expect(await page.getByRole('region', { name: 'Leaving the LETS' }).count()).toBe(0);
    // The history stays, with the closing on top.
    expect(await page.locator('.history-table tbody tr').first().textContent()).toContain('Account closed');
    await app.screenshot('closing-done');
    await page.getByRole('button', { name: '← All members' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Bob' }).textContent()).toContain(`left on ${today}`);

    await page.getByRole('button', { name: 'Statements' }).click();
    await page.getByLabel('Member').selectOption({ label: 'Bob' });
    const statement = page.getByRole('article', { name: 'Statement for Bob' });
    await expect.poll(() => statement.textContent(), { timeout: 15_000 }).toContain(`Left the LETSon ${today}: the account is closed`);
    expect(app.unexpectedErrors).toEqual([]);
  });

  it('reverses a mistaken trade by the counter-trade, and both statements show the two linked', async () => {
    const { page } = app;
    const core = app.core.handlers;
    const mistaken = await recordTrade('Alice', 'Charlie', '0.40', 'apples');
    const original = mistaken.slice(0, 12);

    await openMember('Alice');
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: `Reverse trade ${mistaken.slice(0, 8)}…${mistaken.slice(-6)}` }).click();
    const review = page.getByRole('region', { name: 'Check before signing' });
    await expect.poll(() => review.locator('.tx-headline').textContent()).toBe('Charlie pays Alice 0.40 EUR-LETS');
    expect(await page.getByRole('region', { name: 'Reverse a trade' }).textContent()).toContain('Charlie signs.');
    await app.screenshot('reversal-review');
    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    const reversal = (await core['outbox.list']({})).find((e) => e.description.endsWith(`back (reverses ${original})`));
    if (!reversal) throw new Error('the reversal is not in the outbox');
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.first().textContent(), { timeout: 10_000 }).toContain(`reverses ${original}`);
    expect(await rows.nth(1).textContent()).toContain(`apples · reversed by ${reversal.transactionId.slice(0, 12)}`);
    // Neither the reversed trade nor its reversal is offered for reversing again.
    expect(await rows.nth(0).getByRole('button').count()).toBe(0);
    expect(await rows.nth(1).getByRole('button').count()).toBe(0);
    await app.screenshot('reversal-linked');

    await page.getByRole('button', { name: 'Statements' }).click();
    for (const name of ['Alice', 'Charlie']) {
      await page.getByLabel('Member').selectOption({ label: name });
      const statement = page.getByRole('article', { name: `Statement for ${name}` });
      await expect.poll(() => statement.textContent(), { timeout: 15_000 }).toContain(`reverses ${original}`);
      expect(await statement.textContent()).toContain(`apples · reversed by ${reversal.transactionId.slice(0, 12)}`);
    }
    await app.screenshot('reversal-statement');
    expect(app.unexpectedErrors).toEqual([]);
  });
});
