import { hex } from '@fleet-sdk/crypto';
import { AppError } from '../../errors/app-error';
import { AccountKeys, type AccountKey, type ExtendedPublicKey } from '../accounts';
import { accountPath } from '../key-paths';
import type { ErgoNetwork } from '../signer';
import type { LedgerDeviceService } from './device-service';
import { devicePublicKey, ledgerNetwork } from './ledger-signer';

/** Reads m/44'/429'/account' from the device; the Ergo app asks the treasurer to allow it once per auth token. */
export async function readAccount(device: LedgerDeviceService, account: number, network: ErgoNetwork): Promise<AccountKeys> {
  const xpub = await device.run('reading-keys', (app) => app.getExtendedPublicKey(accountPath(account)));
  const extendedPublicKey: ExtendedPublicKey = { account, publicKey: xpub.publicKey, chainCode: xpub.chainCode };
  return new AccountKeys(extendedPublicKey, network);
}

/**
 * Shows the address on the Ledger screen so the treasurer can compare it with the app. First checks
 * that the device derives the same key as our watch-only copy, so a mismatch is reported, not shown.
 */
export async function verifyAddressOnDevice(device: LedgerDeviceService, key: AccountKey, network: ErgoNetwork): Promise<void> {
  await device.run('showing-address', async (app) => {
    const onDevice = hex.encode(await devicePublicKey(app, key.keyPath, network));
    if (onDevice !== key.publicKey) {
      throw new AppError(
        'device-wrong-wallet',
        `The Ledger derives a different key for ${key.address}: it holds another wallet.`,
        'Connect the Ledger with the recovery phrase this LETS was set up with.',
      );
    }
    await app.showAddress(key.keyPath, ledgerNetwork(network));
  });
}
