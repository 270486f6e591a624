import type { EIP12UnsignedTransaction, SignedTransaction } from '@fleet-sdk/common';
import type { TransactionSummary } from './transaction-summary';

export type ErgoNetwork = 'mainnet' | 'testnet';

/** What a builder hands to any signer: the transaction and, for each input, the key that must prove it. */
export interface SigningRequest {
  readonly transaction: EIP12UnsignedTransaction;
  /**
   * Key path proving inputs[i]. The builder knows whose box each input is (an account box is proven
   * by its owner, the management box by the committee), so the signer never guesses from scripts.
   */
  readonly inputKeyPaths: readonly string[];
  /**
   * Our own change key (as derived from the account's extended public key): outputs to it are shown as
   * "change" in the summary and on the Ledger, instead of as payments to check.
   */
  readonly change?: OwnKey;
}

export interface OwnKey {
  readonly keyPath: string;
  /** Compressed public key, hex. */
  readonly publicKey: string;
}

/** Everything the UI shows the treasurer just before the device starts asking. */
export interface DevicePromptInfo {
  readonly summary: TransactionSummary;
  /**
   * The session's auth token as the Ledger displays it ("Application 0x1a2b3c4d"), so the treasurer can
   * check the device is talking to this app. Null for the software signer, which has no device.
   */
  readonly authToken: string | null;
  /** One full review on the device per distinct key path. */
  readonly deviceReviews: number;
}

export interface SigningHooks {
  /** Called after every local check and right before the device prompt; throw to cancel (nothing is signed). */
  beforeDevicePrompt?(info: DevicePromptInfo): void | Promise<void>;
}

export interface Signer {
  readonly kind: 'ledger' | 'software';
  readonly network: ErgoNetwork;
  /** Compressed public key (33 bytes) of a key path. */
  publicKey(path: string): Promise<Uint8Array>;
  /**
   * Signs, assembles and verifies every proof locally before returning. On any failure it throws an
   * AppError and returns nothing, so the caller keeps the transaction as "not signed" and submits nothing.
   */
  sign(request: SigningRequest, hooks?: SigningHooks): Promise<SignedTransaction>;
}
