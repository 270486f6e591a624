import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { stringifyNodeJson } from '../../electron/core/chain/lossless-json';
import { DEMO_MNEMONIC, DemoSession, seedDemoLets, type DemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { ergoPayRequest } from '../../electron/core/signers/exchange/ergopay';
import { MobileWallet } from '../helpers/mobile-wallet';
import { seriousAccessibilityViolations } from './support/accessibility';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { followDemoLets } from './support/followed-demo';
import { serveAsTestnetNode, type TestnetNode } from './support/testnet-node';

/**
 * Issue 15, end to end in Chromium: a committee LETS on a chain served as a testnet node, followed by an app that
 * holds none of its members' keys. A trade is recorded, its ErgoPay QR code is read back from a screenshot, the payer's
 * phone (a wallet on sigmastate-js) signs the request and sends it to the node, and the app follows it to confirmed.
 */
describe('a member signs a trade in their own wallet', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let node: TestnetNode;
  let app: AppUnderTest;
  /** The demo members' phones: the demo seed's addresses 1 to 3. */
  const phoneOf = (name: string) => new MobileWallet(DEMO_MNEMONIC, ['Alice', 'Bob', 'Charlie'].indexOf(name) + 1);

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    node = await serveAsTestnetNode(chain);
    app = await startAppUnderTest({ node: { url: node.url, network: 'testnet' } });
  });

  afterAll(async () => {
    await app?.close();
    await node?.close();
  });

  /** What a phone's camera reads off the screen: the QR code's pixels, decoded. */
  async function scan(code: Locator): Promise<string> {
    await code.waitFor();
    const png = PNG.sync.read(await code.screenshot());
    const read = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    if (!read) throw new Error('the QR code on screen could not be read');
    return read.data;
  }

  async function recordTrade(payer: string, payee: string, amount: string) {
    const { page } = app;
    await page.getByRole('button', { name: 'Record a trade' }).click();
    await page.getByLabel('Who pays').selectOption({ label: payer });
    await page.getByLabel('Who is paid').selectOption({ label: payee });
    await page.getByLabel('Amount (EUR-LETS)').fill(amount);
    await page.getByRole('button', { name: 'Review' }).click();
    return page.getByRole('region', { name: 'Check before signing' });
  }

  it('follows a LETS none of whose members’ keys this computer holds, and names its members', async () => {
    await followDemoLets(app, demo);
    expect(await app.core.handlers['signing.options']({})).toMatchObject({ signers: ['ledger'] });
    await app.page.goto(app.bridge.url);
    await app.page.getByRole('button', { name: 'Ledger', exact: true }).click();
  });

  it('is signed on the payer’s phone from the QR code on screen, and the app follows it to confirmed', async () => {
    const { page } = app;
    const review = await recordTrade('Alice (−2.00)', 'Bob (−1.50)', '1.50');
    await expect.poll(() => review.locator('.tx-headline').textContent()).toBe('Alice pays Bob 1.50 EUR-LETS');
    await review.getByRole('button', { name: 'Ask Alice to sign in their wallet' }).click();

    const code = review.getByRole('img', { name: 'Signing request for Alice' });
    await code.waitFor();
    expect(await review.getByRole('status').first().textContent()).toMatch(/^Waiting for Alice to sign\. The request stands until \d\d:\d\d\.$/);
    await app.screenshot('member-signing-request');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const scanned = await scan(code);
    expect(scanned).toMatch(/^ergopay:[A-Za-z0-9_-]+=*$/);
    expect(await review.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')).toBe(scanned);

    // The outbox says whom the treasurer waits for.
    // Found folded too: once confirmed, the row moves to the outbox's folded history.
    const row = page.getByRole('region', { name: 'Outbox' }).locator('tbody tr').filter({ hasText: 'Alice pays Bob 1.50' });
    expect(await row.textContent()).toMatch(/Waiting for Alice to sign in their wallet \(until \d\d:\d\d\)/);

    // Alice's phone signs exactly what it scanned and sends it to the node itself.
    const signed = phoneOf('Alice').sign(scanned);
    const sent = await fetch(`${node.url}/transactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stringifyNodeJson(signed) });
    expect(sent.status).toBe(200);
    await review.getByText('Confirmed').waitFor({ timeout: 30_000 });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Confirmed');
    const balances = Object.fromEntries((await app.core.handlers['members.list']({ search: '', letsId: null, sort: 'name', direction: 'asc' })).map((m) => [m.name, m.balance]));
    expect(balances).toEqual({ Alice: -3_50n, Bob: 0n, Charlie: 3_50n });
    await app.screenshot('member-signing-confirmed');
    await review.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a signed result whose signature was changed, on the node and in the app, and keeps waiting for the member', async () => {
    const { page } = app;
    const review = await recordTrade('Charlie (3.50)', 'Alice (−3.50)', '0.25');
    await review.getByRole('button', { name: 'Ask Charlie to sign in their wallet' }).click();
    const signed = phoneOf('Charlie').sign(await scan(review.getByRole('img', { name: 'Signing request for Charlie' })));
    const proof = signed.inputs[0]?.spendingProof;
    if (!proof) throw new Error('the wallet signed no input');
    proof.proofBytes = `${proof.proofBytes.slice(0, -2)}${proof.proofBytes.endsWith('00') ? '01' : '00'}`;

    // Sent by the wallet, the node refuses it; handed back as a file, the app does, and the request still stands.
    const sent = await fetch(`${node.url}/transactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stringifyNodeJson(signed) });
    expect(sent.status).toBe(400);
    const file = join(mkdtempSync(join(tmpdir(), 'lets-tampered-')), 'signed.json');
    writeFileSync(file, stringifyNodeJson(signed));
    await review.getByLabel('Import signed file').setInputFiles(file);
    await expect.poll(() => review.getByRole('alert').first().textContent()).toContain('not valid');
    expect(await review.getByRole('img', { name: 'Signing request for Charlie' }).isVisible()).toBe(true);
    await app.screenshot('member-signing-tampered');

    // Closed and opened again from the outbox, it is the same request.
    const scanned = await scan(review.getByRole('img', { name: 'Signing request for Charlie' }));
    await review.getByRole('button', { name: 'Close (the outbox keeps waiting)' }).click();

    // Both members' statements say what waits for whose signature, so the treasurer can chase it at the market.
    await page.getByRole('button', { name: 'Statements' }).click();
    for (const [name, waiting] of [['Charlie', 'waiting for your signature'], ['Alice', 'waiting for Charlie to sign']]) {
      await page.getByLabel('Member').selectOption({ label: name });
      const pending = page.getByRole('article', { name: `Statement for ${name}` }).getByRole('region', { name: 'Recorded, not signed yet' });
      await expect
        .poll(() => pending.textContent(), { timeout: 15_000 })
        .toMatch(new RegExp(`Charlie pays Alice 0\\.25 EUR-LETS: ${waiting} \\(the signing request stands until \\d\\d:\\d\\d\\)`));
    }
    await app.screenshot('member-signing-statement');
    await page.getByRole('button', { name: 'Ledger', exact: true }).click();
    const row = page.getByRole('region', { name: 'Outbox' }).getByRole('row').filter({ hasText: 'Charlie pays Alice 0.25' });
    await row.getByRole('button', { name: 'Show the request…' }).click();
    expect(await scan(page.getByRole('region', { name: 'Check before signing' }).getByRole('img', { name: 'Signing request for Charlie' }))).toBe(scanned);
    await page.getByRole('region', { name: 'Check before signing' }).getByRole('button', { name: 'Cancel' }).click();
    // Cancelled, the review closes by itself: one status line, no second Close.
    await page.getByText('Cancelled. Nothing was signed or sent.').waitFor();
    expect(await page.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
    await expect.poll(() => row.count()).toBe(0);
  });

  it('ends with a clear message when the payer’s account box was spent by another transaction meanwhile', async () => {
    const review = await recordTrade('Bob (0.00)', 'Charlie (3.50)', '0.50');
    await review.getByRole('button', { name: 'Ask Bob to sign in their wallet' }).click();
    await review.getByRole('img', { name: 'Signing request for Bob' }).waitFor();

    // Meanwhile Bob pays Alice from another computer of the committee: his account box is gone.
    const session = DemoSession.create(chain);
    const member = (name: string) => demo.members.find((m) => m.name === name) as DemoParty;
    const elsewhere = buildTrade({
      ...(await session.funding(member('Bob'))),
      lets: demo.lets,
      payer: { name: 'Bob', box: await session.accountBox(demo, member('Bob')) },
      payee: { name: 'Alice', box: await session.accountBox(demo, member('Alice')) },
      amount: 10n,
    });
    await chain.submit(phoneOf('Bob').sign(ergoPayRequest(elsewhere, { height: chain.height + 1 }).uri));

    await review.getByText('The request for Bob’s signature ended: a box it spends was spent by another transaction first. Discard it and record it again.').waitFor({ timeout: 30_000 });
    expect(await review.getByRole('img', { name: 'Signing request for Bob' }).count()).toBe(0);
    await app.screenshot('member-signing-request-ended');
    await review.getByRole('button', { name: 'Close' }).click();
    const row = app.page.getByRole('region', { name: 'Outbox' }).getByRole('row').filter({ hasText: 'Bob pays Charlie 0.50' });
    expect(await row.textContent()).toContain('In conflict with another transaction');
    await row.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(app.unexpectedErrors).toEqual([]);
  });
});
