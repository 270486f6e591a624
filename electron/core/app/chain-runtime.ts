import type { ChainStatus } from '../api/types';
import type { ChainTip } from '../chain/chain-source';
import type { LetsFinder } from '../following/follow-lets';
import type { CatchUpReport } from '../mirror/sync/catch-up';
import type { ChainAccess } from '../operations/chain-access';

/** The chain the app is connected to, as the rest of the app uses it: the devnet, a node, or the Explorer. */
export interface ChainRuntime {
  /** Which chain this is: statements and addresses depend on it. */
  readonly network: ChainTip['network'];
  status(): ChainStatus;
  /** Blocks on top of a transaction's block (its own included) before the app calls it confirmed. */
  readonly confirmations: number;
  /** For building and sending the app's own transactions. */
  readonly access: ChainAccess;
  /** Where a LETS to follow is looked up: the chain source, and its index where it has one. */
  readonly finder: LetsFinder;
  /** How far the history of each LETS still being caught up has been read. */
  catchUpReports(): CatchUpReport[];
  /** The demo chain only: pays demo coins to a script (a founding address), mined in the next block. */
  demoCoins?(ergoTree: string, nanoErgs: bigint): Promise<void>;
  /** Runs a sync round now, e.g. so a LETS just followed starts catching up at once. */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}
