import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LetsParameters } from '../../../electron/core/lets/lets-parameters';
import type { DemoLets } from '../../../electron/core/devnet/demo-lets';
import { bundledChecksWorker, bundleWorker } from '../../helpers/bundle-worker';

/*
 * Starts the benchmark's devnet node in a worker thread. A real Ergo node answers from its own process; with the
 * devnet in the benchmark's own thread, writing every block as JSON would take turns with the sync it is measuring.
 * The node keeps each block's JSON once written (serveDevnet keepRenderedBlocks), so a second sync reads from a node
 * that costs this machine almost nothing, as one on another machine would.
 */

export interface DevnetNodeSetup {
  parameters: LetsParameters;
  memberNames: string[];
  trades: number;
  tradesPerBlock: number;
  seed: number;
  startTime: number;
  blockIntervalMs: number;
}

/** What the node's thread is started with: the setup, and the chain checks' worker its in-process sync hashes on. */
export interface DevnetNodeData extends DevnetNodeSetup {
  checksWorker: string;
}

export interface DevnetNodeReady {
  url: string;
  demo: DemoLets;
  /** Each member's balance after the generated history, by public key. */
  balances: Map<string, bigint>;
  firstBlockTime: number;
  height: number;
  foundingMs: number;
  generationMs: number;
}

export type DevnetNodeRequest = { kind: 'append'; trades: number; seed: number } | { kind: 'sync-in-process'; checks: boolean } | { kind: 'close' };

/** A full sync run in the node's thread with the DevnetChain itself as the source (process CPU: this thread waits). */
export interface InProcessSync {
  ms: number;
  cpuMs: number;
  rows: number;
  blocks: number;
}

export interface DevnetNode extends DevnetNodeReady {
  /** Mines more generated trades; resolves to the balances after them, the new height and the chain's clock. */
  append(trades: number, seed: number): Promise<{ balances: Map<string, bigint>; height: number; time: number }>;
  /** With `checks` false, the block scan's chain checks are left out (to measure their cost; without-checks.ts). */
  syncInProcess(checks?: boolean): Promise<InProcessSync>;
  close(): Promise<void>;
}

function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: T) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}

export async function startDevnetNode(setup: DevnetNodeSetup): Promise<DevnetNode> {
  const workerData: DevnetNodeData = { ...setup, checksWorker: await bundledChecksWorker() };
  const worker = new Worker(await bundleWorker(join(import.meta.dirname, 'devnet-node-worker.ts')), { workerData });
  const ready = await nextMessage<DevnetNodeReady>(worker);
  return {
    ...ready,
    append: (trades, seed) => {
      const reply = nextMessage<{ balances: Map<string, bigint>; height: number; time: number }>(worker);
      worker.postMessage({ kind: 'append', trades, seed } satisfies DevnetNodeRequest);
      return reply;
    },
    syncInProcess: (checks = true) => {
      const reply = nextMessage<InProcessSync>(worker);
      worker.postMessage({ kind: 'sync-in-process', checks } satisfies DevnetNodeRequest);
      return reply;
    },
    close: async () => {
      worker.postMessage({ kind: 'close' } satisfies DevnetNodeRequest);
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
