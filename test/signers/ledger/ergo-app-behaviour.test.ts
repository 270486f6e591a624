import { describe, expect, it } from 'vitest';
import { toDeviceAppError } from '../../../electron/core/signers/ledger/device-errors';
import { LedgerSigner } from '../../../electron/core/signers/ledger/ledger-signer';
import { StatusWordError } from '../../../electron/core/signers/ledger/open-app';
import { emulatedLedger } from '../emulator/emulated-ledger';
import type { EmulatorOptions } from '../emulator/ergo-app-emulator';
import { aPayment, aToken, extensionGuardedBox, member, p2pkBox } from '../fixtures';
import { interpreterAccepts } from '../interpreter';

/**
 * The Ledger path as the real Ergo app behaves (LedgerHQ/app-ergo at 9d1e7f5: apdu_dispatcher.c, stx_handler.c,
 * stx_op_p2pk.c, stx_ui_nbgl.c, helpers/session_id.h), through ledger-ergo-js over the emulated app's APDUs, and what
 * the treasurer reads for each refusal.
 */
describe('the Ergo app as it really answers', () => {
  function ledger(options: EmulatorOptions = {}, timeoutsMs = {}) {
    const found = emulatedLedger(options, { timeoutsMs });
    return { ...found, signer: new LedgerSigner(found.service, 'mainnet') };
  }
  const payment = () => aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });
  /** A box like a LETS account: a contract, with a token and registers after its tree. */
  const intoContract = () =>
    aPayment({ inputs: [{ box: p2pkBox(1, { tokens: [{ tokenId: aToken(9), amount: 5n }] }), owner: 1 }], to: extensionGuardedBox(3).ergoTree, tokens: [{ tokenId: aToken(9), amount: 5n }], registers: { R4: '0e0548656c6c6f' } });
  /** Signs a fresh payment; whether the interpreter accepts every proof. */
  const signsValidly = async (signer: LedgerSigner) => {
    const request = payment();
    return interpreterAccepts(request.transaction, await signer.sign(request)).every(Boolean);
  };
  /** The sign-transaction steps the device received (INS 0x21), by P1. */
  const signSteps = (apdus: readonly string[]) => apdus.filter((apdu) => apdu.startsWith('e021')).map((apdu) => apdu.slice(4, 6));

  it('on a Nano, refuses a contract output without blind signing once that box is complete, not at its tree', async () => {
    const { signer, device } = ledger({ blindSigning: false, model: 'nano' });
    await expect(signer.sign(intoContract())).rejects.toMatchObject({ code: 'device-rejected' });
    expect(device.user.shown('blind-signing-disabled')).toHaveLength(1);
    // The box has a tree, its token and its registers: the app judges it on the last of these (0x1A), then stops.
    expect(signSteps(device.apdus).slice(-3)).toEqual(['16', '19', '1a']);
    expect(device.user.shown('sign-transaction')).toHaveLength(0);
  });

  it('on a Stax or Flex, takes the whole transaction and refuses it on the final review', async () => {
    const { signer, device } = ledger({ blindSigning: false, model: 'stax' });
    await expect(signer.sign(intoContract())).rejects.toMatchObject({ code: 'device-rejected', message: expect.stringMatching(/blind signing/) as string });
    expect(device.user.shown('blind-signing-disabled')).toHaveLength(1);
    expect(signSteps(device.apdus).at(-1)).toBe('20');
  });

  it('answers 0x6A86 to a wrong P1 or P2, also P2 = 0 on a signing step, and the treasurer hears the versions do not match', async () => {
    const { device } = ledger();
    const sw = async (apdu: string) => (await device.exchange(Buffer.from(apdu, 'hex'))).subarray(-2).toString('hex');
    expect(await sw('e0010100' + '00')).toBe('6a86');
    expect(await sw('e0020001' + '00')).toBe('6a86');
    expect(await sw('e0100101' + '00')).toBe('6a86');
    expect(await sw('e0211000' + '00')).toBe('6a86');
    expect(await sw('e0010000' + '00')).toBe('9000');
    expect(toDeviceAppError(new StatusWordError(0x6a86), 'signing')).toMatchObject({
      code: 'device-error',
      message: 'The Ergo app did not accept the request (code 0x6a86): this LETS Treasurer and the Ergo app on the Ledger do not match. Nothing was signed or sent.',
      hint: 'Update the Ergo app in Ledger Live and LETS Treasurer to their latest versions, then try again.',
    });
    expect(toDeviceAppError(new StatusWordError(0x6a87), 'reading-keys').message).toContain('code 0x6a87');
  });

  it('gives each signing session a random non-zero id, never the previous one, and still signs', async () => {
    const { signer, device } = ledger();
    // Sign-transaction init for mainnet at m/44'/429'/0'/0/1: the app answers the new session's id.
    const path = [0x8000002c, 0x800001ad, 0x80000000, 0, 1].map((n) => n.toString(16).padStart(8, '0')).join('');
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) ids.push((await device.exchange(Buffer.from(`e0210101160005${path}`, 'hex')))[0] ?? 0);
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(ids.every((id, i) => i === 0 || id !== ids[i - 1])).toBe(true);
    // A counter would hand out 1, 2, 3…; random ids do not follow one another.
    expect(ids.filter((id, i) => i > 0 && id === (ids[i - 1] ?? 0) + 1).length).toBeLessThan(5);
    expect(await signsValidly(signer)).toBe(true);
  });

  it('loses the session when another program switches the app to its own command, and says to sign again', async () => {
    const { signer, device } = ledger();
    device.interruptWhen({ ins: 0x21, p1: 0x15 });
    await expect(signer.sign(payment())).rejects.toMatchObject({
      code: 'device-error',
      message: 'The Ledger lost its session while signing on the Ledger: another request reached the Ergo app in between (another wallet program?). Nothing was signed or sent.',
      hint: 'Close other wallet programs such as Ledger Live, then sign again.',
    });
    // 0xB0FF: the output step arrived while the app was in another command.
    expect(device.user.shown('sign-transaction')).toHaveLength(0);
    expect(await signsValidly(signer)).toBe(true);
    expect(toDeviceAppError(new StatusWordError(0xb002), 'reading-keys').hint).toBe('Close other wallet programs such as Ledger Live, then try again.');
  });

  it('answers 0xB000 while a prompt stays on the screen, until someone answers it', async () => {
    const { signer, device, service } = ledger({}, { signing: 200 });
    device.hangWhen({ ins: 0x21, p1: 0x20 });
    await expect(signer.sign(payment())).rejects.toMatchObject({ code: 'device-timeout' });
    await expect(signer.publicKey(member(2).keyPath)).rejects.toMatchObject({ code: 'device-busy', hint: 'Finish or reject what the Ledger screen shows, then try again.' });
    device.dismissPrompt();
    expect(await signer.publicKey(member(2).keyPath)).toEqual(member(2).publicKeyBytes);
    expect(service.state.status).toBe('ready');
  });

  it('refuses a key path outside m/44’/429’/account’/0/index with 0xE012, and the treasurer hears which paths it uses', async () => {
    const { device } = ledger();
    // Derive address (no display) for mainnet at m/44'/429'/0'/2/0: change 2 is not a chain the app derives on.
    const path = [0x8000002c, 0x800001ad, 0x80000000, 2, 0].map((n) => n.toString(16).padStart(8, '0')).join('');
    expect((await device.exchange(Buffer.from(`e0110101160005${path}`, 'hex'))).toString('hex')).toBe('e012');
    expect(toDeviceAppError(new StatusWordError(0xe012), 'reading-keys')).toMatchObject({
      code: 'invalid-input',
      message: 'The Ergo app does not use that key path.',
      hint: "Choose an account and address index: the Ergo app signs with keys at m/44'/429'/account'/0/index.",
    });
  });

  it('attests the inputs again by itself, once, when the Ergo app restarted between attesting and signing', async () => {
    const { signer, device } = ledger();
    device.restartAppWhen({ ins: 0x21, p1: 0x01 });
    expect(await signsValidly(signer)).toBe(true);
    expect(device.apdus.filter((apdu) => apdu.startsWith('e0200102') || apdu.startsWith('e0200101'))).toHaveLength(2);

    device.restartAppWhen({ ins: 0x21, p1: 0x01 }, 2);
    await expect(signer.sign(payment())).rejects.toMatchObject({
      code: 'device-error',
      message: 'The Ergo app restarted while signing on the Ledger, twice in a row, so the boxes it had checked could not be used. Nothing was signed or sent.',
      hint: 'Keep the Ergo app open on the Ledger, then sign again.',
    });
  });

  it('tells an Ergo app too old for a command (0x6D00 from inside it) from another app being open', async () => {
    const { signer } = ledger({ unknownCommands: [0x11] });
    await expect(signer.publicKey(member(2).keyPath)).rejects.toMatchObject({
      code: 'device-error',
      message: 'The Ergo app on the Ledger is too old for this request.',
      hint: 'Update the Ergo app in Ledger Live, open it again, and try again.',
    });
    expect(toDeviceAppError(new StatusWordError(0x6d00), 'signing')).toMatchObject({ code: 'device-wrong-app' });
  });

  it('names a refused network (0xE019)', () => {
    expect(toDeviceAppError(new StatusWordError(0xe019), 'signing')).toMatchObject({
      code: 'chain-wrong-network',
      message: 'The Ergo app refused the network of this request. Nothing was signed or sent.',
    });
  });
});
