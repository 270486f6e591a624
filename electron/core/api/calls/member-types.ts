import type { MemberSummary } from '../types';

export type MemberSort = 'name' | 'balance' | 'lastTrade';
export type SortDirection = 'asc' | 'desc';
/** The network an address is encoded for (same values as the signers' ErgoNetwork). */
export type AddressNetwork = 'mainnet' | 'testnet';

/** Lengths of the local-only member metadata; the API schema and the CSV import both check them. */
export const PROFILE_LIMITS = { name: 200, contact: 200, notes: 2_000 } as const;

export interface Headroom {
  /** How much more the member may spend before reaching the credit floor. */
  toFloor: bigint;
  /** How much more the member may receive before reaching the credit cap; null when the LETS has no cap. */
  toCap: bigint | null;
}

export interface MemberHistoryRow {
  transactionId: string;
  kind: 'enrolment' | 'trade' | 'closing';
  counterpartyKey: string | null;
  /** The counterparty's name on this computer, or null when unknown here (or no counterparty). */
  counterpartyName: string | null;
  /** Positive: the member received; negative: the member paid. */
  delta: bigint;
  balanceAfter: bigint;
  /** What the treasurer typed when the app sent it; empty for transactions made elsewhere. */
  description: string;
  height: number;
  /** Block time, ms since 1970. */
  timestamp: number;
  /** Blocks on top of (and including) the one holding the transaction. */
  confirmations: number;
  /** At least the app's confirmation depth: a reorg can no longer undo it in practice. */
  confirmed: boolean;
  /** A trade of a committee LETS that is neither reversed nor itself a reversal: "Reverse this trade" is offered. */
  reversible: boolean;
}

export interface MemberDetail extends MemberSummary {
  notes: string;
  lets: { id: number; name: string; unit: string; model: 'committee' | 'trustless'; creditFloor: bigint; creditCap: bigint | null };
  /** Null while not enrolled (no balance yet). In a trustless LETS the collateral may set a higher floor. */
  headroom: Headroom | null;
  /** Trustless LETS: the most debt the member's collateral backs; null otherwise. */
  debtBackedByCollateral: bigint | null;
  accountBoxId: string | null;
  /** P2PK address of the owner key, encoded for the chain's network. */
  ownerAddress: string;
  network: AddressNetwork;
  /** Newest first. */
  history: MemberHistoryRow[];
  /**
   * An open account of a committee LETS: why the committee cannot close it now (balance not 0.00, with whom to
   * settle; the last open account), or null when it can. Null too where closing does not apply.
   */
  closingRefusal: { message: string; hint: string } | null;
}

export interface ImportRow {
  /** Row number as the spreadsheet shows it (header = row 1). */
  row: number;
  name: string;
  contact: string;
  notes: string;
  ownerKey: string;
  /** The key already has an account box on chain; otherwise the member waits for the enrolment wizard. */
  enrolled: boolean;
}

export interface ImportProblem {
  /** Null for a problem with the whole file (e.g. a missing column). */
  row: number | null;
  message: string;
}

export interface ImportPreview {
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Rows imported as they are but worth a second look: a name another member or row has already. */
  warnings: ImportProblem[];
  /** Header names the import does not read (e.g. balance in an exported file). */
  ignoredColumns: string[];
}

export interface MemberCsvFile {
  fileName: string;
  csv: string;
  rowCount: number;
}

/** One rule of a LETS in words, e.g. "Credit floor" / "No balance can go below −200.00 EUR-LETS." */
export interface RuleText {
  rule: string;
  detail: string;
}

/** Which rules of a followed LETS the chain enforces for its model, and which only the app (or its people) keep. */
export interface LetsRules {
  letsId: number;
  name: string;
  model: 'committee' | 'trustless';
  enforcedByChain: RuleText[];
  keptByApp: RuleText[];
}
