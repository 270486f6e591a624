import { Worker } from 'node:worker_threads';
import type { Network } from './difficulty';
import type { PackedBlocks, PackedVerdict } from './packed-blocks';

/** A request to the checks thread, numbered so each reply finds its caller. */
export interface CheckRequest {
  id: number;
  packed: PackedBlocks;
  network: Network;
}

/** The places that failed, or a failure of the thread itself (a bug, with its stack). */
export type CheckReply = { id: number; verdict: PackedVerdict } | { id: number; failed: string };

export interface ChecksThread {
  check(packed: PackedBlocks, network: Network): Promise<PackedVerdict>;
}

/**
 * The hashing half of the chain checks on a worker thread (checks-worker.ts, built as its own file next to the main
 * bundle): the sync hands a batch over as soon as it has fetched it and writes the batch before while the thread
 * hashes, so on a machine with two cores the checks cost the sync little time. A batch crosses as one buffer, handed
 * over rather than copied (packed-blocks.ts): cloning the blocks themselves cost as much as checking them.
 */
export function startChecksThread(workerFile: string | URL): ChecksThread {
  const worker = new Worker(workerFile);
  // An idle checks thread must not keep the app (or a test) from exiting.
  worker.unref();
  const waiting = new Map<number, { resolve: (verdict: PackedVerdict) => void; reject: (error: Error) => void }>();
  let next = 0;
  let broken: Error | undefined;

  worker.on('message', (reply: CheckReply) => {
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (!caller) return;
    if ('verdict' in reply) caller.resolve(reply.verdict);
    else caller.reject(new Error(`The chain checks failed: ${reply.failed}`));
  });
  const breakWith = (error: Error) => {
    broken = error;
    for (const caller of waiting.values()) caller.reject(error);
    waiting.clear();
  };
  worker.on('error', breakWith);
  // A thread that ends without an error (killed, out of memory) would otherwise leave its checks waiting for ever.
  worker.on('exit', (code) => breakWith(broken ?? new Error(`The chain checks' thread stopped (exit code ${code}).`)));

  return {
    check(packed, network) {
      if (broken) return Promise.reject(broken);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // Held while a check is under way, so a sync awaiting it is not cut short by the process exiting.
        worker.ref();
        worker.postMessage({ id, packed, network } satisfies CheckRequest, [packed.bytes]);
      });
    },
  };
}
