import { createNodeClient } from '../chain/node-client';
import type { FetchLike } from '../chain/node-http';
import type { Db } from '../mirror/database';
import type { NodeNetwork } from '../api/calls/settings-schema';
import type { ChainRuntime } from './chain-runtime';
import { followChain } from './followed-chain';
import { nodeAccess } from './node-access';
import { createNodeIndex } from '../chain/node-index';

export interface NodeRuntimeOptions {
  db: Db;
  /** The node's REST API, e.g. http://127.0.0.1:9053 (checked by the settings rules). */
  url: string;
  /** The network the ledger lives on; a node that reports another one is refused on every round. */
  network: NodeNetwork;
  confirmations: number;
  syncIntervalMs?: number;
  fetch?: FetchLike;
}

export interface NodeCheck {
  height: number;
  network: NodeNetwork;
  /** Null when the node has no extra index: it syncs, but cannot find the wallet boxes that pay fees. */
  indexedHeight: number | null;
}

/**
 * Asks the node who it is before the app switches to it: a node that cannot be reached, is not an Ergo node, or is
 * on another network throws the client's AppError (e.g. "The Ergo node at … is on testnet, but this ledger lives on
 * mainnet"), so Settings can refuse the change with that message and keep the chain the app is on.
 */
export async function checkNode(options: Pick<NodeRuntimeOptions, 'url' | 'network' | 'fetch'>): Promise<NodeCheck> {
  const client = createNodeClient({ baseUrl: options.url, expectedNetwork: options.network, fetch: options.fetch, retry: { attempts: 1, baseDelayMs: 0 }, timeoutMs: 10_000 });
  const tip = await client.tip();
  const indexedHeight = await createNodeIndex({ baseUrl: options.url, network: options.network, fetch: options.fetch, timeoutMs: 10_000 }).indexedHeight();
  return { height: tip.height, network: options.network, indexedHeight };
}

/**
 * The treasurer's own Ergo node as the chain: the same node client and sync loop the devnet is followed with, and
 * the node API (plus its extra index, for wallet boxes) for building and sending the app's transactions. Starting
 * never waits for the node: an unreachable node or one on the wrong network shows in the status bar, retried with
 * back-off, as it does when the node goes away later.
 */
export function startNodeRuntime(options: NodeRuntimeOptions): ChainRuntime {
  const client = createNodeClient({ baseUrl: options.url, expectedNetwork: options.network, fetch: options.fetch });
  const index = createNodeIndex({ baseUrl: options.url, network: options.network, fetch: options.fetch });
  return followChain({
    db: options.db,
    source: client,
    index,
    shownAs: { label: `the Ergo node at ${options.url}`, name: 'Node' },
    network: options.network,
    confirmations: options.confirmations,
    intervalMs: options.syncIntervalMs ?? 10_000,
    access: nodeAccess(client, index, options.network),
  });
}
