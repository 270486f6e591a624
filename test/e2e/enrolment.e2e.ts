import { Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const MEMBERS_WALLET = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

async function walletAddress(index: number): Promise<string> {
  const key = await SoftwareSigner.fromMnemonic(MEMBERS_WALLET, { network: 'testnet' }).publicKey(addressKeyPath(0, index));
  return ErgoAddress.fromPublicKey(hex.encode(key)).encode(Network.Testnet);
}

describe('enrolment: add members, enrol them in one flow, watch them arrive on chain', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startAppUnderTest({ withChain: true });
    await app.page.goto(app.bridge.url);
    await app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
    await app.page.getByRole('button', { name: 'Enrolment' }).click();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a key that is not a member’s wallet key, saying why', async () => {
    const { page } = app;
    await page.getByLabel('Name').fill('Mallory');
    await page.getByLabel('Public key or wallet address').fill('02abc');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The public key is not 33 bytes of hex');
    await app.screenshot('enrolment-bad-key');
  });

  it('enrols two new members in one batch, signed by the committee (demo key), and lists them as members', async () => {
    const { page } = app;
    for (const [name, index] of [['Dora', 0], ['Evan', 1]] as const) {
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Contact (phone or e-mail)').fill(`${name.toLowerCase()}@riverside.example`);
      await page.getByLabel('Public key or wallet address').fill(await walletAddress(index));
      await page.getByRole('button', { name: 'Add member' }).click();
      await expect.poll(() => page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).isChecked()).toBe(true);
    }
    // The pool's count is in view, and the whole list is chosen or cleared at once.
    expect(await page.getByText(/^247 memberships left in Riverside LETS\.$/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Select none' }).click();
    await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enrol members' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Select all 2' }).click();
    await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await app.screenshot('enrolment-chosen');
    await page.getByRole('button', { name: 'Enrol 2 members' }).click();

    for (const name of ['Dora', 'Evan']) {
      const review = page.getByRole('region', { name: 'Check before signing' });
      // Read from the enrolment transaction itself: the new account's owner, its balance, the pool that shrinks.
      await expect.poll(() => review.locator('.tx-headline').textContent()).toBe(`The committee enrols ${name} in Riverside LETS, with a new account at 0.00`);
      expect(await review.locator('.tx-balances tbody tr').allTextContents()).toEqual([`${name}new account0.00`]);
      expect(await review.getByText('Memberships left in the pool').locator('xpath=following-sibling::dd[1]').textContent()).toMatch(/^\d+ → \d+$/);
      if (name === 'Dora') await app.screenshot('enrolment-review');
      await review.getByRole('button', { name: 'Sign and send' }).click();
      await page.getByText(name === 'Dora' ? 'Enrolment 2 of 2' : '2 enrolments sent').waitFor();
    }

    await expect
      .poll(() => page.getByRole('list', { name: 'Enrolments sent' }).textContent(), { timeout: 40_000 })
      .toBe('Dora: ConfirmedEvan: Confirmed');
    await app.screenshot('enrolment-confirmed');
    await page.getByRole('button', { name: 'Members', exact: true }).click();
    await expect
      .poll(() => page.locator('tbody tr').allTextContents(), { timeout: 40_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Doradora@riverside\.example0\.00/), expect.stringMatching(/^Evanevan@riverside\.example0\.00/)]));
    await app.screenshot('enrolment-members-enrolled');
    expect(app.unexpectedErrors).toEqual([]);
  });

  it('keeps a batch in the outbox: a refusal stops its preparing, and signing left half-way continues on coming back', async () => {
    const { page, core } = app;
    await page.getByRole('button', { name: 'Enrolment', exact: true }).click();
    for (const [name, index] of [['Fay', 2], ['Gus', 3], ['Hal', 4]] as const) {
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Public key or wallet address').fill(await walletAddress(index));
      await page.getByRole('button', { name: 'Add member' }).click();
      await expect.poll(() => page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).isChecked()).toBe(true);
    }
    const listed = await core.handlers['members.list']({ search: '', letsId: null, sort: 'name', direction: 'asc' });
    const gus = listed.find((m) => m.name === 'Gus') as (typeof listed)[number];
    // While the screen prepares Fay's enrolment, Gus's is prepared elsewhere (another window on this computer): the
    // core refuses a second one for him, and the batch stops there, Hal still waiting to be chosen.
    await page.route(
      '**/api/enrolment.prepare',
      async (route) => {
        await core.handlers['enrolment.prepare']({ letsId: gus.letsId, memberId: gus.id });
        await route.continue();
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Enrol 3 members' }).click();

    // The queue is the outbox's, oldest first: Gus's, then Fay's.
    await page.getByText('Enrolment 1 of 2: Gus').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Gus’s enrolment is already prepared and waits to be signed.');
    expect(await page.getByText('1 enrolment of 3 prepared; the batch stopped there, and the rest wait to be chosen again.').isVisible()).toBe(true);
    await app.screenshot('enrolment-batch-stopped');
    await page.getByRole('region', { name: 'Check before signing' }).getByRole('button', { name: 'Sign and send' }).click();
    await page.getByText('Enrolment 2 of 2: Fay').waitFor();

    // The treasurer leaves half-way and comes back: Fay's enrolment still waits, in the queue the screen offers to continue.
    await page.getByRole('button', { name: 'Members', exact: true }).click();
    await page.getByRole('button', { name: 'Enrolment', exact: true }).click();
    const queue = page.getByRole('region', { name: '1 enrolment prepared, waiting for the committee to sign' });
    await expect.poll(() => queue.textContent()).toContain('Fay');
    expect(await page.getByRole('checkbox', { name: /^Hal/ }).isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^(Fay|Gus)/ }).count()).toBe(0);
    await app.screenshot('enrolment-queue-waiting');
    await queue.getByRole('button', { name: 'Continue signing (1)' }).click();
    await page.getByText('Enrolment 1 of 1: Fay').waitFor();
    await page.getByRole('region', { name: 'Check before signing' }).getByRole('button', { name: 'Sign and send' }).click();
    await page.getByText('1 enrolment sent').waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Enrolments sent' }).textContent(), { timeout: 40_000 }).toBe('Fay: Confirmed');
    await expect.poll(async () => (await core.handlers['members.list']({ search: '', letsId: null, sort: 'name', direction: 'asc' })).filter((m) => ['Fay', 'Gus'].includes(m.name)).map((m) => m.state), { timeout: 40_000 }).toEqual(['enrolled', 'enrolled']);
    expect(app.unexpectedErrors).toEqual([]);
  });
});
