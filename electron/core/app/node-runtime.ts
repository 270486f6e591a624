import { createConnectionTracker } from '../chain/connection-status';
import type { ChainSource } from '../chain/chain-source';
import { createNodeClient } from '../chain/node-client';
import { AppError } from '../errors/app-error';
import type { FetchLike } from '../chain/node-http';
import type { Db } from '../mirror/database';
import { startSyncLoop } from '../mirror/sync/sync-loop';
import type { NodeNetwork } from '../api/calls/settings-schema';
import type { ChainRuntime } from './devnet-runtime';
import { nodeAccess } from './node-access';
import { createNodeIndex } from './node-index';

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
  const indexedHeight = await createNodeIndex({ baseUrl: options.url, fetch: options.fetch, timeoutMs: 10_000 }).indexedHeight();
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
  const { source, close } = closableSource(client);
  const index = createNodeIndex({ baseUrl: options.url, fetch: options.fetch });
  const tracker = createConnectionTracker({ now: Date.now, nodeLabel: `the Ergo node at ${options.url}` });
  const loop = startSyncLoop({
    db: options.db,
    source,
    tracker,
    intervalMs: options.syncIntervalMs ?? 10_000,
    confirmations: options.confirmations,
  });
  return {
    network: options.network,
    confirmations: options.confirmations,
    status: () => tracker.status(),
    access: nodeAccess(client, index, options.network),
    stop: async () => {
      loop.stop();
      close();
      tracker.disconnected();
    },
  };
}

/**
 * The sync loop's view of the node, which goes dark when the runtime stops: an answer that arrives afterwards is
 * refused, so a round that was waiting on the network cannot write this node's blocks into a mirror that has since
 * been cleared for another chain, or closed for a restore.
 */
export function closableSource(source: ChainSource): { source: ChainSource; close(): void } {
  let closed = false;
  const gate =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await call(...args);
      if (closed) throw new AppError('chain-unreachable', 'The app stopped following this node.', 'Nothing to do: the app follows the chain source chosen in Settings.');
      return result;
    };
  return {
    source: {
      tip: gate(() => source.tip()),
      headerIdsAt: gate((height: number) => source.headerIdsAt(height)),
      header: gate((headerId: string) => source.header(headerId)),
      blockTransactions: gate((headerId: string) => source.blockTransactions(headerId)),
      unspentBox: gate((boxId: string) => source.unspentBox(boxId)),
      mempool: gate(() => source.mempool()),
      submit: gate((tx: Parameters<ChainSource['submit']>[0]) => source.submit(tx)),
      check: gate((tx: Parameters<ChainSource['check']>[0]) => source.check(tx)),
    },
    close: () => {
      closed = true;
    },
  };
}
