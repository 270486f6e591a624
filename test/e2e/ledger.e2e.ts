import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MNEMONIC } from '../../electron/core/devnet/demo-lets';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { inNarrowWindows } from './support/narrow-windows';

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
    // Read from the trade transaction built, not from the form; the memo stays a note of this computer.
    await expect.poll(() => review.locator('.tx-headline').textContent()).toBe('Charlie pays Alice 1.25 EUR-LETS');
    expect(await review.getByText('Note kept on this computer (not on chain): eggs').isVisible()).toBe(true);
    expect(await review.locator('.tx-balances tbody tr').allTextContents()).toEqual(['Charlie3.502.25', 'Alice−2.00−0.75']);
    await review.getByText('Every box it spends and creates').click();
    expect(await review.getByRole('table', { name: 'Creates' }).locator('tbody td:first-child').allTextContents()).toEqual([
      'Charlie’s account at 2.25',
      'Alice’s account at −0.75',
      'the miner fee',
      'change back to Charlie’s wallet',
    ]);
    await app.screenshot('ledger-trade-review');

    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await app.screenshot('ledger-trade-confirmed');
    await page.getByRole('button', { name: 'Close' }).click();

    await expect.poll(tradeRows, { timeout: 15_000 }).toContainEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dCharlieAlice1\.25eggs2\.25−0\.75/));
    // Confirmed, the trade leaves the outbox's open list for its folded history: what needs the treasurer stays on top.
    const outbox = page.getByRole('region', { name: 'Outbox' });
    await expect.poll(() => outbox.getByText('Nothing waiting', { exact: false }).isVisible(), { timeout: 10_000 }).toBe(true);
    const confirmedRow = outbox.locator('tbody tr', { hasText: 'Charlie pays Alice 1.25 EUR-LETS for eggs' });
    expect(await outbox.locator('summary').textContent()).toBe('Confirmed (1): on chain, their history is in the ledger below');
    expect(await confirmedRow.isVisible()).toBe(false);
    await app.screenshot('ledger-outbox-folded');
    await outbox.locator('summary').click();
    await expect.poll(() => confirmedRow.textContent()).toMatch(/^Charlie pays Alice 1\.25 EUR-LETS for eggsConfirmed/);
    expect(await confirmedRow.isVisible()).toBe(true);
    await outbox.locator('summary').click();
    expect(app.unexpectedErrors).toEqual([]);
  });

  it('takes back a trade signed in another wallet from its file, and shows what the signed transaction does before sending it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Record a trade' }).click();
    await page.getByLabel('Who pays').selectOption({ label: 'Bob (−1.50)' });
    await page.getByLabel('Who is paid').selectOption({ label: 'Alice (−0.75)' });
    await page.getByLabel('Amount (EUR-LETS)').fill('0.50');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('region', { name: 'Check before signing' });
    const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export for another wallet' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as EIP12UnsignedTransaction;
    // Bob's own wallet signs it (his key is the demo seed's, as a member's phone wallet would hold it).
    const bobs = SoftwareSigner.fromMnemonic(DEMO_MNEMONIC, { network: 'testnet' });
    const signed = await bobs.sign({ transaction: exported, inputKeyPaths: exported.inputs.map(() => addressKeyPath(0, 2)) });
    const file = join(mkdtempSync(join(tmpdir(), 'lets-signed-')), 'signed.json');
    writeFileSync(file, JSON.stringify(signed));
    await review.getByLabel('Import signed file').setInputFiles(file);

    const imported = page.getByRole('region', { name: 'Signed elsewhere: check before sending' });
    await expect.poll(() => imported.locator('.tx-headline').textContent()).toBe('Bob pays Alice 0.50 EUR-LETS');
    expect(await imported.locator('.tx-balances tbody tr').allTextContents()).toEqual(['Bob−1.50−2.00', 'Alice−0.75−0.25']);
    await app.screenshot('ledger-import-review');
    await imported.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await page.getByRole('button', { name: 'Close' }).click();
    expect(app.unexpectedErrors).toEqual([]);
  });

  it('records a trade by keyboard alone: the form opens ready to type, Escape closes it, Cancel leaves the screen ready for the next', async () => {
    const { page } = app;
    const focused = () => page.evaluate(() => (document.activeElement?.closest('label') ?? document.activeElement)?.textContent?.trim() ?? '');
    const record = page.getByRole('button', { name: 'Record a trade' });
    await record.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^Who pays/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('form', { name: 'Record a trade' }).count()).toBe(0);
    await expect.poll(focused).toBe('Record a trade');

    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^Who pays/);
    await page.keyboard.type('Charlie');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bob');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0.10');
    await page.keyboard.press('Tab');
    await page.keyboard.type('by keyboard');
    await page.keyboard.press('Enter');
    const review = page.getByRole('region', { name: 'Check before signing' });
    await expect.poll(() => review.locator('.tx-headline').textContent()).toMatch(/^Charlie pays Bob 0\.10 EUR-LETS/);
    await review.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Cancelled. Nothing was signed or sent.' }).count()).toBe(1);
    expect(await review.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
    await expect.poll(focused).toBe('Record a trade');
    expect(app.unexpectedErrors).toEqual([]);
  });

  it('stays usable in narrow windows: at 1024×700 and 800×600 the trades keep their payer and payee', async () => {
    const { page } = app;
    await inNarrowWindows(page, async (width, height) => {
      const firstRow = page.locator('.trade-canvas .trade-row').first();
      await expect.poll(() => firstRow.locator('[role=cell]').nth(1).isVisible()).toBe(true);
      for (const column of [1, 2]) {
        const box = await firstRow.locator('[role=cell]').nth(column).boundingBox();
        // Wide enough to read a name, and inside the window.
        expect(box?.width).toBeGreaterThan(90);
        expect((box?.x ?? width) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
      }
      expect(await page.getByRole('button', { name: 'Record a trade' }).isVisible()).toBe(true);
      await app.screenshot(`ledger-${width}x${height}`);
    });
  });

  it('filters by member', async () => {
    const { page } = app;
    await page.getByRole('form', { name: 'Filter trades' }).getByLabel('Member').selectOption({ label: 'Charlie' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(tradeRows).toHaveLength(2);
    expect((await tradeRows()).every((row) => row.includes('Charlie'))).toBe(true);
  });
});
