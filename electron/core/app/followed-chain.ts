import { createConnectionTracker, type TrackedSource } from '../chain/connection-status';
import type { ChainSource } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { startSyncLoop } from '../mirror/sync/sync-loop';
import type { NodeNetwork } from '../api/calls/settings-schema';
import type { ChainAccess } from '../operations/chain-access';
import type { ChainRuntime } from './devnet-runtime';

export interface FollowedChain {
  db: Db;
  /** Where blocks come from: the node client or the Explorer client. */
  source: ChainSource;
  /** How the status bar names the source. */
  shownAs: TrackedSource;
  network: NodeNetwork;
  confirmations: number;
  intervalMs: number;
  access: ChainAccess;
}

/**
 * A remote chain followed by the sync loop, as a runtime: the part a node and the Explorer share. Stopping closes
 * the source first, so nothing it answers afterwards reaches the mirror.
 */
export function followChain(chain: FollowedChain): ChainRuntime {
  const { source, close } = closableSource(chain.source);
  const tracker = createConnectionTracker({ now: Date.now, source: chain.shownAs });
  const loop = startSyncLoop({ db: chain.db, source, tracker, intervalMs: chain.intervalMs, confirmations: chain.confirmations });
  return {
    network: chain.network,
    confirmations: chain.confirmations,
    status: () => tracker.status(),
    access: chain.access,
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
function closableSource(source: ChainSource): { source: ChainSource; close(): void } {
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
