import type { NodeNetwork } from '../api/calls/settings-schema';
import { createExplorerClient, EXPLORER_URLS, type ExplorerClient } from '../chain/explorer-client';
import { toFleetBox } from '../chain/fleet-box';
import type { FetchLike } from '../chain/node-http';
import type { Db } from '../mirror/database';
import type { ChainAccess } from '../operations/chain-access';
import type { ChainRuntime } from './chain-runtime';
import { followChain } from './followed-chain';

export interface ExplorerRuntimeOptions {
  db: Db;
  network: NodeNetwork;
  confirmations: number;
  /** The public Explorer of the network unless given (tests serve an Explorer-shaped devnet on loopback). */
  baseUrl?: string;
  syncIntervalMs?: number;
  fetch?: FetchLike;
}

/**
 * The public Ergo Explorer as the chain, for a treasurer without a node of their own: the same sync loop as for a
 * node, and transactions sent through the Explorer's submit endpoint, which passes them on to its node. The Explorer
 * indexes a little behind the network, so the tip, new blocks and the mempool show up a few seconds later than on
 * a node. Like a node, starting never waits for the Explorer; trouble shows in the status bar, retried with back-off.
 */
export function startExplorerRuntime(options: ExplorerRuntimeOptions): ChainRuntime {
  const baseUrl = options.baseUrl ?? EXPLORER_URLS[options.network];
  const client = createExplorerClient({ baseUrl, network: options.network, fetch: options.fetch });
  return followChain({
    db: options.db,
    source: client,
    // The Explorer indexes every script and token (explorer-client.ts), so LETS are found and caught up through it.
    index: client,
    shownAs: { label: `the Ergo Explorer at ${baseUrl}`, name: 'Explorer' },
    network: options.network,
    confirmations: options.confirmations,
    // The Explorer is a shared public service: a block comes every two minutes, so polling faster only adds load.
    intervalMs: options.syncIntervalMs ?? 20_000,
    access: explorerAccess(client, options.network),
  });
}

/** Box lookups, the fee wallet's boxes and submit, all from the Explorer (it indexes every script, no node setting needed). */
export function explorerAccess(client: ExplorerClient, network: NodeNetwork): ChainAccess {
  return {
    network,
    height: async () => (await client.tip()).height,
    unspentBox: async (boxId) => {
      const box = await client.unspentBox(boxId);
      return box && toFleetBox(box);
    },
    unspentByErgoTree: async (ergoTree) => (await client.unspentByErgoTree(ergoTree)).map(toFleetBox),
    submit: (tx) => client.submit(tx),
  };
}
