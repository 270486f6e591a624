import type { StatementNetwork } from './statement-types';

/** The committee's monthly report as it crosses the API boundary: bigint for money, ISO strings for instants. */

/** One member's month: every figure read from the member's ledger entries, as their statement reads them. */
export interface ReportMemberRow {
  /** Local profile id; null for an account whose key has no profile on this computer. */
  memberId: number | null;
  /** The profile's name, or null when the member has none here (the screen shows the short address). */
  name: string | null;
  ownerKey: string;
  /** The member's wallet address; null while the chain (and so its network) is not known. */
  address: string | null;
  openingBalance: bigint;
  turnoverIn: bigint;
  turnoverOut: bigint;
  closingBalance: bigint;
  /** Trades in the period (enrolment and closing are not trades). */
  trades: number;
  /** When the member joined, if inside the period (ISO). */
  joinedAt: string | null;
  /** When the account was closed, if inside the period (ISO). */
  leftAt: string | null;
  /** Which limit the closing balance is near, by the dashboard's rule; null when neither. */
  nearLimit: 'floor' | 'cap' | null;
  /**
   * The account box that held the closing balance: its register R5 is that balance on chain, as on the member's
   * statement. Null when the account was closed by the end of the period.
   */
  closingBox: { boxId: string; height: number } | null;
}

export interface MonthlyReport {
  lets: { id: number; name: string; unit: string; model: 'committee' | 'trustless'; membershipTokenId: string | null; creditFloor: bigint; creditCap: bigint | null };
  /** The period as exact instants: from inclusive, to exclusive. */
  period: { from: string; to: string };
  /** Every member with an account at some moment of the period, by name. */
  members: ReportMemberRow[];
  totals: {
    openingBalance: bigint;
    closingBalance: bigint;
    /** Σ paid in trades of the period (= Σ received). */
    turnover: bigint;
    trades: number;
    /** What members owed together (Σ of the negative balances, as a positive amount) at the start and the end. */
    creditIssuedAtOpening: bigint;
    creditIssuedAtClosing: bigint;
    /** Open accounts at the start and the end of the period. */
    accountsAtOpening: number;
    accountsAtClosing: number;
  };
  /**
   * Σ of all balances at the end of the period. Every trade moves value from one member to another, so a committee
   * LETS's is zero; `balanced` is false when it is not, which means the mirror must be read again.
   */
  trialBalance: { sum: bigint; balanced: boolean };
  nearLimitRule: string;
  generatedAt: string;
  chain: { network: StatementNetwork | null; mirrorTip: { height: number; headerId: string } | null };
}
