import type { SignedTransaction } from '@fleet-sdk/common';
import { ErgoHDKey, generateProof, validateMnemonic } from '@fleet-sdk/wallet';
import { AppError } from '../../errors/app-error';
import { distinctKeyPaths, parseKeyPath } from '../key-paths';
import { bytesToSign } from '../../transactions/transaction-bytes';
import { assembleSignedTransaction, verifyProofs } from '../signed-transaction';
import type { ErgoNetwork, Signer, SigningHooks, SigningRequest } from '../signer';
import { summarizeTransaction } from '../transaction-summary';

export interface SoftwareSignerOptions {
  network: ErgoNetwork;
  /**
   * A seed held in app memory is not protected like a hardware wallet; real money must be signed on
   * the Ledger. Mainnet is refused unless the caller sets this on purpose.
   */
  acknowledgeUnprotectedMainnetKey?: boolean;
}

/** Signs with keys from a seed phrase, behind the same interface as the Ledger: the devnet demo and tests. */
export class SoftwareSigner implements Signer {
  readonly kind = 'software';
  readonly network: ErgoNetwork;
  readonly #master: ErgoHDKey;

  private constructor(master: ErgoHDKey, network: ErgoNetwork) {
    this.#master = master;
    this.network = network;
  }

  static fromMnemonic(mnemonic: string, options: SoftwareSignerOptions): SoftwareSigner {
    if (options.network === 'mainnet' && options.acknowledgeUnprotectedMainnetKey !== true) {
      throw new AppError('invalid-input', 'The built-in signer is only for the demo chain and test networks.', 'Sign mainnet transactions with your Ledger.');
    }
    if (!validateMnemonic(mnemonic)) {
      throw new AppError('invalid-input', 'That recovery phrase is not valid.', 'Check the words and their order.');
    }
    return new SoftwareSigner(ErgoHDKey.fromMnemonicSync(mnemonic, { path: '' }), options.network);
  }

  publicKey(path: string): Promise<Uint8Array> {
    return Promise.resolve(this.#key(path).publicKey);
  }

  async sign(request: SigningRequest, hooks: SigningHooks = {}): Promise<SignedTransaction> {
    if (request.inputKeyPaths.length !== request.transaction.inputs.length) {
      throw new AppError('invalid-input', 'Every input of the transaction needs a signing key.', 'This is a bug in the app: the transaction was built without its signers.');
    }
    await hooks.beforeDevicePrompt?.({
      summary: summarizeTransaction(request, this.network),
      authToken: null,
      deviceReviews: distinctKeyPaths(request.inputKeyPaths).length,
    });
    const message = bytesToSign(request.transaction);
    const keys = request.inputKeyPaths.map((path) => this.#key(path));
    const proofs = keys.map((key) => generateProof(message, key));
    verifyProofs(request.transaction, proofs, keys.map((key) => key.publicKey));
    return assembleSignedTransaction(request.transaction, proofs);
  }

  #key(path: string): ErgoHDKey {
    parseKeyPath(path);
    return this.#master.derive(path);
  }
}
