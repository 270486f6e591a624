import { createConnectionTracker, type TrackedSource } from '../chain/connection-status';
import type { ChainIndex } from '../chain/chain-index';
import type { ChainSource } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { createCatchUp } from '../mirror/sync/catch-up';
import { startSyncLoop } from '../mirror/sync/sync-loop';
import type { ChainNetwork } from '../operations/chain-access';
import type { ChainAccess } from '../operations/chain-access';
import type { ChainRuntime } from './chain-runtime';

export interface FollowedChain {
  db: Db;
  /** Where blocks come from: the node client or the Explorer client. */
  source: ChainSource;
  /** The source's index (node extraIndex, Explorer), through which LETS are found and caught up; null if it has none. */
  index: ChainIndex | null;
  /** How the status bar names the source. */
  shownAs: TrackedSource;
  network: ChainNetwork;
  confirmations: number;
  intervalMs: number;
  access: ChainAccess;
}

/**
 * A chain followed by the sync loop, as a runtime: the part the devnet, a node and the Explorer share. Stopping closes
 * the source first, so nothing it answers afterwards reaches the mirror.
 */
export function followChain(chain: FollowedChain): ChainRuntime {
  const gate = closableGate();
  const source = gate.source(chain.source, chain.shownAs.label);
  const index = chain.index && gate.index(chain.index, chain.shownAs.label);
  const tracker = createConnectionTracker({ now: Date.now, source: chain.shownAs });
  const catchUp = createCatchUp({ index });
  const loop = startSyncLoop({ db: chain.db, source, tracker, intervalMs: chain.intervalMs, confirmations: chain.confirmations, catchUp });
  return {
    network: chain.network,
    confirmations: chain.confirmations,
    status: () => tracker.status(),
    access: chain.access,
    finder: { source, index },
    catchUpReports: () => catchUp.reports(chain.db, chain.network),
    pollNow: () => loop.pollNow(),
    stop: async () => {
      loop.stop();
      gate.close();
      tracker.disconnected();
    },
  };
}

/**
 * The sync loop's view of the node, which goes dark when the runtime stops: an answer that arrives afterwards is
 * refused, so a round that was waiting on the network cannot write this node's blocks into a mirror that has since
 * been cleared for another chain, or closed for a restore.
 */
function closableGate() {
  let closed = false;
  const gate =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await call(...args);
      if (closed) throw new AppError('chain-unreachable', 'The app stopped following this node.', 'Nothing to do: the app follows the chain source chosen in Settings.');
      return result;
    };
  return {
    /** `label`: how the treasurer knows the source (FollowedChain.shownAs), also in the mirror's record of its reads. */
    source: (source: ChainSource, label: string): ChainSource => ({
      label,
      ...(source.blocksWithoutExtensions && { blocksWithoutExtensions: source.blocksWithoutExtensions }),
      tip: gate(() => source.tip()),
      headerIdsAt: gate((height: number) => source.headerIdsAt(height)),
      header: gate((headerId: string) => source.header(headerId)),
      ...(source.headerRange && { headerRange: gate(source.headerRange.bind(source)) }),
      blockTransactions: gate((headerId: string) => source.blockTransactions(headerId)),
      unspentBox: gate((boxId: string) => source.unspentBox(boxId)),
      mempool: gate(() => source.mempool()),
      mempoolIdsAmong: gate((ids: readonly string[]) => source.mempoolIdsAmong(ids)),
      submit: gate((tx: Parameters<ChainSource['submit']>[0]) => source.submit(tx)),
      check: gate((tx: Parameters<ChainSource['check']>[0]) => source.check(tx)),
    }),
    index: (index: ChainIndex, label: string): ChainIndex => ({
      label,
      maxPage: index.maxPage,
      indexedHeight: gate(() => index.indexedHeight()),
      box: gate((boxId: string) => index.box(boxId)),
      transaction: gate((transactionId: string) => index.transaction(transactionId)),
      boxesByToken: gate((tokenId: string, offset: number, limit: number) => index.boxesByToken(tokenId, offset, limit)),
      transactionsByErgoTree: gate((tree: string, offset: number, limit: number) => index.transactionsByErgoTree(tree, offset, limit)),
      ...(index.blockHeader && { blockHeader: gate(index.blockHeader.bind(index)) }),
      ...(index.proofFor && { proofFor: gate(index.proofFor.bind(index)) }),
    }),
    close: () => {
      closed = true;
    },
  };
}
