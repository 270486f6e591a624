import type { LetsSummary } from '../types';

/** Outbox states that wait for the treasurer: built but never signed, dropped by the node, in conflict. */
export type AttentionState = 'built' | 'dropped' | 'conflict';

export interface AttentionItem {
  transactionId: string;
  letsId: number | null;
  state: AttentionState;
  purpose: string;
  description: string;
  lastError: string | null;
  updatedAt: string;
}

export interface MemberNearLimit {
  /** Local profile id, or null for an account whose key has no profile on this computer. */
  memberId: number | null;
  name: string | null;
  ownerKey: string;
  balance: bigint;
  limit: 'floor' | 'cap';
  /** Distance to that limit. */
  headroom: bigint;
}

/** A LETS as the dashboard shows it: its summary, and what the dashboard adds. */
export interface LetsAtAGlance extends LetsSummary {
  /** Members known on this computer but not enrolled on chain yet. */
  notEnrolledCount: number;
  /** Σ of the negative balances, as a positive amount: what members owe together. */
  creditIssued: bigint;
  tradesThisMonth: number;
  nearLimit: MemberNearLimit[];
}

export interface DashboardSummary {
  lets: LetsAtAGlance[];
  /** Start of the month the trade count covers, ms since 1970 (local time of this computer). */
  monthStart: number;
  /** The near-limit rule in words, shown on screen. */
  nearLimitRule: string;
  /** The highest block the mirror has applied, or null before the first sync. */
  mirrorHeight: number | null;
  needsAttention: AttentionItem[];
}
