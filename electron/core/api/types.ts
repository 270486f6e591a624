import type { OutboxState } from './calls/outbox-types';

/** Shapes that cross the API boundary. Plain data only: bigint for money, ISO strings for dates. */

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
}

export type ChainState = 'not-connected' | 'connecting' | 'syncing' | 'synced' | 'unreachable';

export interface ChainStatus {
  state: ChainState;
  /** One sentence for the status bar, e.g. "Node unreachable since 14:02, retrying". */
  message: string;
  height: number | null;
}

export type DeviceState = 'not-connected' | 'locked' | 'wrong-app' | 'ready' | 'busy';

export interface DeviceStatus {
  state: DeviceState;
  /** One sentence for the status bar, e.g. "Ledger ready: Ergo app 0.2.1". */
  message: string;
  /** What to do to get the device ready, or null when it is ready. */
  hint: string | null;
  /**
   * The session's auth token as the Ergo app shows it ("Application 0x1a2b3c4d") while it is ready or busy, so the
   * treasurer can check the device prompt belongs to this app.
   */
  authToken: string | null;
}

/** Enrolled: has an account box on chain. Not enrolled: known on this computer only (e.g. imported). Closed: had one. */
export type MembershipState = 'enrolled' | 'not-enrolled' | 'closed';

export interface MemberSummary {
  /** Local profile id. */
  id: number;
  letsId: number;
  name: string;
  /**
   * False for a placeholder the mirror made for an account on chain that nobody has named on this computer (a
   * member who joined a trustless LETS by themselves, or one enrolled from another computer): "Member 02ab12cd".
   */
  named: boolean;
  contact: string;
  /** Compressed public key (hex) the member's account box carries, or will carry once enrolled. */
  ownerKey: string;
  /** The wallet address of that key on the LETS's network; null for a LETS not on chain yet. */
  address: string | null;
  state: MembershipState;
  /** Not enrolled yet, with an enrolment on its way in the outbox (waiting to be signed, or sent): which, and how far. */
  enrolment: { transactionId: string; state: OutboxState } | null;
  /** Current balance from the member's account box on chain; null while not enrolled. */
  balance: bigint | null;
  /** Block time (ms since 1970) of the member's latest trade, or null. */
  lastTradeAt: number | null;
  /** Closed: block time (ms since 1970) of the closing of their account, "left on <date>"; null otherwise. */
  leftAt: number | null;
  /** Trustless LETS only: the ERG locked in the member's account box; null in a committee LETS or without an account. */
  collateral: MemberCollateral | null;
}

/** What a member of a trustless LETS has locked (PROTOCOL.md, model 2). */
export interface MemberCollateral {
  /** nanoERG in the account box; a negative balance may go as far as this backs. */
  locked: bigint;
  /** From this block on, a member at 0.00 may withdraw it. */
  unlockHeight: number;
}

export type ChainNetwork = 'mainnet' | 'testnet' | 'devnet';

/** How far the history of a newly followed LETS has been read (mirror/sync/catch-up.ts). */
export interface CatchUpView {
  /** Through the chain's index (only the LETS's transactions) or block by block. */
  phase: 'index' | 'blocks';
  /** Transactions (index) or blocks read, of `total`; null until the first answer since the app started. */
  done: number | null;
  total: number | null;
  secondsLeft: number | null;
  paused: boolean;
}

export interface LetsSummary {
  id: number;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  /** The chain the LETS lives on; a LETS of another network is not listed. */
  network: ChainNetwork;
  creditFloor: bigint;
  creditCap: bigint | null;
  /** Members with an account box on chain. */
  memberCount: number;
  /** Σ balances; anything but 0 is an alarm (both models conserve value on chain: joins and closings happen at 0.00). */
  trialBalance: bigint;
  /** Committee model: the committee's key as the current management box states it (null before it is read, or trustless). */
  committeeKey: string | null;
  /** The committee key's P2PK address, as the treasurer's wallets show it ("who holds the committee key now"). */
  committeeAddress: string | null;
  /**
   * Committee model: which signer of this computer holds the committee key, or null when none is known to: the LETS
   * is then followed read-only (nobody here can enrol or close accounts). Trustless LETS are always read-only.
   */
  committeeSigner: 'ledger' | 'demo-key' | null;
  /**
   * Committee model: memberships the management box can still give (its pool keeps one token), less the enrolments
   * on their way to the chain; null for a trustless LETS, or before its management box is read.
   */
  membershipsLeft: number | null;
  /** Its history is still being read; null once it is followed block by block with the others. */
  catchUp: CatchUpView | null;
}
