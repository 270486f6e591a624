import type { SignedTransaction } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { Network, type ErgoLedgerApp } from 'ledger-ergo-js';
import { AppError } from '../../errors/app-error';
import { distinctKeyPaths } from '../key-paths';
import { assembleSignedTransaction, verifyProofs } from '../signed-transaction';
import type { ErgoNetwork, Signer, SigningHooks, SigningRequest } from '../signer';
import { summarizeTransaction } from '../transaction-summary';
import { STATUS, statusWordOf } from './device-errors';
import type { LedgerDeviceService } from './device-service';
import { formatAuthToken } from './device-service';
import { DEFAULT_DISTINCT_TOKEN_LIMIT, toLedgerTransaction } from './transaction-mapping';

export function ledgerNetwork(network: ErgoNetwork): Network {
  return network === 'mainnet' ? Network.Mainnet : Network.Testnet;
}

/**
 * The derive-address reply is the raw address: network/type byte, 33-byte compressed key, 4-byte
 * checksum (ledger-app-ergo doc/INS-11-DERIVE-ADDR.md). Once the auth token is trusted it needs no prompt.
 */
export async function devicePublicKey(app: ErgoLedgerApp, path: string, network: ErgoNetwork): Promise<Uint8Array> {
  const { addressHex } = await app.deriveAddress(path, ledgerNetwork(network));
  return Uint8Array.from(Buffer.from(addressHex, 'hex').subarray(1, 34));
}

export interface LedgerSignerOptions {
  /** Distinct tokens the installed Ergo app accepts per transaction. */
  distinctTokenLimit?: number;
}

export class LedgerSigner implements Signer {
  readonly kind = 'ledger';
  readonly #tokenLimit: number;

  constructor(
    private readonly device: LedgerDeviceService,
    readonly network: ErgoNetwork,
    options: LedgerSignerOptions = {},
  ) {
    this.#tokenLimit = options.distinctTokenLimit ?? DEFAULT_DISTINCT_TOKEN_LIMIT;
  }

  publicKey(path: string): Promise<Uint8Array> {
    return this.device.run('reading-keys', (app) => devicePublicKey(app, path, this.network));
  }

  /**
   * ledger-ergo-js's signTx attests every input (the device returns HMAC-bound frames carrying the box
   * values), then streams the transaction once per distinct key path and gets one Schnorr proof per
   * path. Each proof is verified locally against the key the device reports for that path.
   */
  async sign(request: SigningRequest, hooks: SigningHooks = {}): Promise<SignedTransaction> {
    // Mapped before touching the device, so a transaction the device would refuse never gets that far.
    const ledgerTx = toLedgerTransaction(request, this.#tokenLimit);
    const paths = distinctKeyPaths(request.inputKeyPaths);
    return this.device.run('signing', async (app) => {
      await hooks.beforeDevicePrompt?.({
        summary: summarizeTransaction(request, this.network),
        authToken: formatAuthToken(app.authToken),
        deviceReviews: paths.length,
      });
      const keys = new Map<string, Uint8Array>();
      for (const path of paths) keys.set(path, await devicePublicKey(app, path, this.network));
      if (request.change) await this.#assertSameWallet(app, request.change.keyPath, request.change.publicKey);
      const signTx = () => app.signTx(ledgerTx, ledgerNetwork(this.network));
      // A restart of the Ergo app between attesting the inputs and signing changes its session key, so the frames it
      // attested no longer verify (0xE018): attest again, once. A second time, the treasurer hears why.
      const proofs = await signTx().catch((error: unknown) => {
        if (statusWordOf(error) !== STATUS.BAD_FRAME_SIGNATURE) throw error;
        return signTx();
      });
      verifyProofs(request.transaction, proofs, request.inputKeyPaths.map((path) => keys.get(path) as Uint8Array));
      return assembleSignedTransaction(request.transaction, proofs);
    });
  }

  /** The device derives change itself from the path; a different seed would silently send change elsewhere. */
  async #assertSameWallet(app: ErgoLedgerApp, path: string, expectedPublicKey: string): Promise<void> {
    const actual = hex.encode(await devicePublicKey(app, path, this.network));
    if (actual !== expectedPublicKey.toLowerCase()) {
      throw new AppError(
        'device-wrong-wallet',
        'This Ledger holds a different wallet than the one this LETS was set up with. Nothing was signed or sent.',
        'Connect the Ledger with the committee\'s recovery phrase, or set the LETS up again with this Ledger.',
      );
    }
  }
}
