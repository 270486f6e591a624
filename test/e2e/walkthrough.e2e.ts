import { Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../../electron/core/lets/amount';
import { accountBalances, memberHistory } from '../../electron/core/mirror/queries/ledger';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { seriousAccessibilityViolations } from './support/accessibility';
import { RESULTS_DIR, startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { keepFirstPagePng, pdfText } from './support/pdf-files';
import { standInForMainPdf } from './support/pdf-stand-in';

const DORAS_WALLET = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFromToday = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

/**
 * Issue 6's walk, end to end in Chromium on the real core: start on the devnet → dashboard → enrol a member →
 * record a trade (software signer) → balances after confirmation → that member's statement as PDF, whose text must
 * match the mirror. Screenshots of every step go to test-results/walk-*.png.
 */
describe('a treasurer’s first evening with the app', () => {
  let app: AppUnderTest;
  let doraKey: string;

  beforeAll(async () => {
    app = await startAppUnderTest({ withChain: true });
    await standInForMainPdf(app);
    await app.page.goto(app.bridge.url);
    doraKey = hex.encode(await SoftwareSigner.fromMnemonic(DORAS_WALLET, { network: 'testnet' }).publicKey(addressKeyPath(0, 0)));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('1. starts on the demo chain and shows the dashboard once synced', async () => {
    const { page } = app;
    await page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('heading', { name: 'Riverside LETS' }).isVisible()).toBe(true);
    await app.screenshot('walk-1-dashboard');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('2. enrols Dora from her wallet address, signed by the committee', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Enrolment' }).click();
    await page.getByLabel('Name').fill('Dora');
    await page.getByLabel('Public key or wallet address').fill(ErgoAddress.fromPublicKey(doraKey).encode(Network.Testnet));
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('button', { name: 'Enrol 1 member' }).click();
    await page.getByRole('region', { name: 'Check before signing' }).getByRole('button', { name: 'Sign and send' }).click();
    await page.getByText('1 enrolment sent').waitFor();
    await app.screenshot('walk-2-enrolment-sent');

    await page.getByRole('button', { name: 'Members', exact: true }).click();
    await expect.poll(() => page.getByRole('row', { name: /^Dora/ }).textContent(), { timeout: 40_000 }).toContain('0.00');
    await app.screenshot('walk-2-dora-enrolled');
  });

  it('3. records that Alice pays Dora 5.00 for bread, and sees both balances after confirmation', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Ledger', exact: true }).click();
    await page.getByRole('button', { name: 'Record a trade' }).click();
    await page.getByLabel('Who pays').selectOption({ label: 'Alice (−2.00)' });
    await page.getByLabel('Who is paid').selectOption({ label: 'Dora (0.00)' });
    await page.getByLabel('Amount (EUR-LETS)').fill('5');
    await page.getByLabel('What for (kept on this computer)').fill('bread');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('region', { name: 'Check before signing' });
    await expect.poll(() => review.locator('.tx-balances tbody tr').allTextContents()).toEqual(['Alice−2.00−7.00', 'Dora0.005.00']);
    await app.screenshot('walk-3-trade-review');
    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await app.screenshot('walk-3-trade-confirmed');

    await page.getByRole('button', { name: 'Members', exact: true }).click();
    await expect.poll(() => page.getByRole('row', { name: /^Dora/ }).textContent(), { timeout: 15_000 }).toContain('5.00');
    expect(await page.getByRole('row', { name: /^Alice/ }).textContent()).toContain('−7.00');
    await app.screenshot('walk-3-balances');
  });

  it('4. prints Dora’s statement to PDF, and its text matches the mirror', async () => {
    const { page, core } = app;
    await page.getByRole('button', { name: 'Statements' }).click();
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From').fill(daysFromToday(-7));
    await page.getByLabel('To (inclusive)').fill(daysFromToday(1));
    await page.getByLabel('Member').selectOption({ label: 'Dora' });
    await expect.poll(() => page.getByRole('article', { name: 'Statement for Dora' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await app.screenshot('walk-4-statement');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const saved = ((await page.getByRole('status').getByText(/^Saved .*\.pdf$/).textContent()) ?? '').replace(/^Saved /, '');
    expect(saved.startsWith(RESULTS_DIR)).toBe(true);
    keepFirstPagePng(saved);
    const text = pdfText(saved);

    const letsId = 1;
    const [trade] = memberHistory(core.db, letsId, doraKey).filter((entry) => entry.kind === 'trade');
    const closing = accountBalances(core.db, letsId).find((b) => b.memberKey === doraKey)?.balance;
    expect(closing).toBe(5_00n);
    expect(text).toMatch(/Member\s+Dora/);
    expect(text).toMatch(/Opening balance\s+0\.00/);
    const row = text.split('\n').find((line) => line.includes(trade?.transactionId.slice(0, 12) ?? '?'));
    expect(row).toMatch(/Alice\s+bread\s+[0-9a-f]{12}\s+5\.00\s+5\.00$/);
    // The chain line in the LETS's unit as the rest of the page, the register's own figure beside it.
    expect(text.replace(/\s+/g, ' ')).toContain(`balance ${formatAmount(closing ?? 0n)} EUR-LETS (register R5 = ${closing}) at height`);
    expect(text).toMatch(new RegExp(`Closing balance \\(totals of the period\\)\\s+5\\.00\\s+0\\.00\\s+${formatAmount(closing ?? 0n).replace('.', '\\.')}`));
    expect(saved).toMatch(/Dora/);
    expect(app.unexpectedErrors).toEqual([]);
  });
});
