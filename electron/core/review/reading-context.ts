import { Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import type { ChainNetwork } from '../api/types';
import type { Db } from '../mirror/database';
import { loadTracked } from '../mirror/queries/chain-store';
import { listLets } from '../mirror/queries/lets';
import { profilesByKey } from '../mirror/queries/members';
import type { TrackedLets } from '../mirror/sync/classify-transaction';

/** What reading a transaction needs to know: the LETS followed on its network, their members, and how to write addresses. */
export interface ReadingContext {
  tracked: TrackedLets[];
  letsTokenIds: ReadonlyMap<number, string>;
  lets(letsId: number): { id: number; name: string; unit: string; model: 'committee' | 'trustless' } | null;
  /** The member's name in the directory of the LETS, or null when the key is not a member this computer knows. */
  memberName(letsId: number, ownerKey: string): string | null;
  address(ergoTree: string): string;
}

export function readingContext(db: Db, network: ChainNetwork): ReadingContext {
  const { tracked, letsTokenIds } = loadTracked(db, network, { withCatchingUp: true });
  const lets = new Map(listLets(db).map((l) => [l.id, l]));
  const directories = new Map<number, ReturnType<typeof profilesByKey>>();
  const prefix = network === 'mainnet' ? Network.Mainnet : Network.Testnet;
  return {
    tracked,
    letsTokenIds,
    lets: (id) => {
      const found = lets.get(id);
      return found ? { id, name: found.name, unit: found.unit, model: found.model } : null;
    },
    memberName: (letsId, ownerKey) => {
      let directory = directories.get(letsId);
      if (!directory) {
        directory = profilesByKey(db, letsId);
        directories.set(letsId, directory);
      }
      return directory.get(ownerKey)?.name ?? null;
    },
    address: (ergoTree) => ErgoAddress.fromErgoTree(ergoTree, prefix).encode(prefix),
  };
}
