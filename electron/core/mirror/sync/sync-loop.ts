import { nodeIsCatchingUp, type ChainSource, type ChainTip } from '../../chain/chain-source';
import { retryDelayMs } from '../../chain/backoff';
import type { ConnectionTracker } from '../../chain/connection-status';
import type { Db } from '../database';
import { awaitingInclusion, DEFAULT_DROP_UNSEEN_AFTER_POLLS, reconcileOutbox } from '../queries/outbox';
import { describeCatchUp, type CatchUp } from './catch-up';
import { syncOnce } from './mirror-sync';

export interface SyncLoopOptions {
  db: Db;
  source: ChainSource;
  tracker: ConnectionTracker;
  /** Pause between rounds while everything works. */
  intervalMs: number;
  /** Confirmations after which an own transaction counts as confirmed. */
  confirmations: number;
  /** See ReconcileOptions; defaults to DEFAULT_DROP_UNSEEN_AFTER_POLLS. */
  dropUnseenAfterPolls?: number;
  /** Called after every successful round (e.g. to tell the UI the ledger changed). */
  onSynced?: () => void;
  /** Catches up newly followed LETS, through the source's index where it has one. */
  catchUp?: CatchUp;
}

export interface SyncLoop {
  /** Runs a round now (e.g. right after the treasurer submitted a transaction). */
  pollNow(): Promise<void>;
  stop(): void;
}

export interface PollOptions {
  confirmations: number;
  dropUnseenAfterPolls?: number;
  catchUp?: CatchUp;
}

export interface PollResult {
  network: ChainTip['network'];
  mirrorHeight: number;
  nodeHeight: number;
  headersHeight?: number;
  nodeCatchingUp: boolean;
  /** A newly followed LETS's catch-up has more to read at once: the next round comes without a pause. */
  catchUpContinues: boolean;
}

/**
 * How long one round may spend catching up a newly followed LETS before the LETS already followed get their new
 * blocks and the outbox its news: a catch-up of years of history goes on over many rounds.
 */
export const CATCH_UP_SLICE_MS = 2_000;

/**
 * One round of the loop: sync the mirror, then move the outbox along with what the mempool and the new blocks show.
 * A node still catching up serves what it has, so the mirror follows it that far, but its height is not the tip of
 * the chain: the round says so, and the outbox calls nothing dropped on its word.
 */
export async function pollOnce(db: Db, source: ChainSource, options: PollOptions): Promise<PollResult> {
  const result = await syncOnce(db, source, { catchUp: options.catchUp, catchUpBudgetMs: CATCH_UP_SLICE_MS });
  const { chainTip } = result;
  // Only the outbox's own transactions matter here: asked for by id, not found in a mempool read whole.
  const inMempool = await source.mempoolIdsAmong([...awaitingInclusion(db, chainTip.network)]);
  const nodeCatchingUp = nodeIsCatchingUp(chainTip);
  reconcileOutbox(db, { network: chainTip.network, height: result.height }, inMempool, {
    depth: options.confirmations,
    dropUnseenAfterPolls: options.dropUnseenAfterPolls ?? DEFAULT_DROP_UNSEEN_AFTER_POLLS,
    nodeCatchingUp,
  });
  const poll: PollResult = { network: chainTip.network, mirrorHeight: result.height, nodeHeight: chainTip.height, nodeCatchingUp, catchUpContinues: result.catchUpContinues };
  if (chainTip.headersHeight !== undefined) poll.headersHeight = chainTip.headersHeight;
  return poll;
}

/**
 * Polls the chain: sync the mirror, then move the outbox along with what the mempool and the new blocks show.
 * After a failure it waits with exponential back-off (see backoff.ts) and says so in the status bar; rounds never
 * overlap, so two syncs never write the mirror at once.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { db, source, tracker } = options;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  /** One round; resolves to how long to wait before the next (the same wait the status bar announces). */
  async function round(): Promise<number> {
    try {
      const poll = await pollOnce(db, source, options);
      const reading = options.catchUp?.reports(db, poll.network).find((r) => !r.paused);
      tracker.progressed(poll.mirrorHeight, poll.nodeHeight, poll.headersHeight, reading && describeCatchUp(reading));
      failures = 0;
      options.onSynced?.();
      return poll.catchUpContinues ? 0 : options.intervalMs;
    } catch (error) {
      failures += 1;
      const wait = retryDelayMs(failures, options.intervalMs, Math.random);
      tracker.failed(error, wait);
      return wait;
    }
  }

  function pollNow(): Promise<void> {
    if (running) return running;
    clearTimeout(timer);
    running = round().then((wait) => {
      running = undefined;
      if (!stopped) timer = setTimeout(() => void pollNow(), wait);
    });
    return running;
  }

  tracker.connecting();
  void pollNow();
  return {
    pollNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
