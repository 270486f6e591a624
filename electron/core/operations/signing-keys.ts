import { hex } from '@fleet-sdk/crypto';
import type { SignerChoice } from '../api/calls/outbox-types';
import { DEMO_MNEMONIC } from '../devnet/demo-lets';
import { AppError } from '../errors/app-error';
import type { AccountKeys } from '../signers/accounts';
import { parseKeyPath } from '../signers/key-paths';
import type { LedgerDeviceService } from '../signers/ledger/device-service';
import { readAccount } from '../signers/ledger/ledger-accounts';
import { LedgerSigner } from '../signers/ledger/ledger-signer';
import type { ErgoNetwork, Signer } from '../signers/signer';
import { SoftwareSigner } from '../signers/software/software-signer';
import type { ChainNetwork } from './chain-access';


/** A signer plus a cheap way to list the keys it holds (external chain of any account). */
export interface SigningKeys {
  readonly signer: Signer;
  readonly choice: SignerChoice;
  /** "The Ledger", "The demo key": used in sentences. */
  readonly label: string;
  /** Compressed public key hex at a path m/44'/429'/account'/0/index. */
  publicKeyAt(path: string): Promise<string>;
}

/** The devnet shows addresses in testnet form: it is a test chain and the Ergo app only knows the two networks. */
export function addressNetwork(network: ChainNetwork): ErgoNetwork {
  return network === 'mainnet' ? 'mainnet' : 'testnet';
}

/**
 * The signers the app offers on a chain: the Ledger always, the demo key only on the embedded devnet, whose coins
 * are worthless (the key is public; a software key is never offered for a real LETS).
 */
export class SignerCatalogue {
  readonly #ledger: SigningKeys;
  readonly #demo: SigningKeys | undefined;

  constructor(device: LedgerDeviceService, network: ChainNetwork) {
    const keysNetwork = addressNetwork(network);
    this.#ledger = ledgerKeys(device, keysNetwork);
    if (network === 'devnet') {
      const demo = SoftwareSigner.fromMnemonic(DEMO_MNEMONIC, { network: keysNetwork });
      this.#demo = { signer: demo, choice: 'demo-key', label: 'The demo key', publicKeyAt: (path) => demo.publicKey(path).then(hex.encode) };
    }
  }

  get offered(): SignerChoice[] {
    return this.#demo ? ['demo-key', 'ledger'] : ['ledger'];
  }

  get(choice: SignerChoice): SigningKeys {
    if (choice === 'ledger') return this.#ledger;
    if (!this.#demo) {
      throw new AppError('invalid-input', 'The demo key only signs on the built-in demo chain.', 'Sign with your Ledger.');
    }
    return this.#demo;
  }
}

/**
 * Keys come from each account's extended public key, read once per connection: one device prompt per account, not
 * one per key.
 */
function ledgerKeys(device: LedgerDeviceService, network: ErgoNetwork): SigningKeys {
  let read: { token: string; accounts: Map<number, AccountKeys> } | undefined;
  return {
    signer: new LedgerSigner(device, network),
    choice: 'ledger',
    label: 'The Ledger',
    publicKeyAt: async (path) => {
      const { account, change, index } = parseKeyPath(path);
      if (change !== 0) throw new AppError('invalid-input', `The app only uses receiving addresses (…/0/index), not ${path}.`, 'Choose a key path ending in /0/ and an index.');
      const state = device.state;
      const token = state.status === 'ready' || state.status === 'busy' ? state.authToken : '';
      if (read?.token !== token || token === '') read = { token, accounts: new Map() };
      let keys = read.accounts.get(account);
      if (!keys) {
        keys = await readAccount(device, account, network);
        read.accounts.set(account, keys);
      }
      return keys.key(index).publicKey;
    },
  };
}
