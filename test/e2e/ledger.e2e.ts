import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

describe('bookkeeping: the ledger, recording a trade, the outbox', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startAppUnderTest({ withChain: true });
    await app.page.goto(app.bridge.url);
    await app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
    await app.page.getByRole('button', { name: 'Ledger', exact: true }).click();
  });

  afterAll(async () => {
    await app?.close();
  });

  const tradeRows = () => app.page.locator('.trade-canvas .trade-row').allTextContents();

  it('lists the seed trades newest first with both balances after each', async () => {
    await expect.poll(tradeRows, { timeout: 15_000 }).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dBobCharlie3\.50−1\.503\.50[0-9a-f]{8}…[0-9a-f]{6}$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\dAliceBob2\.00−2\.002\.00[0-9a-f]{8}…[0-9a-f]{6}$/),
    ]);
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'trades' }).textContent()).toBe('2 trades');
    await app.screenshot('ledger-trades');
  });

  it('refuses a trade that would take the payer below the floor, before anything is signed', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Record a trade' }).click();
    await page.getByLabel('Who pays').selectOption({ label: 'Alice (−2.00)' });
    await page.getByLabel('Who is paid').selectOption({ label: 'Bob (−1.50)' });
    await page.getByLabel('Amount (EUR-LETS)').fill('199');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Alice would go below the credit floor of −200.00');
    await app.screenshot('ledger-trade-refused');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('records a trade: review, sign with the demo key, follow it to confirmed, see it in the ledger', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Record a trade' }).click();
    await page.getByLabel('Who pays').selectOption({ label: 'Charlie (3.50)' });
    await page.getByLabel('Who is paid').selectOption({ label: 'Alice (−2.00)' });
    await page.getByLabel('Amount (EUR-LETS)').fill('1,25');
    await page.getByLabel('What for (kept on this computer)').fill('eggs');
    await page.getByRole('button', { name: 'Review' }).click();

    const review = page.getByRole('region', { name: 'Check before signing' });
    await expect.poll(() => review.locator('.tx-headline').textContent()).toBe('Charlie pays Alice 1.25 EUR-LETS for eggs');
    expect(await review.locator('tbody tr').allTextContents()).toEqual(['Charlie3.502.25', 'Alice−2.00−0.75']);
    await app.screenshot('ledger-trade-review');

    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await app.screenshot('ledger-trade-confirmed');
    await page.getByRole('button', { name: 'Close' }).click();

    await expect.poll(tradeRows, { timeout: 15_000 }).toContainEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dCharlieAlice1\.25eggs2\.25−0\.75/));
    await expect
      .poll(() => page.getByRole('region', { name: 'Outbox' }).locator('tbody tr').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Charlie pays Alice 1\.25 EUR-LETS for eggsConfirmed/)]);
    expect(app.unexpectedErrors).toEqual([]);
  });

  it('filters by member', async () => {
    const { page } = app;
    await page.getByRole('form', { name: 'Filter trades' }).getByLabel('Member').selectOption({ label: 'Charlie' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(tradeRows).toHaveLength(2);
    expect((await tradeRows()).every((row) => row.includes('Charlie'))).toBe(true);
  });
});
