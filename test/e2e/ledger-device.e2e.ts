import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedUsb } from '../signers/emulator/emulated-ledger';
import type { ErgoAppEmulator } from '../signers/emulator/ergo-app-emulator';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/**
 * The Ledger path in the UI: the core talks to an emulated Ergo app (real APDUs through ledger-ergo-js) holding the
 * demo seed, so it holds Alice's key. Status bar, "verify on device", and signing a trade after the review showed
 * the session's auth token.
 */
describe('signing on the Ledger from the app', () => {
  let app: AppUnderTest;
  let usb: EmulatedUsb;
  let device: ErgoAppEmulator;

  beforeAll(async () => {
    usb = new EmulatedUsb();
    device = usb.plug({ version: [0, 2, 1] });
    app = await startAppUnderTest({ withChain: true, ledger: usb });
    await app.page.goto(app.bridge.url);
    await app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the Ledger as ready in the status bar, and as unplugged when it is pulled', async () => {
    const status = app.page.getByRole('contentinfo', { name: 'Status' });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Ledger ready: Ergo app 0.2.1');
    usb.unplugAll();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('No Ledger connected');
    device = usb.plug({ version: [0, 2, 1] });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Ledger ready');
  });

  it('shows Alice’s address on the device screen from her member page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Members', exact: true }).click();
    await page.getByRole('button', { name: 'Alice' }).click();
    await page.getByRole('button', { name: 'Verify on Ledger' }).click();
    await page.getByText('The Ledger showed this address.').waitFor({ timeout: 15_000 });
    expect(device.user.shown('show-address')).toHaveLength(1);
    await app.screenshot('ledger-verify-address');
  });

  it('signs a trade on the Ledger after showing the auth token the device will ask about', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Ledger', exact: true }).click();
    await page.getByRole('button', { name: 'Record a trade' }).click();
    await page.getByLabel('Who pays').selectOption({ label: 'Alice (−2.00)' });
    await page.getByLabel('Who is paid').selectOption({ label: 'Charlie (3.50)' });
    await page.getByLabel('Amount (EUR-LETS)').fill('0.40');
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('region', { name: 'Check before signing' });
    await review.getByLabel('Ledger hardware wallet').check();
    await expect.poll(() => review.locator('.tx-device').textContent(), { timeout: 15_000 }).toMatch(/The Ledger will ask to trust "Application 0x[0-9a-f]{8}"/);
    const shown = /Application (0x[0-9a-f]{8})/.exec((await review.locator('.tx-device').textContent()) ?? '')?.[1];
    // What the device will show, in its order: the path, both account boxes (scripts: their P2SH address), the change, the fee.
    await review.getByText('What your Ledger will show').click();
    const screens = await review.getByRole('list', { name: 'Ledger screens' }).locator('.device-label').allTextContents();
    expect(screens).toEqual(['Review transaction', 'Script Hash', 'Amount', 'Token [1]', 'Token [1] Raw Value', 'Script Hash', 'Amount', 'Token [1]', 'Token [1] Raw Value', 'To', 'Amount', 'Fee', 'Sign transaction']);
    await app.screenshot('ledger-device-review');

    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect.poll(() => page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    expect(device.user.shown('sign-transaction')).toHaveLength(1);
    expect(device.user.shown('trust-application').map((p) => p.text)).toContain(shown);
    expect(app.unexpectedErrors).toEqual([]);
  });
});
