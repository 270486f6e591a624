import { ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnrolment } from '../../electron/core/builders/enrolment';
import { stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';
import { DemoSession, seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { ownerAddress } from '../../electron/core/members/owner-address';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { EmulatedUsb } from '../signers/emulator/emulated-ledger';
import { TEST_MNEMONIC, type ErgoAppEmulator } from '../signers/emulator/ergo-app-emulator';
import { seriousAccessibilityViolations } from './support/accessibility';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { followDemoLets } from './support/followed-demo';
import { serveAsTestnetNode, type TestnetNode } from './support/testnet-node';

const OTHER_WALLET = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const keyOf = (mnemonic: string, account: number, index: number) =>
  SoftwareSigner.fromMnemonic(mnemonic, { network: 'testnet' }).publicKey(addressKeyPath(account, index)).then(hex.encode);

/**
 * Issue 15, end to end in Chromium: the committee key of a LETS on a chain served as a testnet node is on an emulated
 * Ledger (the demo seed). The treasurer hands the role to another account of the Ledger, verified on its screen, then
 * to the next treasurer's typed address, after which this computer only follows the LETS.
 */
describe('handing over the treasurer role', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let node: TestnetNode;
  let usb: EmulatedUsb;
  let device: ErgoAppEmulator;
  let app: AppUnderTest;

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    node = await serveAsTestnetNode(chain);
    usb = new EmulatedUsb();
    device = usb.plug({ version: [0, 2, 1] });
    app = await startAppUnderTest({ node: { url: node.url, network: 'testnet' }, ledger: usb });
    await followDemoLets(app, demo);
    await app.page.goto(app.bridge.url);
  });

  afterAll(async () => {
    await app?.close();
    await node?.close();
  });

  const card = () => app.page.getByRole('listitem').filter({ has: app.page.getByRole('heading', { name: 'Riverside LETS' }) });
  const committeeFact = () => card().locator('.facts dt:text-is("Committee key") + dd').textContent();

  /** Reviews the hand-over the form prepared and signs it on the Ledger, then follows it to confirmed. */
  async function signHandOver(to: string) {
    const review = app.page.getByRole('region', { name: 'Check before signing' });
    await expect.poll(() => review.locator('.tx-headline').textContent()).toMatch(new RegExp(`^The committee key of Riverside LETS passes from 3\\w+ to ${to}$`));
    await review.getByLabel('Ledger hardware wallet').check();
    await expect.poll(() => review.locator('.tx-device').textContent(), { timeout: 15_000 }).toMatch(/Application 0x[0-9a-f]{8}/);
    await review.getByRole('button', { name: 'Sign and send' }).click();
    // Once sent, the panel is titled by its progress rather than as a review.
    await expect.poll(() => app.page.locator('.tx-progress').textContent(), { timeout: 40_000 }).toBe('Confirmed');
    await app.page.getByRole('button', { name: 'Close', exact: true }).click();
  }

  it('hands the role to another account of the Ledger, whose address the device showed first', async () => {
    const { page } = app;
    await card().getByRole('button', { name: 'Look for the committee key on my Ledger' }).click();
    await card().getByText('Your Ledger holds the committee key.').waitFor({ timeout: 20_000 });
    expect(await committeeFact()).toBe(ownerAddress(demo.committee.publicKey, 'testnet'));

    await card().getByRole('button', { name: 'Hand over the treasurer role…' }).click();
    const form = page.getByRole('region', { name: 'Hand over the treasurer role' });
    await form.getByLabel('Account', { exact: true }).fill('1');
    await form.getByLabel('Address index').fill('0');
    await form.getByRole('button', { name: 'Read the key from the Ledger' }).click();
    const successor = ownerAddress(await keyOf(TEST_MNEMONIC, 1, 0), 'testnet');
    await form.getByText(successor).waitFor({ timeout: 15_000 });
    // Not before the device has shown it: a tampered computer could show one address and hand over to another.
    expect(await form.getByRole('button', { name: 'Review the hand-over' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Verify on Ledger' }).click();
    await form.getByText('The Ledger showed this address.').waitFor({ timeout: 15_000 });
    expect(device.user.shown('show-address')).toHaveLength(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot('handover-ledger-key');
    await form.getByRole('button', { name: 'Review the hand-over' }).click();
    await signHandOver(successor);

    await expect.poll(committeeFact, { timeout: 15_000 }).toBe(successor);
    await card().getByText('Your Ledger holds the committee key.').waitFor();
    await app.screenshot('handover-done');
  });

  it('lets the new key enrol a member on the Ledger, while the node refuses the old key', async () => {
    const core = app.core.handlers;
    const successorKey = await keyOf(TEST_MNEMONIC, 1, 0);
    // The new treasurer's address pays the fees of committee actions from now on.
    await chain.faucet([{ ergoTree: ErgoAddress.fromPublicKey(successorKey).ergoTree, value: 1_000_000_000n }]);
    chain.mine();
    const dora = await keyOf(OTHER_WALLET, 0, 0);
    const { id } = await core['members.add']({ letsId: 1, name: 'Dora', contact: '', notes: '', key: dora });
    const prepared = await core['enrolment.prepare']({ letsId: 1, memberId: id });
    await core['outbox.sign']({ transactionId: prepared.transactionId, signer: 'ledger' });
    await expect.poll(async () => (await core['outbox.list']({})).find((e) => e.transactionId === prepared.transactionId)?.state, { timeout: 40_000 }).toBe('confirmed');

    // The old committee key signs an enrolment on the current management box: the contract reads the key from that box.
    const session = DemoSession.create(chain);
    const [management] = await chain.unspentByErgoTree(demo.managementTree);
    if (!management) throw new Error('the LETS has no management box');
    const eve = await keyOf(OTHER_WALLET, 0, 1);
    const byOldKey = buildEnrolment({ ...(await session.funding(demo.committee)), lets: demo.lets, management: toFleetBox(management), memberName: 'Eve', memberKey: eve });
    const signed = await session.signer.sign({ transaction: byOldKey, inputKeyPaths: byOldKey.inputs.map(() => demo.committee.keyPath) });
    const sent = await fetch(`${node.url}/transactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stringifyNodeJson(toSignedTransactionJson(signed)) });
    expect(sent.status).toBe(400);
  });

  it('refuses keys nobody could sign for, then hands over to a typed address; this computer is read-only afterwards', async () => {
    const { page } = app;
    await card().getByRole('button', { name: 'Hand over the treasurer role…' }).click();
    const form = page.getByRole('region', { name: 'Hand over the treasurer role' });
    await form.getByLabel('A public key or address from the new treasurer’s wallet').check();
    const field = form.getByRole('textbox', { name: 'Public key or address' });
    const review = form.getByRole('button', { name: 'Review the hand-over' });

    await field.fill('02abc');
    await review.click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('The new committee key cannot be used: the public key is not 33 bytes of hex');
    await field.fill(ErgoAddress.fromErgoTree(`0008cd${'00'.repeat(33)}`).encode(16));
    await review.click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('The new committee key cannot be used: the key is the identity point of the curve (all zeros), a key nobody can ever sign for.');
    await app.screenshot('handover-identity-refused');
    expect((await app.core.handlers['outbox.list']({})).filter((e) => e.state !== 'confirmed')).toEqual([]);

    const next = ownerAddress(await keyOf(OTHER_WALLET, 0, 5), 'testnet');
    await field.fill(next);
    await review.click();
    await signHandOver(next);

    await expect.poll(committeeFact, { timeout: 15_000 }).toBe(next);
    await card().getByText('Followed read-only: no signer of this computer is known to hold the committee key').waitFor({ timeout: 15_000 });
    expect(await card().getByRole('button', { name: 'Hand over the treasurer role…' }).count()).toBe(0);
    // What the Ledger was found to hold before is not said of the new key.
    expect(await card().getByText('This Ledger holds the committee key').count()).toBe(0);
    await app.screenshot('handover-read-only');
    expect(app.unexpectedErrors).toEqual([]);
  });
});
