import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { trackLetsOnChain, type Network } from '../../electron/core/mirror/queries/chain-store';
import { addLets } from '../../electron/core/mirror/queries/lets';

/**
 * A mirror database at `file` that follows the demo LETS, as living on `network` (a test may serve the devnet as a
 * testnet node or Explorer). No vitest here: the benchmark's node thread uses it too.
 */
export function openMirrorFollowing(file: string, demo: DemoLets, network: Network = 'devnet'): { db: Db; letsId: number } {
  const db = openDatabase(file);
  const { lets } = demo;
  const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'committee', creditFloor: lets.floor, creditCap: lets.cap });
  trackLetsOnChain(db, { letsId, network, membershipTokenId: lets.membershipTokenId, accountTree: demo.accountTree, managementTree: demo.managementTree, startHeight: demo.genesisHeight });
  return { db, letsId };
}
