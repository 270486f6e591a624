import { parentPort } from 'node:worker_threads';
import { blake2b256 } from './blake2b';
import type { CheckReply, CheckRequest } from './checks-thread';
import { PackedChecks } from './packed-blocks';

/*
 * The hashing of the chain checks on a thread of their own (checks-thread.ts starts it): every transaction's id,
 * every block's transactions root and every header's proof of work of a sync take seconds, which here run beside the
 * sync's own work instead of before it.
 */

const port = parentPort;
if (!port) throw new Error('checks-worker runs as a worker thread (see checks-thread.ts)');
const checks = new PackedChecks(blake2b256());

port.on('message', (request: CheckRequest) => port.postMessage(answer(request)));

function answer({ id, packed, network }: CheckRequest): CheckReply {
  try {
    return { id, verdict: checks.check(packed, network) };
  } catch (error) {
    return { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
