import { join } from 'node:path';
import { ErgoAddress } from '@fleet-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundingView } from '../../electron/core/api/calls/founding-types';
import { createCore, type Core } from '../../electron/core/app/core';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { FOUNDING_COST } from '../../electron/core/founding/founding-request';
import { EmulatedUsb } from '../signers/emulator/emulated-ledger';
import { tempDir } from '../helpers/temp-dir';

/**
 * Founding a LETS on a testnet node with the treasurer's Ledger at a chosen path, through the app's own handlers: plan,
 * key, funding, both genesis transactions signed on the (emulated) Ledger with the app closed in between, followed
 * once confirmed; then enrolment with the same key, and a second computer that follows the LETS from its link. The
 * node is the devnet served as a testnet node, so every step runs against the node API a real one serves.
 */
describe('founding a LETS on testnet with a Ledger', () => {
  let chain: DevnetChain;
  let server: DevnetServer;
  let usb: EmulatedUsb;
  let databasePath: string;
  /** The founded LETS's link, as "Share this LETS" gave it. */
  let sharedLink = '';
  const open: Core[] = [];

  async function startCore(path: string): Promise<Core> {
    const core = createCore({ databasePath: path, appVersion: 'test', deviceTransports: usb, syncIntervalMs: 100 });
    open.push(core);
    await core.handlers['settings.update']({ chainSource: server.url, nodeNetwork: 'testnet', confirmations: 2 });
    await core.startChain();
    return core;
  }

  /** Mines a block now and then until `check` passes: the app follows the node as it would a real one. */
  async function until<T>(read: () => Promise<T> | T, check: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await read();
      if (check(value)) return value;
      if ((await chain.mempool()).length > 0 || i % 5 === 4) chain.mine();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('gave up waiting');
  }

  beforeAll(async () => {
    chain = new DevnetChain();
    chain.mineMany(3);
    server = await serveDevnet(chain, 0, { network: 'testnet' });
    usb = new EmulatedUsb();
    usb.plug({ version: [0, 2, 1] });
  });

  afterAll(async () => {
    for (const core of open) await core.close().catch(() => undefined);
    await server?.close();
  });

  const choice = { model: 'committee' as const, name: 'Testnet LETS', unit: 'EUR-LETS', floor: '200', cap: '', capacity: 50, collateral: null };

  it('founds the LETS, resumes between the two genesis transactions, and follows it once confirmed', { timeout: 120_000 }, async () => {
    databasePath = join(tempDir(), 'treasurer.sqlite');
    const first = await startCore(databasePath);
    const plan = await first.handlers['founding.plan'](choice);
    expect(plan.neededNanoErgs).toBe(FOUNDING_COST);
    expect(plan.rules.enforcedByChain.map((r) => r.rule)).toContain('Credit floor');
    expect(plan.rules.keptByApp.map((r) => r.rule)).toContain('Who may join');

    let view: FoundingView = await first.handlers['founding.start']({ ...choice, signer: 'ledger', account: 1, index: 3 });
    expect(view).toMatchObject({ step: 'funding', network: 'testnet', keyPath: "m/44'/429'/1'/0/3", creditFloor: -200_00n, availableNanoErgs: 0n });
    expect(view.address).toMatch(/^3/);
    await expect(first.handlers['founding.build']({ id: view.id })).rejects.toMatchObject({
      message: 'The founding address holds 0 ERG, but founding the LETS needs 0.0032 ERG.',
      hint: expect.stringContaining(`Send 0.0032 ERG more to ${view.address}`),
    });

    // Enough for the founding and ten enrolments, as the funding step suggests.
    const sent = FOUNDING_COST + 10n * (plan.perEnrolmentNanoErgs ?? 0n);
    await chain.faucet([{ ergoTree: ErgoAddress.fromPublicKey(view.publicKey).ergoTree, value: sent }]);
    view = await until(() => first.handlers['founding.get']({ id: view.id }), (v) => v.availableNanoErgs === sent);
    expect(view.message).toContain('enough to found the LETS');
    view = await first.handlers['founding.build']({ id: view.id });
    expect(view.step).toBe('signing');
    expect(view.transactions.map((t) => [t.role, t.state])).toEqual([['mint', 'built'], ['found', 'built']]);
    const [mint, found] = view.transactions;

    await first.handlers['outbox.sign']({ transactionId: mint?.transactionId ?? '', signer: 'ledger' });
    await first.close();

    // The app was closed after the first genesis transaction: it carries on with the second.
    const second = await startCore(databasePath);
    const resumed = await second.handlers['founding.current']({});
    expect(resumed).toMatchObject({ id: view.id, step: 'signing' });
    expect(resumed?.transactions.map((t) => t.state)).toEqual([expect.stringMatching(/submitted|mempool|included|confirmed/), 'built']);
    await second.handlers['outbox.sign']({ transactionId: found?.transactionId ?? '', signer: 'ledger' });
    view = await until(() => second.handlers['founding.get']({ id: view.id }), (v) => v.step === 'done');
    expect(await second.handlers['founding.current']({})).toBeNull();

    const [lets] = await until(() => second.handlers['lets.list']({}), (list) => list[0]?.committeeKey !== null);
    expect(lets).toMatchObject({ name: 'Testnet LETS', network: 'testnet', model: 'committee', memberCount: 0, committeeKey: view.publicKey, committeeSigner: 'ledger', catchUp: null });

    // The committee key at its chosen path enrols the first member on the same Ledger.
    const { id: memberId } = await second.handlers['members.add']({ letsId: lets?.id ?? 0, name: 'Ann', contact: '', notes: '', key: '02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5' });
    const enrolment = await second.handlers['enrolment.prepare']({ letsId: lets?.id ?? 0, memberId });
    await second.handlers['outbox.sign']({ transactionId: enrolment.transactionId, signer: 'ledger' });
    await until(() => second.handlers['lets.list']({}), (list) => list[0]?.memberCount === 1);

    // Another computer follows the LETS from its link and sees the same.
    const { link } = await second.handlers['lets.share']({ letsId: lets?.id ?? 0 });
    expect(link).toMatch(/^ergo-lets:testnet\/[0-9a-f]{64}@\d+$/);
    sharedLink = link;
    const other = await startCore(join(tempDir(), 'other.sqlite'));
    const preview = await other.handlers['follow.find']({ link });
    expect(preview).toMatchObject({ name: 'Testnet LETS', model: 'committee', members: 1, capacity: 50, committeeKey: view.publicKey, readVia: 'index', alreadyFollowed: false });
    await other.handlers['follow.start']({ link });
    const [followed] = await until(() => other.handlers['lets.list']({}), (list) => list[0]?.catchUp === null && list[0]?.memberCount === 1);
    // Read-only there: that computer's Ledger is not known to hold the committee key.
    expect(followed).toMatchObject({ name: 'Testnet LETS', network: 'testnet', committeeSigner: null, trialBalance: 0n });
    expect(await other.handlers['lets.checkCommitteeKey']({ letsId: followed?.id ?? 0 })).toMatchObject({ held: false });
  });

  it('does not found a LETS on mainnet, asks once before following one there, and refuses a LETS choice the chain could not hold', async () => {
    const core = await startCore(join(tempDir(), 'third.sqlite'));
    await expect(async () => core.handlers['founding.plan']({ ...choice, floor: 'lots' })).rejects.toThrow('The credit floor "lots" is not an amount.');
    await expect(async () => core.handlers['founding.plan']({ ...choice, model: 'trustless' })).rejects.toThrow('A trustless LETS needs its collateral terms.');

    const mainnet = await serveDevnet(chain, 0, { network: 'mainnet' });
    try {
      await core.handlers['settings.update']({ chainSource: mainnet.url, nodeNetwork: 'mainnet' });
      await expect(core.handlers['founding.start']({ ...choice, signer: 'ledger', account: 0, index: 0 })).rejects.toThrow(
        'The app does not found a LETS on mainnet yet: the contracts of this version cannot renew a box against Ergo’s storage rent',
      );
      expect(await core.handlers['founding.current']({})).toBeNull();

      // Following the LETS this chain holds (served here as mainnet) waits for the treasurer's one confirmation.
      const link = sharedLink.replace('ergo-lets:testnet/', 'ergo-lets:mainnet/');
      expect(await core.handlers['follow.find']({ link })).toMatchObject({ name: 'Testnet LETS', network: 'mainnet' });
      await expect(core.handlers['follow.start']({ link })).rejects.toMatchObject({ code: 'mainnet-unconfirmed', message: expect.stringContaining('This is Ergo mainnet') });
      expect(await core.handlers['lets.list']({})).toEqual([]);
      await core.handlers['settings.update']({ mainnetConfirmed: true });
      await core.handlers['follow.start']({ link });
      expect((await core.handlers['lets.list']({})).map((l) => [l.name, l.network])).toEqual([['Testnet LETS', 'mainnet']]);
    } finally {
      await mainnet.close();
    }
  });
});

