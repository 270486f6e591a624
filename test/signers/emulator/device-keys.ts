import { blake2b256 } from '@fleet-sdk/crypto';
import { ErgoHDKey } from '@fleet-sdk/wallet';
import { HARDENED, StatusError, pathToString } from './bytes';

const SW_BIP32_BAD_PATH = 0xe012;
const SW_BAD_NET_TYPE_VALUE = 0xe019;
const PURPOSE = HARDENED + 44;
const ERGO_COIN = HARDENED + 429;

/** The seed inside the emulated device, with the app's path rules (ledger-app-ergo bip32_path_validate). */
export class DeviceKeys {
  readonly #master: ErgoHDKey;

  constructor(mnemonic: string) {
    this.#master = ErgoHDKey.fromMnemonicSync(mnemonic, { path: '' });
  }

  /** Extended keys may stop at the account (m/44'/429'/a'); address keys need account'/change/index. */
  key(path: readonly number[], kind: 'account' | 'address'): ErgoHDKey {
    const [purpose, coin, account, change] = path;
    const valid =
      purpose === PURPOSE &&
      coin === ERGO_COIN &&
      account !== undefined &&
      account >= HARDENED &&
      path.length <= 10 &&
      (kind === 'account' ? path.length >= 3 : path.length >= 5 && (change === 0 || change === 1));
    if (!valid) throw new StatusError(SW_BIP32_BAD_PATH);
    return this.#master.derive(pathToString(path));
  }
}

/** Raw P2PK address: (network + type 1) | compressed key | first 4 bytes of blake2b256 checksum. */
export function rawP2pkAddress(network: number, publicKey: Uint8Array): Buffer {
  if (network !== 0x00 && network !== 0x10) throw new StatusError(SW_BAD_NET_TYPE_VALUE);
  const body = Buffer.concat([Buffer.from([network + 0x01]), publicKey]);
  return Buffer.concat([body, Buffer.from(blake2b256(body)).subarray(0, 4)]);
}
