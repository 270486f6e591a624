import { beforeEach, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import { AppError } from '../../electron/core/errors/app-error';
import type { Db } from '../../electron/core/mirror/database';
import { addMemberProfile, listMembers } from '../../electron/core/mirror/queries/members';
import { listLets } from '../../electron/core/mirror/queries/lets';
import { outboxItem, reconcileOutbox, standingSignatureRequest } from '../../electron/core/mirror/queries/outbox';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import type { SigningContext } from '../../electron/core/operations/operations-context';
import { prepareEnrolment } from '../../electron/core/operations/prepare-enrolment';
import { discardTransaction } from '../../electron/core/operations/discard-transaction';
import { prepareTrade } from '../../electron/core/operations/prepare-trade';
import { importSigned, send, signAndSend } from '../../electron/core/operations/send-transaction';
import { signingPlan } from '../../electron/core/operations/prepared-transaction';
import { exportUnsignedTransaction } from '../../electron/core/signers/exchange/eip12-exchange';
import { ErgoAddress } from '@fleet-sdk/core';
import { SignerCatalogue } from '../../electron/core/operations/signing-keys';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { hex } from '@fleet-sdk/crypto';
import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { aDemoWorkbench } from '../helpers/demo-workbench';
import { balancesByName } from '../helpers/mirror-fixtures';
import { emulatedLedger } from '../signers/emulator/emulated-ledger';
import { MobileWallet } from '../helpers/mobile-wallet';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';
import { REQUEST_LIFETIME_MS, requestSignature } from '../../electron/core/operations/signature-request';

let clock = 1_767_225_600_000;
const OTHER_WALLET = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

describe('preparing, signing and sending the app’s own transactions', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let db: Db;
  let letsId: number;
  let ctx: SigningContext;
  let memberId: Record<string, number>;

  beforeEach(async () => {
    ({ chain, demo, db, letsId, memberId, ctx } = await aDemoWorkbench(() => (clock += 120_000)));
  });

  async function poll(): Promise<void> {
    await syncOnce(db, chain);
    reconcileOutbox(db, { network: 'devnet', height: chain.height }, new Set((await chain.mempool()).map((t) => t.id)), 1);
  }

  const order = (payer: string, payee: string, amount: bigint, description = '') => ({
    letsId,
    payerId: memberId[payer] as number,
    payeeId: memberId[payee] as number,
    amount,
    description,
  });

  it('records a trade: review shows the new balances, then it is signed, sent, mined and mirrored', async () => {
    const prepared = await prepareTrade(ctx, order('Charlie', 'Alice', 1_25n, 'eggs'));
    // Read from the transaction built, not from the order: the same words whatever the form said.
    expect(prepared).toMatchObject({
      reading: {
        kind: 'trade',
        headline: 'Charlie pays Alice 1.25 EUR-LETS',
        amount: 1_25n,
        accounts: [
          { name: 'Charlie', before: 3_50n, after: 2_25n },
          { name: 'Alice', before: -2_00n, after: -75n },
        ],
        warnings: [],
      },
      memo: 'eggs',
      signedBy: 'Charlie',
    });
    expect(prepared.reading.fee).toBeGreaterThan(0n);
    expect(outboxItem(db, prepared.transactionId)?.state).toBe('built');

    const sent = await signAndSend(ctx, prepared.transactionId);
    expect(sent.state).toBe('submitted');
    chain.mine();
    await poll();
    expect(outboxItem(db, prepared.transactionId)?.state).toBe('confirmed');
    expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -75n, Bob: -1_50n, Charlie: 2_25n });
  });

  it('refuses before signing when the payer would go below the floor, and files nothing', async () => {
    await expect(prepareTrade(ctx, order('Alice', 'Bob', 198_01n))).rejects.toMatchObject({ code: 'below-credit-floor' });
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0n);
  });

  it('chains trades made before the previous one is mined on the outputs it will create', async () => {
    const first = await prepareTrade(ctx, order('Alice', 'Bob', 1_00n));
    await signAndSend(ctx, first.transactionId);
    const second = await prepareTrade(ctx, order('Bob', 'Alice', 50n));
    expect(second.reading.accounts).toMatchObject([
      { name: 'Bob', before: -50n, after: -1_00n },
      { name: 'Alice', before: -3_00n, after: -2_50n },
    ]);
    await signAndSend(ctx, second.transactionId);
    chain.mine();
    await poll();
    expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -2_50n, Bob: -1_00n, Charlie: 3_50n });
  });

  it('enrols a member whose key is recorded, signed by the committee key', async () => {
    const dora = hex.encode(await SoftwareSigner.fromMnemonic(OTHER_WALLET, { network: 'testnet' }).publicKey(addressKeyPath(0, 0)));
    const doraId = addMemberProfile(db, { letsId, ownerKey: dora, name: 'Dora' });
    // 250 memberships, three taken by the demo members; the pool's last token never leaves the management box.
    const membershipsLeft = () => listLets(db).find((l) => l.id === letsId)?.membershipsLeft;
    expect(membershipsLeft()).toBe(247);
    const prepared = await prepareEnrolment(ctx, letsId, doraId);
    // Taken as soon as the enrolment is built: the next one chains on its management box.
    expect(membershipsLeft()).toBe(246);
    expect(prepared).toMatchObject({
      reading: {
        kind: 'enrolment',
        headline: 'The committee enrols Dora in Riverside LETS, with a new account at 0.00',
        accounts: [{ name: 'Dora', before: null, after: 0n }],
        pool: { before: 248n, after: 247n },
        warnings: [],
      },
      signedBy: 'the committee',
    });
    const listedDora = () => listMembers(db, { letsId }).find((m) => m.id === doraId);
    expect(listedDora()).toMatchObject({ state: 'not-enrolled', enrolment: { transactionId: prepared.transactionId, state: 'built' } });
    // One account per member: a second enrolment is refused while the first waits, is on its way, and once it is on chain.
    await expect(prepareEnrolment(ctx, letsId, doraId)).rejects.toMatchObject({ code: 'conflict', message: 'Dora’s enrolment is already prepared and waits to be signed.' });
    await signAndSend(ctx, prepared.transactionId);
    expect(listedDora()?.enrolment?.state).toBe('submitted');
    await expect(prepareEnrolment(ctx, letsId, doraId)).rejects.toMatchObject({ code: 'conflict', message: 'Dora’s enrolment is already on its way to the chain.' });
    chain.mine();
    await poll();
    const balance = db.prepare(`SELECT balance FROM boxes WHERE owner_key = ? AND kind = 'account' AND spent_by IS NULL`).pluck().get(dora);
    expect(balance).toBe(0n);
    expect(membershipsLeft()).toBe(246);
    expect(listedDora()).toMatchObject({ state: 'enrolled', enrolment: null });
    await expect(prepareEnrolment(ctx, letsId, doraId)).rejects.toMatchObject({ code: 'conflict', message: 'Dora is already enrolled.' });
    expect(membershipsLeft()).toBe(246);
  });

  it('queues a batch of enrolments in the outbox, each built on the one before, signed oldest first; cancelling one takes those built on it', async () => {
    const wallet = SoftwareSigner.fromMnemonic(OTHER_WALLET, { network: 'testnet' });
    const ids: Record<string, number> = {};
    for (const [name, index] of [['Dora', 0], ['Evan', 1], ['Fay', 2]] as const) {
      ids[name] = addMemberProfile(db, { letsId, ownerKey: hex.encode(await wallet.publicKey(addressKeyPath(0, index))), name });
    }
    const enrol = (name: string) => prepareEnrolment(ctx, letsId, ids[name] as number);
    // Nothing signed yet, each on the pool the one before leaves: 248 tokens, then 247, then 246.
    const [dora, evan, fay] = [await enrol('Dora'), await enrol('Evan'), await enrol('Fay')];
    expect([dora, evan, fay].map((p) => p.reading.pool)).toEqual([
      { before: 248n, after: 247n },
      { before: 247n, after: 246n },
      { before: 246n, after: 245n },
    ]);
    expect(listLets(db).find((l) => l.id === letsId)?.membershipsLeft).toBe(244);

    // Out of order, the network would refuse it: the app says which comes first, and nothing changes.
    await expect(signAndSend(ctx, evan.transactionId)).rejects.toMatchObject({
      code: 'conflict',
      message: 'This transaction is built on one not signed yet: “The committee enrols Dora in Riverside LETS”.',
    });
    expect(outboxItem(db, evan.transactionId)?.state).toBe('built');

    // Dora's is signed; cancelling Evan's takes Fay's with it (it spends the management box Evan's creates).
    await signAndSend(ctx, dora.transactionId);
    expect(discardTransaction(db, evan.transactionId)).toEqual(['The committee enrols Fay in Riverside LETS']);
    expect([outboxItem(db, evan.transactionId), outboxItem(db, fay.transactionId)]).toEqual([undefined, undefined]);
    expect(listMembers(db, { letsId }).filter((m) => m.name !== 'Dora' && m.state === 'not-enrolled').map((m) => [m.name, m.enrolment])).toEqual([
      ['Evan', null],
      ['Fay', null],
    ]);

    // Prepared again, they chain on Dora's, still in the mempool; signed in order, all three are on chain after one block.
    const [evanAgain, fayAgain] = [await enrol('Evan'), await enrol('Fay')];
    await signAndSend(ctx, evanAgain.transactionId);
    await signAndSend(ctx, fayAgain.transactionId);
    chain.mine();
    await poll();
    expect(listMembers(db, { letsId }).filter((m) => ['Dora', 'Evan', 'Fay'].includes(m.name)).map((m) => [m.name, m.state, m.balance])).toEqual([
      ['Dora', 'enrolled', 0n],
      ['Evan', 'enrolled', 0n],
      ['Fay', 'enrolled', 0n],
    ]);
    expect(listLets(db).find((l) => l.id === letsId)?.membershipsLeft).toBe(244);
  });

  describe('a member who signs in their own wallet', () => {
    const doraWallet = SoftwareSigner.fromMnemonic(OTHER_WALLET, { network: 'testnet' });
    let doraId: number;

    beforeEach(async () => {
      const dora = hex.encode(await doraWallet.publicKey(addressKeyPath(0, 0)));
      doraId = addMemberProfile(db, { letsId, ownerKey: dora, name: 'Dora' });
      await signAndSend(ctx, (await prepareEnrolment(ctx, letsId, doraId)).transactionId);
      await chain.faucet([{ ergoTree: ErgoAddress.fromPublicKey(dora).ergoTree, value: 1_000_000_000n }]);
      chain.mine();
      await poll();
    });

    it('is named when the chosen signer does not hold her key, and the trade stays unsigned', async () => {
      const prepared = await prepareTrade(ctx, { ...order('Alice', 'Bob', 1n), payerId: doraId });
      await expect(signAndSend(ctx, prepared.transactionId)).rejects.toMatchObject({
        code: 'unauthorised',
        message: 'The demo key does not hold Dora’s key, so it cannot sign this transaction.',
      });
      expect(outboxItem(db, prepared.transactionId)?.state).toBe('built');
    });

    it('signs the exported file elsewhere; the import is verified by the interpreter, kept signed, then sent', async () => {
      const prepared = await prepareTrade(ctx, { ...order('Alice', 'Bob', 75n), payerId: doraId });
      const exported = JSON.parse(exportUnsignedTransaction(signingPlan(db, prepared.transactionId)!.transaction)) as EIP12UnsignedTransaction;
      const signed = await doraWallet.sign({ transaction: exported, inputKeyPaths: exported.inputs.map(() => addressKeyPath(0, 0)) });

      await importSigned(ctx, prepared.transactionId, JSON.stringify(signed));
      expect(outboxItem(db, prepared.transactionId)?.state).toBe('signed');
      expect((await send(ctx, prepared.transactionId)).state).toBe('submitted');
      chain.mine();
      await poll();
      expect(outboxItem(db, prepared.transactionId)?.state).toBe('confirmed');
    });

    it('follows the trade when the wallet that signed the exported file submits it itself', async () => {
      const prepared = await prepareTrade(ctx, { ...order('Alice', 'Bob', 75n), payerId: doraId });
      const exported = JSON.parse(exportUnsignedTransaction(signingPlan(db, prepared.transactionId)!.transaction)) as EIP12UnsignedTransaction;
      const signed = await doraWallet.sign({ transaction: exported, inputKeyPaths: exported.inputs.map(() => addressKeyPath(0, 0)) });
      await chain.submit(toSignedTransactionJson(signed));
      await poll();
      expect(outboxItem(db, prepared.transactionId)?.state).toBe('mempool');
      chain.mine();
      await poll();
      expect(outboxItem(db, prepared.transactionId)?.state).toBe('confirmed');
    });

    it('refuses an import signed by the wrong wallet and keeps the trade unsigned', async () => {
      const prepared = await prepareTrade(ctx, { ...order('Alice', 'Bob', 75n), payerId: doraId });
      const exported = JSON.parse(exportUnsignedTransaction(signingPlan(db, prepared.transactionId)!.transaction)) as EIP12UnsignedTransaction;
      const forged = await doraWallet.sign({ transaction: exported, inputKeyPaths: exported.inputs.map(() => addressKeyPath(0, 1)) });

      await expect(importSigned(ctx, prepared.transactionId, JSON.stringify(forged))).rejects.toMatchObject({ code: 'signature-invalid' });
      expect(outboxItem(db, prepared.transactionId)).toMatchObject({ state: 'built', lastError: expect.stringContaining('not valid') });
    });

    describe('through an ErgoPay request her phone scans', () => {
      const phone = new MobileWallet(OTHER_WALLET, 0);
      const doraPays = async (amount: bigint) => (await prepareTrade(ctx, { ...order('Alice', 'Bob', amount), payerId: doraId })).transactionId;

      it('waits for Dora while her wallet signs, then follows her transaction to the mempool and into a block', async () => {
        const id = await doraPays(60n);
        const request = await requestSignature(ctx, id, new Date(clock));
        expect(request).toMatchObject({ transactionId: id, signer: 'Dora', fitsOneQrCode: true, expiresAt: new Date(clock + REQUEST_LIFETIME_MS).toISOString() });
        expect(outboxItem(db, id)).toMatchObject({ state: 'built', signer: 'Dora', requestExpiresAt: request.expiresAt });

        expect(await chain.submit(phone.sign(request.uri))).toBe(id);
        await poll();
        expect(outboxItem(db, id)).toMatchObject({ state: 'mempool', signer: null, requestExpiresAt: null, lastError: null });
        chain.mine();
        await poll();
        expect(outboxItem(db, id)?.state).toBe('confirmed');
        expect(balancesByName(db, letsId, demo)).toMatchObject({ Bob: -90n });
      });

      it('is recognised in a block even when the app never saw it in the mempool', async () => {
        const id = await doraPays(40n);
        await chain.submit(phone.sign((await requestSignature(ctx, id)).uri));
        chain.mine();
        await poll();
        expect(outboxItem(db, id)?.state).toBe('confirmed');
      });

      it('ends unsigned when its time runs out, saying when, and a new request can be shown', async () => {
        const id = await doraPays(40n);
        const shown = new Date(2026, 11, 5, 10, 15);
        const request = await requestSignature(ctx, id, shown);
        reconcileOutbox(db, { network: 'devnet', height: chain.height }, new Set(), { depth: 1, dropUnseenAfterPolls: 10, now: new Date(shown.getTime() + REQUEST_LIFETIME_MS - 1) });
        expect(outboxItem(db, id)?.requestExpiresAt).toBe(request.expiresAt);
        // Shown again while it stands, it is the same request: a code already scanned stays good.
        expect(await requestSignature(ctx, id, new Date(shown.getTime() + 60_000))).toEqual(request);

        reconcileOutbox(db, { network: 'devnet', height: chain.height }, new Set(), { depth: 1, dropUnseenAfterPolls: 10, now: new Date(shown.getTime() + REQUEST_LIFETIME_MS) });
        expect(outboxItem(db, id)).toMatchObject({
          state: 'built',
          requestExpiresAt: null,
          lastError: 'The request for Dora’s signature ended at 10:45, unsigned. Show a new request, or discard the transaction.',
        });
        expect(standingSignatureRequest(db, id)).toBeUndefined();
        const again = await requestSignature(ctx, id, new Date(shown.getTime() + REQUEST_LIFETIME_MS + 60_000));
        expect(outboxItem(db, id)).toMatchObject({ state: 'built', lastError: null, requestExpiresAt: again.expiresAt });
      });

      it('ends in conflict when a box it spends was spent by another transaction first', async () => {
        const requested = await doraPays(40n);
        await requestSignature(ctx, requested);
        // Dora paid from the exported file meanwhile: the same account box, spent by another transaction.
        const other = await doraPays(30n);
        const exported = JSON.parse(exportUnsignedTransaction(signingPlan(db, other)!.transaction)) as EIP12UnsignedTransaction;
        await importSigned(ctx, other, JSON.stringify(await doraWallet.sign({ transaction: exported, inputKeyPaths: exported.inputs.map(() => addressKeyPath(0, 0)) })));
        await send(ctx, other);
        chain.mine();
        await poll();
        expect(outboxItem(db, other)?.state).toBe('confirmed');
        expect(outboxItem(db, requested)).toMatchObject({
          state: 'conflict',
          requestExpiresAt: null,
          lastError: 'The request for Dora’s signature ended: a box it spends was spent by another transaction first. Discard it and record it again.',
        });
      });

      it('is refused for a transaction already signed', async () => {
        const id = await doraPays(40n);
        const exported = JSON.parse(exportUnsignedTransaction(signingPlan(db, id)!.transaction)) as EIP12UnsignedTransaction;
        await importSigned(ctx, id, JSON.stringify(await doraWallet.sign({ transaction: exported, inputKeyPaths: exported.inputs.map(() => addressKeyPath(0, 0)) })));
        await expect(requestSignature(ctx, id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('this one is signed') });
      });
    });
  });

  it('keeps a transaction the node refuses as signed, with the node’s reason, so it can be sent again', async () => {
    const prepared = await prepareTrade(ctx, order('Alice', 'Bob', 1_00n));
    const competing = await prepareTrade(ctx, order('Alice', 'Charlie', 1_00n));
    await signAndSend(ctx, competing.transactionId);
    await expect(signAndSend(ctx, prepared.transactionId)).rejects.toBeInstanceOf(AppError);
    expect(outboxItem(db, prepared.transactionId)).toMatchObject({ state: 'signed', lastError: expect.stringMatching(/.+/) });
  });

  describe('on the Ledger (emulated Ergo app, real APDUs through ledger-ergo-js)', () => {
    function onLedger(options: { blindSigning?: boolean } = {}) {
      const ledger = emulatedLedger(options);
      return { ledger, ctx: { ...ctx, keys: new SignerCatalogue(ledger.service, 'devnet').get('ledger') } };
    }

    it('signs a trade after the treasurer saw the session’s auth token, and the devnet accepts it', async () => {
      const { ledger, ctx: onDevice } = onLedger();
      const prepared = await prepareTrade(onDevice, order('Alice', 'Bob', 40n));
      const state = await ledger.service.refresh();
      const authToken = state.status === 'ready' ? state.authToken : '';
      await signAndSend(onDevice, prepared.transactionId, { expectedAuthToken: authToken });
      chain.mine();
      await poll();
      expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -2_40n, Bob: -1_10n, Charlie: 3_50n });
      expect(ledger.device.user.shown('sign-transaction')).toHaveLength(1);
    });

    it('refuses to sign when the device answers with another auth token than the one shown', async () => {
      const { ledger, ctx: onDevice } = onLedger();
      const prepared = await prepareTrade(onDevice, order('Alice', 'Bob', 40n));
      await expect(signAndSend(onDevice, prepared.transactionId, { expectedAuthToken: '0x00000000' })).rejects.toMatchObject({ code: 'device-wrong-wallet' });
      expect(ledger.device.user.shown('sign-transaction')).toHaveLength(0);
      expect(outboxItem(db, prepared.transactionId)?.state).toBe('built');
    });

    it('keeps the trade "built" with the reason when blind signing is off, and nothing reaches the chain', async () => {
      const { ctx: onDevice } = onLedger({ blindSigning: false });
      const prepared = await prepareTrade(onDevice, order('Alice', 'Bob', 40n));
      await expect(signAndSend(onDevice, prepared.transactionId)).rejects.toMatchObject({ code: 'device-rejected' });
      expect(outboxItem(db, prepared.transactionId)).toMatchObject({ state: 'built', lastError: expect.stringContaining('Blind signing') });
      expect(await chain.mempool()).toEqual([]);
    });
  });
});
