import { describe, expect, it } from 'vitest';
import { AccountKeys } from '../../../electron/core/signers/accounts';
import { readAccount, verifyAddressOnDevice } from '../../../electron/core/signers/ledger/ledger-accounts';
import { emulatedLedger } from '../emulator/emulated-ledger';
import { member } from '../fixtures';

describe('accounts from the Ledger', () => {
  it('reads the account xpub once and derives committee and member keys offline (watch-only)', async () => {
    const { service, device } = emulatedLedger();

    const account = await readAccount(service, 0, 'testnet');
    const watchOnly = new AccountKeys(account.extendedPublicKey, 'testnet');

    expect(watchOnly.committee).toMatchObject({ keyPath: member(0).keyPath, publicKey: member(0).publicKey, address: member(0).address.encode(16) });
    expect(watchOnly.memberKeys(2).map((key) => key.publicKey)).toEqual([member(1).publicKey, member(2).publicKey]);
    expect(device.user.shown('trust-application')).toHaveLength(1);
  });

  it('shows the committee address on the device for the treasurer to compare', async () => {
    const { service, device } = emulatedLedger();
    const account = await readAccount(service, 0, 'mainnet');

    await verifyAddressOnDevice(service, account.committee, 'mainnet');

    const shown = device.user.shown('show-address');
    expect(shown).toHaveLength(1);
    expect(shown[0]?.text).toContain(account.committee.publicKey);
  });

  it('reports a rejection on the device and a device holding another wallet', async () => {
    const { service, device } = emulatedLedger();
    const account = await readAccount(service, 0, 'mainnet');
    device.user.rejectNext('show-address');
    await expect(verifyAddressOnDevice(service, account.committee, 'mainnet')).rejects.toMatchObject({ code: 'device-rejected' });

    const other = emulatedLedger({ mnemonic: 'legal winner thank year wave sausage worth useful legal winner thank yellow' });
    await expect(verifyAddressOnDevice(other.service, account.committee, 'mainnet')).rejects.toMatchObject({ code: 'device-wrong-wallet' });
  });
});
