import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error';
import { LedgerSigner } from '../../../electron/core/signers/ledger/ledger-signer';
import type { DevicePromptInfo } from '../../../electron/core/signers/signer';
import { emulatedLedger } from '../emulator/emulated-ledger';
import { aPayment, aToken, extensionGuardedBox, member, p2pkBox, SEVEN_IN_VAR_0 } from '../fixtures';
import { interpreterAccepts } from '../interpreter';

function ledgerSigner(options: Parameters<typeof emulatedLedger>[0] = {}) {
  const ledger = emulatedLedger(options);
  return { ...ledger, signer: new LedgerSigner(ledger.service, 'mainnet') };
}

describe('LedgerSigner through the emulated Ergo app', () => {
  it('signs a P2PK payment that the interpreter accepts', async () => {
    const { signer } = ledgerSigner();
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

    const signed = await signer.sign(request);

    expect(signed.inputs).toHaveLength(1);
    expect(interpreterAccepts(request.transaction, signed)).toEqual([true]);
  });

  it('signs inputs of two keys, tokens, registers, a data input and a context extension in one transaction', async () => {
    const { signer, device } = ledgerSigner();
    const tokens = [1, 2, 3, 4, 5].map((seed) => ({ tokenId: aToken(seed), amount: BigInt(seed) * 1000n }));
    const request = aPayment({
      inputs: [
        { box: p2pkBox(1, { tokens }), owner: 1 },
        { box: extensionGuardedBox(2), owner: 2, extension: SEVEN_IN_VAR_0 },
        { box: p2pkBox(1, { registers: { R4: '0580897a' } }), owner: 1 },
      ],
      dataInputs: [p2pkBox(9)],
      to: member(5).address,
      tokens: [{ tokenId: aToken(2), amount: 500n }],
      registers: { R4: '0e0548656c6c6f' },
    });

    const signed = await signer.sign(request);

    expect(interpreterAccepts(request.transaction, signed)).toEqual([true, true, true]);
    // Key paths m/…/0/1 and m/…/0/2: the treasurer reviews the transaction once per distinct key.
    expect(device.user.shown('sign-transaction')).toHaveLength(2);
  });

  it('tells the UI the auth token and the review count before the device asks anything', async () => {
    const { signer, device } = ledgerSigner();
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });
    let seen: DevicePromptInfo | undefined;
    let promptsBeforeHook = -1;

    await signer.sign(request, {
      beforeDevicePrompt: (info) => {
        seen = info;
        promptsBeforeHook = device.user.prompts.length;
      },
    });

    expect(promptsBeforeHook).toBe(0);
    expect(device.user.prompts[0]).toEqual({ kind: 'trust-application', text: seen?.authToken });
    expect(seen?.deviceReviews).toBe(1);
    expect(seen?.summary.outputs.map((output) => output.kind)).toEqual(['address', 'fee', 'change']);
  });

  it('cancels without signing when the treasurer backs out of the summary', async () => {
    const { signer, device } = ledgerSigner();
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

    await expect(
      signer.sign(request, {
        beforeDevicePrompt: () => {
          throw new AppError('invalid-input', 'Cancelled by the treasurer.', 'Nothing to do.');
        },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(device.user.shown('sign-transaction')).toHaveLength(0);
  });

  it('reports "rejected or blind signing off" when the treasurer rejects on the device', async () => {
    const { signer, device, service } = ledgerSigner();
    device.user.rejectNext('sign-transaction');
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

    const error = await signer.sign(request).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'device-rejected' });
    expect((error as AppError).message).toMatch(/Reject.*blind signing/s);
    expect((error as AppError).hint).toMatch(/Settings.*Blind signing/);
    expect(service.state.status).toBe('ready');
  });

  it('needs blind signing for a payment into a contract and says how to enable it', async () => {
    const { signer, device } = ledgerSigner({ blindSigning: false });
    const contract = extensionGuardedBox(3).ergoTree;
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: contract });

    await expect(signer.sign(request)).rejects.toMatchObject({ code: 'device-rejected' });
    expect(device.user.shown('blind-signing-disabled')).toHaveLength(1);

    device.blindSigning = true;
    const signed = await signer.sign(request);
    expect(interpreterAccepts(request.transaction, signed)).toEqual([true]);
  });

  it('refuses more distinct tokens than the app holds before touching the device', async () => {
    const { signer, device } = ledgerSigner();
    const tokens = Array.from({ length: 21 }, (_, i) => ({ tokenId: aToken(i + 1), amount: 1n }));
    const request = aPayment({ inputs: [{ box: p2pkBox(1, { tokens }), owner: 1 }], to: member(5).address });

    await expect(signer.sign(request)).rejects.toMatchObject({ code: 'limit-exceeded' });
    expect(device.apdus).toHaveLength(0);
  });

  it('reports an unplug in the middle of signing and returns no transaction', async () => {
    const { signer, device, service } = ledgerSigner();
    device.unplugWhen({ ins: 0x21, p1: 0x20 });
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

    await expect(signer.sign(request)).rejects.toMatchObject({ code: 'device-disconnected', message: expect.stringMatching(/Nothing was signed or sent/) });
    expect(service.state.status).toBe('no-device');
  });

  it('gives up after the review timeout when nobody answers the device', async () => {
    const ledger = emulatedLedger({}, { timeoutsMs: { signing: 200 } });
    ledger.device.hangWhen({ ins: 0x21, p1: 0x20 });
    const signer = new LedgerSigner(ledger.service, 'mainnet');
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

    await expect(signer.sign(request)).rejects.toMatchObject({ code: 'device-timeout' });
  });

  it('refuses to sign when the Ledger holds another seed than the one the LETS was set up with', async () => {
    const { signer } = ledgerSigner({ mnemonic: 'legal winner thank year wave sausage worth useful legal winner thank yellow' });
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

    await expect(signer.sign(request)).rejects.toMatchObject({ code: 'device-wrong-wallet' });
  });
});
