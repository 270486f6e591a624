import { Network } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { ErgoHDKey } from '@fleet-sdk/wallet';
import { accountPath, addressKeyPath } from './key-paths';
import type { ErgoNetwork, OwnKey } from './signer';

/** What the device (or a seed) gives for m/44'/429'/account': enough to derive every address offline. */
export interface ExtendedPublicKey {
  readonly account: number;
  /** Compressed public key, hex. */
  readonly publicKey: string;
  readonly chainCode: string;
}

export interface AccountKey extends OwnKey {
  readonly index: number;
  readonly address: string;
}

/** By convention the committee key is the first external address of the treasurer's account. */
export const COMMITTEE_KEY_INDEX = 0;

/**
 * Watch-only view of one account: derives addresses and keys from the stored extended public key, so
 * the app shows balances and builds transactions with no device plugged in; only signing needs it.
 */
export class AccountKeys {
  readonly #root: ErgoHDKey;

  constructor(
    readonly extendedPublicKey: ExtendedPublicKey,
    readonly network: ErgoNetwork,
  ) {
    // depth 3 = m/44'/429'/account'; children below it use non-hardened derivation, which an xpub allows.
    this.#root = new ErgoHDKey({ publicKey: hex.decode(extendedPublicKey.publicKey), chainCode: hex.decode(extendedPublicKey.chainCode), depth: 3 });
  }

  get path(): string {
    return accountPath(this.extendedPublicKey.account);
  }

  key(index: number): AccountKey {
    const keyPath = addressKeyPath(this.extendedPublicKey.account, index);
    const child = this.#root.derive(`m/0/${index}`);
    const addressNetwork = this.network === 'mainnet' ? Network.Mainnet : Network.Testnet;
    return { index, keyPath, publicKey: hex.encode(child.publicKey), address: child.address.encode(addressNetwork) };
  }

  get committee(): AccountKey {
    return this.key(COMMITTEE_KEY_INDEX);
  }

  /** Member keys held by this device, one address each, so every member box has its own key path. */
  memberKeys(count: number, firstIndex = COMMITTEE_KEY_INDEX + 1): AccountKey[] {
    return Array.from({ length: count }, (_, i) => this.key(firstIndex + i));
  }
}
