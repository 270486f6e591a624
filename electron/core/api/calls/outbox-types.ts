import type { DeviceScreen, TransactionReading } from './review-types';

/** Shapes of the transaction workflow: prepare → review → sign → send → confirmed. */

export type SignerChoice = 'ledger' | 'demo-key';

/**
 * What a treasurer reviews before signing: what the transaction does, read from the transaction itself (never from the
 * form that asked for it), then what the Ledger will show of it.
 */
export interface PreparedTransaction {
  transactionId: string;
  reading: TransactionReading;
  /** What the treasurer typed about it ("milk"): kept on this computer with the transaction, never on chain. */
  memo: string;
  /** Who must sign, in words ("Alice", "the committee"). */
  signedBy: string;
  /** The public key that must sign: the chosen signer must hold it, or the file goes to its owner's wallet. */
  signerKey: string;
  /** The Ledger's review of it, screen by screen (one review per distinct key path: `reviews`). */
  device: { reviews: number; screens: DeviceScreen[] };
  /** The signing request that stands for the signer's own wallet (ErgoPay), or null when none does. */
  request: SignatureRequest | null;
}

export type OutboxState = 'built' | 'signed' | 'submitted' | 'mempool' | 'included' | 'confirmed' | 'dropped' | 'conflict';

export interface OutboxEntry {
  id: number;
  transactionId: string;
  letsId: number | null;
  purpose: string;
  description: string;
  state: OutboxState;
  includedHeight: number | null;
  /** The last failure in words (device refused, node refused), or null. */
  lastError: string | null;
  /** Who must still sign it (in words: "Alice", "the committee") while it is not signed; null once it is. */
  signer: string | null;
  /** A signing request stands for its signer's own wallet (ErgoPay) until this time (ISO), or null when none does. */
  requestExpiresAt: string | null;
}

/** A signing request for a member's own wallet (EIP-20 ErgoPay), to show as a QR code and a link. */
export interface SignatureRequest {
  transactionId: string;
  /** `ergopay:` and the reduced transaction, base64 URL-safe. */
  uri: string;
  /** False when the request is too large for one QR code: then the file goes to the wallet instead. */
  fitsOneQrCode: boolean;
  /** Who signs it, in words. */
  signer: string;
  /** ISO time after which the request ends unsigned. */
  expiresAt: string;
}

/** A key read from the connected Ledger at a path the treasurer chose, with the address its screen can show. */
export interface LedgerKey {
  publicKey: string;
  address: string;
  keyPath: string;
}

export interface SigningOptions {
  /** The signers offered on this chain; the demo key only on the built-in demo chain. */
  signers: SignerChoice[];
}

/** An unsigned transaction as EIP-12 JSON, for a member to sign in their own Ergo wallet. */
export interface ExportedTransaction {
  fileName: string;
  json: string;
}
