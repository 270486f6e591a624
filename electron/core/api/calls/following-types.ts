import type { ChainNetwork } from '../types';
import type { LetsRules } from './member-types';

/** Shapes of following a LETS someone else founded: what the chain shows of it before the treasurer decides. */

export interface FollowPreview {
  /** The LETS link, written out in full (network, LETS id and start). */
  link: string;
  network: ChainNetwork;
  letsTokenId: string;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  creditFloor: bigint;
  creditCap: bigint | null;
  /** The version of our contracts it runs; every ErgoTree on chain matched it byte for byte. */
  contractVersion: number;
  /** Block of its first genesis transaction: its history is read from there. */
  genesisHeight: number;
  /** Accounts open now; null where only its genesis could be read (a node without the index). */
  members: number | null;
  /** How many members may hold an account at once. */
  capacity: number;
  /** Committee model: the committee's key (as the box read states it); null for a trustless LETS. */
  committeeKey: string | null;
  rules: LetsRules;
  /** How its history will be read: through the chain's index, or block by block from its genesis. */
  readVia: 'index' | 'blocks';
  /** This computer follows it already. */
  alreadyFollowed: boolean;
}

export interface LetsShare {
  name: string;
  network: ChainNetwork;
  /** ergo-lets:<network>/<LETS id>@<start height>: for the QR code, an e-mail, or "Follow a LETS" on another computer. */
  link: string;
}

export interface CommitteeKeyCheck {
  /** The Ledger holds the committee key: committee actions are open on this computer. */
  held: boolean;
  message: string;
}
