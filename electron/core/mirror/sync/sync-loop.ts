import type { ChainSource } from '../../chain/chain-source';
import { retryDelayMs } from '../../chain/backoff';
import type { ConnectionTracker } from '../../chain/connection-status';
import type { Db } from '../database';
import { reconcileOutbox } from '../queries/outbox';
import { syncOnce } from './mirror-sync';

export interface SyncLoopOptions {
  db: Db;
  source: ChainSource;
  tracker: ConnectionTracker;
  /** Pause between rounds while everything works. */
  intervalMs: number;
  /** Confirmations after which an own transaction counts as confirmed. */
  confirmations: number;
  /** Called after every successful round (e.g. to tell the UI the ledger changed). */
  onSynced?: () => void;
}

export interface SyncLoop {
  /** Runs a round now (e.g. right after the treasurer submitted a transaction). */
  pollNow(): Promise<void>;
  stop(): void;
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
      const result = await syncOnce(db, source);
      const mempool = await source.mempool();
      reconcileOutbox(db, result.height, new Set(mempool.map((t) => t.id)), options.confirmations);
      const tip = await source.tip();
      tracker.progressed(result.height, tip.height);
      failures = 0;
      options.onSynced?.();
      return options.intervalMs;
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
