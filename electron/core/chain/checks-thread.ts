import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../errors/app-error';
import type { BlockToCheck, Checker, ContentSent, IndexedToCheck, UncheckedContent } from './chain-checks';
import type { Network } from './difficulty';

/** A request to the checks thread, numbered so each reply finds its caller. */
export type CheckRequest =
  | { id: number; kind: 'blocks'; blocks: readonly BlockToCheck[]; network: Network; content: ContentSent }
  | { id: number; kind: 'indexed'; items: readonly IndexedToCheck[]; network: Network };

/** Passed (with what could not be checked), refused (the treasurer's AppError), or failed (a bug, with its stack). */
export type CheckReply = { id: number; unchecked: UncheckedContent } | { id: number; refused: ErrorPayload } | { id: number; failed: string };

export interface ChecksThread extends Checker {
  close(): Promise<void>;
}

/**
 * The chain checks on a worker thread (checks-worker.ts, built as its own file next to the main bundle): the sync asks
 * for a batch's checks as soon as it has fetched it, and writes the batch before while they run, so on a machine with
 * two cores they cost little of the sync's time. Blocks cross by structured clone, which is a fraction of what
 * checking them costs.
 */
export function startChecksThread(workerFile: string | URL): ChecksThread {
  const worker = new Worker(workerFile);
  // An idle checks thread must not keep the app (or a test) from exiting.
  worker.unref();
  const waiting = new Map<number, { resolve: (unchecked: UncheckedContent) => void; reject: (error: Error) => void }>();
  let next = 0;
  let broken: Error | undefined;

  worker.on('message', (reply: CheckReply) => {
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (!caller) return;
    if ('unchecked' in reply) caller.resolve(reply.unchecked);
    else if ('refused' in reply) caller.reject(new AppError(reply.refused.code, reply.refused.message, reply.refused.hint));
    else caller.reject(new Error(`The chain checks failed: ${reply.failed}`));
  });
  worker.on('error', (error) => {
    broken = error;
    for (const caller of waiting.values()) caller.reject(error);
    waiting.clear();
  });

  function ask(request: (id: number) => CheckRequest): Promise<UncheckedContent> {
    if (broken) return Promise.reject(broken);
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      // Held while a check is under way, so a sync awaiting it is not cut short by the process exiting.
      worker.ref();
      worker.postMessage(request(id));
    });
  }

  return {
    requireBlocks: (blocks, network, content) => ask((id) => ({ id, kind: 'blocks', blocks, network, content })),
    requireIndexed: async (items, network) => {
      await ask((id) => ({ id, kind: 'indexed', items, network }));
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
