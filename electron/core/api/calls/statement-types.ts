import type { MemberCollateral } from '../types';

/** The shapes of a member statement as they cross the API boundary: bigint for money, ISO strings for instants. */

export type StatementNetwork = 'mainnet' | 'testnet' | 'devnet';

export interface StatementLine {
  transactionId: string;
  /** A trade, or the account's opening (enrolment) or closing, which the statement shows as their own lines. */
  kind: 'enrolment' | 'trade' | 'closing';
  /** The block's timestamp as an ISO instant (UTC); the screen shows it in the treasurer's time zone. */
  date: string;
  height: number;
  /** The other member of a trade; name is null when this computer has no profile for their key. */
  counterparty: { key: string; name: string | null } | null;
  /** What the treasurer wrote when the app sent the trade; empty for trades sent elsewhere. */
  description: string;
  amountIn: bigint;
  amountOut: bigint;
  /** Read from the member's new account box on chain, never accumulated. */
  balanceAfter: bigint;
}

/** A box on chain and the block that created it; headerId is null once the mirror has pruned that old header. */
export interface StatementBoxReference {
  boxId: string;
  transactionId: string;
  height: number;
  headerId: string | null;
}

/**
 * How anyone can check the closing balance against the chain. On mainnet and testnet, `url` is the public Ergo
 * Explorer API record of the account box that held the closing balance (its R5 register is the balance in minor
 * units, its assets include the LETS membership token). The devnet exists only on this computer, so there is no
 * url and no QR code, and the note says plainly that nobody else can check it.
 */
export interface StatementVerification {
  /**
   * One line that states the claim, the balance in the LETS's unit as the rest of the statement shows it and as the
   * register holds it: "LETS <membership token> box <box id>: balance −2.00 hours (register R5 = -200) at height <h>".
   */
  claim: string | null;
  url: string | null;
  /** What the QR code encodes: the url; null where there is none (nothing to check, or nobody else can: the demo chain). */
  qrContent: string | null;
  note: string;
}

export interface MemberStatement {
  lets: {
    id: number;
    name: string;
    unit: string;
    tokenId: string;
    membershipTokenId: string | null;
    model: 'committee' | 'trustless';
    creditFloor: bigint;
    creditCap: bigint | null;
  };
  member: {
    id: number;
    name: string;
    ownerKey: string;
    /** P2PK address of the owner key; null while the chain (and so its network) is not known. */
    ownerAddress: string | null;
    /** The instant (ISO) the member's account was closed, when it was closed by the end of the period: "left on". */
    leftOn: string | null;
  };
  /** The period as exact instants: from inclusive, to exclusive. */
  period: { from: string; to: string };
  openingBalance: bigint;
  lines: StatementLine[];
  totalIn: bigint;
  totalOut: bigint;
  closingBalance: bigint;
  /** Room left at the closing balance: how much more the member may spend, and receive (null without a cap). */
  headroom: { toFloor: bigint; toCap: bigint | null };
  /**
   * Trustless LETS: the collateral locked in the account box that held the closing balance, and the most debt it
   * backs (the spending room above already counts it). Null in a committee LETS or without an account.
   */
  collateral: (MemberCollateral & { backsDebtOf: bigint }) | null;
  generatedAt: string;
  chain: {
    network: StatementNetwork | null;
    /** The account box that held the closing balance; null when the member had no account at the end of the period. */
    closingBox: StatementBoxReference | null;
    /** The member's unspent account box now, which may be newer than the period. */
    currentBoxId: string | null;
    /** The block the local mirror had reached when the statement was made. */
    mirrorTip: { height: number; headerId: string } | null;
  };
  verification: StatementVerification;
  /**
   * Transactions recorded on this computer that touch the member's account but are not signed yet (so not in the
   * balances above), with who must still sign each: what the treasurer chases, and what the member may have to do.
   */
  awaitingSignature: { transactionId: string; description: string; signedBy: string; requestExpiresAt: string | null }[];
}
