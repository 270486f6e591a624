import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors/app-error';
import { chainChecks } from './chain-checks';
import type { CheckReply, CheckRequest } from './checks-thread';

/*
 * The chain checks on a thread of their own (checks-thread.ts starts it): hashing every transaction, Merkle tree and
 * proof of work of a sync takes seconds, which here run beside the sync's own work instead of before it.
 */

const port = parentPort;
if (!port) throw new Error('checks-worker runs as a worker thread (see checks-thread.ts)');

port.on('message', (request: CheckRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer(request: CheckRequest): Promise<CheckReply> {
  try {
    const checks = await chainChecks();
    if (request.kind === 'blocks') return { id: request.id, unchecked: [...checks.requireBlocks(request.blocks, request.network, request.content)] };
    checks.requireIndexed(request.items, request.network);
    return { id: request.id, unchecked: [] };
  } catch (error) {
    if (error instanceof AppError) return { id: request.id, refused: error.toPayload() };
    return { id: request.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
