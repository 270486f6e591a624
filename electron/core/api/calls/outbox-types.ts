/** Shapes of the transaction workflow: prepare → review → sign → send → confirmed. */

export type SignerChoice = 'ledger' | 'demo-key';

/** What a treasurer reviews before signing: the story in their terms, then the chain facts. */
export interface PreparedTransaction {
  transactionId: string;
  /** "Alice pays Bob 2.00 EUR-LETS for milk". */
  headline: string;
  /** Balances before and after, per member the transaction touches (before is null for a new member). */
  balances: { name: string; before: bigint | null; after: bigint }[];
  /** Miner fee in nanoERG, paid by the signer's wallet. */
  feeNanoErgs: bigint;
  /** Who must sign, in words ("Alice", "the committee"). */
  signedBy: string;
  /** The public key that must sign: the chosen signer must hold it, or the file goes to its owner's wallet. */
  signerKey: string;
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
