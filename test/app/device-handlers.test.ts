import { hex } from '@fleet-sdk/crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app/core';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import { SoftwareSigner } from '../../electron/core/signers/software/software-signer';
import { EmulatedUsb } from '../signers/emulator/emulated-ledger';
import { TEST_MNEMONIC } from '../signers/emulator/ergo-app-emulator';
import { tempDir } from '../helpers/temp-dir';
import { join } from 'node:path';

describe('the Ledger as the app shows it', () => {
  let core: Core | undefined;
  afterEach(async () => core?.close());

  function appWith(usb: EmulatedUsb): Core {
    core = createCore({ databasePath: join(tempDir(), 'mirror.sqlite'), appVersion: 'test', deviceTransports: usb });
    return core;
  }

  it('reports no device, then the Ergo app ready with its session token, then unplugged again', async () => {
    const usb = new EmulatedUsb();
    const app = appWith(usb);
    expect(await app.handlers['device.status']({})).toMatchObject({ state: 'not-connected', message: 'No Ledger connected', authToken: null });

    usb.plug({ version: [0, 2, 1] });
    const ready = await app.handlers['device.status']({});
    expect(ready).toMatchObject({ state: 'ready', message: 'Ledger ready: Ergo app 0.2.1', hint: null });
    expect(ready.authToken).toMatch(/^0x[0-9a-f]{8}$/);

    usb.unplugAll();
    expect(await app.handlers['device.status']({})).toMatchObject({ state: 'not-connected' });
  });

  it('says which app is open instead of Ergo', async () => {
    const usb = new EmulatedUsb();
    usb.plug({ screen: 'dashboard' });
    expect(await appWith(usb).handlers['device.status']({})).toMatchObject({ state: 'wrong-app', hint: 'Open the Ergo app on the Ledger.' });
  });

  it('shows an address it holds on the device screen', async () => {
    const usb = new EmulatedUsb();
    const device = usb.plug();
    const app = appWith(usb);
    await app.startChain();
    const key = hex.encode(await SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'testnet' }).publicKey(addressKeyPath(0, 2)));

    await app.handlers['device.verifyAddress']({ publicKey: key });

    expect(device.user.shown('show-address')).toHaveLength(1);
    expect(device.user.shown('show-address')[0]?.text).toContain(key);
  });
});
