/**
 * What a transaction does, read from the transaction itself (electron/core/review/read-transaction.ts): registers,
 * scripts and tokens of its boxes, never the form that asked for it. Every review shows this, however the transaction
 * came in, so the words on screen describe what the signature will cover.
 */

export type TransactionKind =
  | 'trade'
  | 'enrolment'
  | 'closing'
  | 'committee-rotation'
  | 'genesis-mint'
  | 'genesis'
  | 'join'
  | 'withdrawal'
  /** Nothing of a LETS the app follows, or a shape none of our contracts has. */
  | 'unknown';

/** One member's account as the transaction leaves it. */
export interface AccountReading {
  ownerKey: string;
  /** The member's name in the directory of this LETS, or null: the key is not a member this computer knows. */
  name: string | null;
  /** Balance of the account box it spends; null when it opens the account. */
  before: bigint | null;
  /** Balance of the account box it creates; null when it closes the account. */
  after: bigint | null;
}

/** A box the transaction spends or creates, in words, with its ERG. */
export interface BoxReading {
  /** Input or output index. */
  index: number;
  /** "Alice’s account", "the management box of Riverside LETS", "the miner fee", "change back to Alice’s wallet". */
  what: string;
  /** The address the box is locked to (pay-to-script for a contract). */
  address: string;
  nanoErgs: bigint;
  tokens: { tokenId: string; amount: bigint }[];
  /** The reader knows what this box is for; false for an output it cannot explain. */
  explained: boolean;
}

export interface TransactionReading {
  /** The LETS whose boxes it spends or creates, or null when none. */
  lets: { id: number; name: string; unit: string } | null;
  kind: TransactionKind;
  /** One sentence from the boxes: "Alice pays Bob 2.00 EUR-LETS". */
  headline: string;
  accounts: AccountReading[];
  /** Trade: what the payer's balance goes down by (and the payee's up by). */
  amount: bigint | null;
  /** Committee key in the management box before and after; null when no management box is spent. */
  committee: { before: string; after: string } | null;
  /** Membership tokens left in the pool (management or public token box) before and after. */
  pool: { before: bigint; after: bigint } | null;
  inputs: BoxReading[];
  outputs: BoxReading[];
  /** nanoERG to the miner. */
  fee: bigint;
  /** Each thing the reader finds wrong or cannot explain, as a sentence; empty when it explains everything. */
  warnings: string[];
}

/** One screen the Ledger shows before it signs, as label and value (app-ergo's review, in its order). */
export interface DeviceScreen {
  label: string;
  value: string;
}
