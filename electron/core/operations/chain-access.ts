import type { Amount, Box } from '@fleet-sdk/common';
import type { ChainNetwork } from '../api/types';
import type { HexId, SignedTransactionJson } from '../chain/chain-source';

export type { ChainNetwork };

/** What building and sending the app's own transactions needs from the chain, beyond what the mirror holds. */
export interface ChainAccess {
  readonly network: ChainNetwork;
  height(): Promise<number>;
  /** A box exactly as the chain holds it, or null once it is spent. */
  unspentBox(boxId: HexId): Promise<Box<Amount> | null>;
  /** Confirmed unspent boxes under a script: the signer's wallet boxes that pay fees. */
  unspentByErgoTree(ergoTree: string): Promise<Box<Amount>[]>;
  submit(tx: SignedTransactionJson): Promise<HexId>;
}
