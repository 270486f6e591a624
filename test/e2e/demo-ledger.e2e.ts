import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

describe('first start on the embedded devnet', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startAppUnderTest({ withChain: true });
    await app.page.goto(app.bridge.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the demo LETS with its trial balance once the mirror has synced', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), { timeout: 30_000 }).toMatch(/Up to date at block \d+/);
    await page.getByRole('button', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Riverside LETS' }).isVisible()).toBe(true);
    const facts = await page.locator('.facts').first().textContent();
    expect(facts).toContain('EUR-LETS');
    expect(facts).toContain('−200.00');
    expect(facts).toContain('Members3');
    expect(facts).toContain('Trial balance0.00');
    await app.screenshot('demo-dashboard');
  });

  it('lists Alice, Bob and Charlie with the balances of the seed story, read from chain', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Members' }).click();
    await expect.poll(() => page.locator('tbody tr').allTextContents()).toEqual([
      // name, contact, balance, date of the last trade
      expect.stringMatching(/^Alicealice@riverside\.example−2\.00\d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^Bobbob@riverside\.example−1\.50\d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^Charliecharlie@riverside\.example3\.50\d{4}-\d{2}-\d{2}$/),
    ]);
    await app.screenshot('demo-members');
  });
});
