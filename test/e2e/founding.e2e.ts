import { ErgoAddress } from '@fleet-sdk/core';
import { base58, hex } from '@fleet-sdk/crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { EmulatedUsb } from '../signers/emulator/emulated-ledger';
import { TEST_MNEMONIC, type ErgoAppEmulator } from '../signers/emulator/ergo-app-emulator';
import { seriousAccessibilityViolations } from './support/accessibility';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { serveAsTestnetNode, type TestnetNode } from './support/testnet-node';

/**
 * Issue 14, end to end in Chromium: on an empty chain served as a testnet node, a treasurer founds a committee LETS and
 * a trustless LETS with the (emulated) Ledger through the wizard (plan → rules → key → funding → both genesis
 * transactions reviewed and signed → followed → dashboard); then a second app, with its own database, follows the
 * committee LETS from its link and shows the same members and balances.
 */
describe('founding a LETS and following it from another computer', () => {
  let chain: DevnetChain;
  let node: TestnetNode;
  let usb: EmulatedUsb;
  let device: ErgoAppEmulator;
  let app: AppUnderTest;
  let link = '';
  const keyOf = (index: number) => SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'testnet' }).publicKey(addressKeyPath(0, index)).then(hex.encode);

  beforeAll(async () => {
    chain = new DevnetChain();
    chain.mineMany(5);
    node = await serveAsTestnetNode(chain);
    usb = new EmulatedUsb();
    device = usb.plug({ version: [0, 2, 1] });
    app = await startAppUnderTest({ node: { url: node.url, network: 'testnet' }, ledger: usb });
    await app.page.goto(app.bridge.url);
  });

  afterAll(async () => {
    await app?.close();
    await node?.close();
  });

  /** The wizard from its first step to the dashboard, for either model. */
  async function found(page: Page, choice: { model: 'Committee LETS' | 'Trustless LETS'; name: string; unit: string; account: string; index: string }) {
    await page.getByRole('radio', { name: new RegExp(`^${choice.model}`) }).check();
    await page.getByLabel('Name').fill(choice.name);
    await page.getByLabel('Unit', { exact: true }).fill(choice.unit);
    await page.getByLabel('Member capacity').fill('100');
    await page.getByRole('button', { name: 'Next: what the chain will enforce' }).click();
    const rules = page.getByRole('region', { name: `What the chain will enforce for ${choice.name}` });
    await rules.getByText('Enforced by the chain').waitFor();
    expect(await rules.textContent()).toContain('Founding costs 0.0032 ERG');
    await page.getByRole('button', { name: 'Next: the founding key' }).click();
    await page.getByLabel('Ledger hardware wallet').check();
    await page.getByLabel('Account').fill(choice.account);
    await page.getByLabel('Address index').fill(choice.index);
    await page.getByRole('button', { name: 'Use this key' }).click();

    const funding = page.getByRole('region', { name: 'Fund the founding address' });
    const address = (await funding.getByTestId('founding-address').textContent()) ?? '';
    expect(address).toMatch(/^3/);
    await funding.getByRole('button', { name: 'Verify on Ledger' }).click();
    await funding.getByText('The Ledger showed this address.').waitFor({ timeout: 15_000 });
    // The device shows the address's bytes as it derives them: the same bytes the app wrote as text.
    expect(device.user.shown('show-address').at(-1)?.text).toBe(hex.encode(base58.decode(address)));
    expect(await funding.getByRole('button', { name: 'Build the genesis transactions' }).isDisabled()).toBe(true);
    await funding.getByText(/holds 0 ERG of the 0.0032 ERG needed/).waitFor({ timeout: 15_000 });
    await app.screenshot(`founding-${choice.model.split(' ')[0]?.toLowerCase()}-funding`);

    // Someone pays the founding address from their own wallet.
    await chain.faucet([{ ergoTree: ErgoAddress.fromBase58(address).ergoTree, value: 100_000_000n }]);
    await funding.getByText(/enough to found the LETS/).waitFor({ timeout: 20_000 });
    await funding.getByRole('button', { name: 'Build the genesis transactions' }).click();

    for (const step of ['1 of 2', '2 of 2']) {
      await page.getByText(`Genesis transaction ${step.replace(' of 2', '')} of 2`).waitFor({ timeout: 20_000 });
      const review = page.getByRole('region', { name: 'Check before signing' });
      // Read from each genesis transaction itself: the mint of capacity + 1 tokens, then the LETS's box receiving them.
      expect(await review.locator('.tx-headline').textContent()).toBe(
        step === '1 of 2'
          ? `Founding ${choice.name}: 101 membership tokens are minted`
          : `Founding ${choice.name}: its ${choice.model === 'Committee LETS' ? 'management box' : 'public token box'} receives the LETS id and 101 membership tokens`,
      );
      expect(await review.getByRole('alert').count()).toBe(0);
      await review.getByLabel('Ledger hardware wallet').check();
      await expect.poll(() => review.locator('.tx-device').textContent(), { timeout: 15_000 }).toMatch(/Application 0x[0-9a-f]{8}/);
      await review.getByRole('button', { name: 'Sign and send' }).click();
    }
    const founded = page.getByRole('region', { name: `${choice.name} is founded` });
    await founded.waitFor({ timeout: 60_000 });
    link = (await founded.getByTestId('lets-link').textContent()) ?? '';
    expect(link).toMatch(/^ergo-lets:testnet\/[0-9a-f]{64}@\d+$/);
    await app.screenshot(`founding-${choice.model.split(' ')[0]?.toLowerCase()}-done`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await founded.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.getByRole('heading', { name: choice.name }).waitFor();
  }

  it('offers the three ways in on an empty chain, and shows the network', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Welcome: how would you like to start?' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.network-badge').textContent()).toContain('Testnet');
    expect(await page.getByRole('note', { name: 'Demo chain' }).count()).toBe(0);
    await app.screenshot('founding-welcome');
    await page.getByRole('button', { name: 'Found a new LETS' }).click();
  });

  it('founds a committee LETS with the Ledger key at a chosen path, and follows it', async () => {
    const { page } = app;
    await found(page, { model: 'Committee LETS', name: 'Harbour LETS', unit: 'EUR-LETS', account: '1', index: '4' });
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Harbour LETS' }) });
    await card.getByText('Your Ledger holds the committee key.').waitFor({ timeout: 20_000 });
    expect(device.user.shown('sign-transaction').length).toBeGreaterThanOrEqual(2);
    await app.screenshot('founding-committee-dashboard');
  });

  it('founds a trustless LETS the same way', async () => {
    const { page } = app;
    const committeeLink = link;
    await page.getByRole('button', { name: 'Found a LETS', exact: true }).click();
    await found(page, { model: 'Trustless LETS', name: 'Harbour Time Bank', unit: 'hours', account: '0', index: '9' });
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Harbour Time Bank' }) })
      .getByText('Followed read-only: members join and pay from their own wallets.')
      .waitFor();
    link = committeeLink;
  });

  it('is followed by a second computer from its link, with the same members and balances', async () => {
    const core = app.core.handlers;
    // The committee enrols two members whose keys the same Ledger holds, and one pays the other.
    const lets = (await core['lets.list']({})).find((l) => l.name === 'Harbour LETS');
    const letsId = lets?.id ?? 0;
    for (const [name, index] of [['Ann', 20], ['Ben', 21]] as const) {
      const { id } = await core['members.add']({ letsId, name, contact: '', notes: '', key: await keyOf(index) });
      const enrolment = await core['enrolment.prepare']({ letsId, memberId: id });
      await core['outbox.sign']({ transactionId: enrolment.transactionId, signer: 'ledger' });
      await expect.poll(async () => (await core['outbox.list']({})).find((e) => e.transactionId === enrolment.transactionId)?.state, { timeout: 30_000 }).toBe('confirmed');
    }
    const members = await core['members.list']({ search: '', letsId, sort: 'name', direction: 'asc' });
    const ids = Object.fromEntries(members.map((m) => [m.name, m.id]));
    // Ann pays the network fee from her own wallet.
    await chain.faucet([{ ergoTree: ErgoAddress.fromPublicKey(await keyOf(20)).ergoTree, value: 50_000_000n }]);
    await expect.poll(() => chain.mempool().then((waiting) => waiting.length), { timeout: 10_000 }).toBe(0);
    const trade = await core['trades.prepare']({ letsId, payerId: ids['Ann'] ?? 0, payeeId: ids['Ben'] ?? 0, amount: '12.50', description: 'bread' });
    await core['outbox.sign']({ transactionId: trade.transactionId, signer: 'ledger' });
    await expect.poll(async () => (await core['outbox.list']({})).find((e) => e.transactionId === trade.transactionId)?.state, { timeout: 30_000 }).toBe('confirmed');

    const other = await startAppUnderTest({ node: { url: node.url, network: 'testnet' } });
    try {
      const { page } = other;
      await page.goto(other.bridge.url);
      await page.getByRole('button', { name: 'Follow an existing LETS' }).click();
      await page.getByLabel('LETS link or id').fill(link);
      await page.getByRole('button', { name: 'Look it up' }).click();
      const preview = page.getByRole('region', { name: 'Harbour LETS' });
      await preview.getByText(/Checked on chain: its contracts are this app’s \(version 1\) byte for byte/).waitFor({ timeout: 20_000 });
      expect(await preview.textContent()).toContain('2 of 100');
      await other.screenshot('follow-preview');
      await page.getByRole('button', { name: 'Follow Harbour LETS' }).click();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Harbour LETS' }) });
      await card.getByText('Followed read-only: no signer of this computer is known to hold the committee key').waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await other.core.handlers['lets.list']({}))[0]?.catchUp ?? 'caught up', { timeout: 30_000 }).toBe('caught up');

      await page.getByRole('button', { name: 'Members', exact: true }).click();
      await expect.poll(() => page.getByRole('row', { name: /Member / }).count(), { timeout: 30_000 }).toBe(2);
      const balances = async (handlers: typeof core) => (await handlers['members.list']({ search: '', letsId: null, sort: 'name', direction: 'asc' })).map((m) => [m.ownerKey, m.balance]).sort();
      expect(await balances(other.core.handlers)).toEqual(await balances(core));
      expect((await balances(core)).map(([, balance]) => balance)).toEqual(expect.arrayContaining([-12_50n, 12_50n]));
      await other.screenshot('follow-members');
      expect(other.unexpectedErrors).toEqual([]);
    } finally {
      await other.close();
    }
    expect(app.unexpectedErrors).toEqual([]);
  });
});