describe('founding a LETS on the demo chain with the demo key', () => {
  it('pays the founding address with demo coins, signs both genesis transactions with the demo key, and follows the LETS', { timeout: 60_000 }, async () => {
    const core = createCore({ databasePath: join(tempDir(), 'demo.sqlite'), appVersion: 'test', syncIntervalMs: 100, blockIntervalMs: 100 });
    try {
      await core.startChain();
      // The demo chain starts empty: nothing but the three ways in.
      expect(await core.handlers['lets.list']({})).toEqual([]);
      const choice = { model: 'trustless' as const, name: 'Demo Time Bank', unit: 'hours', floor: '20', cap: '40', capacity: 30, collateral: { minimumCollateral: '1000000000', collateralPerUnit: '1000000', lockPeriod: 720 } };
      let view = await core.handlers['founding.start']({ ...choice, signer: 'demo-key', account: 0, index: 7 });
      expect(view).toMatchObject({ network: 'devnet', signer: 'demo-key', perEnrolmentNanoErgs: null, collateral: { lockPeriod: 720 } });
      await core.handlers['founding.demoCoins']({ id: view.id });
      await expect.poll(async () => (await core.handlers['founding.get']({ id: view.id })).step === 'funding' && (await core.handlers['founding.get']({ id: view.id })).availableNanoErgs, { timeout: 20_000 }).toBe(1_000_000_000n);
      view = await core.handlers['founding.build']({ id: view.id });
      for (const { transactionId } of view.transactions) await core.handlers['outbox.sign']({ transactionId, signer: 'demo-key' });
      await expect.poll(async () => (await core.handlers['founding.get']({ id: view.id })).step, { timeout: 30_000 }).toBe('done');
      await expect.poll(async () => (await core.handlers['lets.list']({})).map((l) => [l.name, l.model, l.network]), { timeout: 10_000 }).toEqual([['Demo Time Bank', 'trustless', 'devnet']]);
    } finally {
      await core.close();
    }
  });
});
