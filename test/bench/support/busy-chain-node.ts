import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DemoLets } from '../../../electron/core/devnet/demo-lets';
import type { LetsParameters } from '../../../electron/core/lets/lets-parameters';
import type { TrafficMix } from '../../helpers/generated-traffic';
import { bundleWorker } from '../../helpers/bundle-worker';

/*
 * Starts the catch-up benchmark's devnet node in a worker thread (see devnet-node.ts for why a thread). Its chain is a
 * busy one: ordinary traffic of mainnet's kinds in every block, and one LETS's trades among it (test/helpers/
 * generated-traffic.ts). Over a million transactions, the devnet's index of them and the JSON of every block, once
 * written and kept, hold GBs of the node's heap; with the garbage of writing it, that is more than the 4 GB a V8
 * heap gets by default, so the worker's heap limit is set here.
 */

export interface BusyChainSetup {
  parameters: LetsParameters;
  memberNames: string[];
  /** Wallets of the ordinary traffic, funded by the faucet before the LETS is founded. */
  wallets: number;
  blocks: number;
  /** The ordinary transactions of each block. */
  mix: TrafficMix;
  /** The LETS's trades, spread evenly through the blocks. */
  trades: number;
  seed: number;
  startTime: number;
  blockIntervalMs: number;
  /** Whether the node keeps each block's JSON once written (serveDevnet keepRenderedBlocks). */
  keepRenderedBlocks: boolean;
  /** Heap limit of the node's thread. */
  maxHeapMb: number;
}

export interface BusyChainReady {
  url: string;
  demo: DemoLets;
  /** Each member's balance after the generated history, by public key. */
  balances: Map<string, bigint>;
  height: number;
  /** Every transaction on the chain, and those of the LETS (in its account or management script's listing). */
  transactions: number;
  letsTransactions: number;
  /** Funding the payment wallets, founding the LETS and enrolling its members, all through the interpreter. */
  foundingMs: number;
  /** Generating and appending the blocks of ordinary traffic and trades. */
  generationMs: number;
  /** The chain's generated transactions by kind (the ordinary traffic's, 'emission' and 'fee collection' among them, and 'LETS trade'). */
  kinds: Record<string, KindFigures>;
  /** The sampled blocks (every 97th generated one): how many, and their JSON as the node writes it. */
  sample: { blocks: number; bytes: number };
  /** The node's live heap once the chain and its index are built (after a full collection). */
  builtHeapBytes: number;
}

export interface KindFigures {
  /** How many the generated blocks hold. */
  transactions: number;
  /** How many the sampled blocks hold, and their JSON as the node writes it within a block's. */
  sampled: number;
  sampledBytes: number;
}

export type BusyChainRequest = { kind: 'cpu' } | { kind: 'heap' } | { kind: 'close' };

export interface BusyChainNode extends BusyChainReady {
  /** The node thread's CPU time so far, null off Linux. */
  cpuMs(): Promise<number | null>;
  /** The node's live heap now, after a full collection (which takes a second or two on a heap of GBs). */
  liveHeapBytes(): Promise<number>;
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

export async function startBusyChainNode(setup: BusyChainSetup): Promise<BusyChainNode> {
  const worker = new Worker(await bundleWorker(join(import.meta.dirname, 'busy-chain-node-worker.ts')), {
    workerData: setup,
    resourceLimits: { maxOldGenerationSizeMb: setup.maxHeapMb },
  });
  const ready = await nextMessage<BusyChainReady>(worker);
  return {
    ...ready,
    cpuMs: () => {
      const reply = nextMessage<number | null>(worker);
      worker.postMessage({ kind: 'cpu' } satisfies BusyChainRequest);
      return reply;
    },
    liveHeapBytes: () => {
      const reply = nextMessage<number>(worker);
      worker.postMessage({ kind: 'heap' } satisfies BusyChainRequest);
      return reply;
    },
    close: async () => {
      worker.postMessage({ kind: 'close' } satisfies BusyChainRequest);
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
