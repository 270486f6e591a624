import { parentPort } from 'node:worker_threads';
import { wasmBlake2b256 } from './blake2b';
import type { CheckReply, CheckRequest } from './checks-thread';
import { PackedChecks } from './packed-blocks';

/*
 * The hashing of the chain checks on a thread of their own (checks-thread.ts starts it): every transaction's id,
 * every block's transactions root and every header's proof of work of a sync take seconds, which here run beside the
 * sync's own work instead of before it.
 */

const port = parentPort;
if (!port) throw new Error('checks-worker runs as a worker thread (see checks-thread.ts)');
const checks = wasmBlake2b256().then((hasher) => new PackedChecks(hasher));

port.on('message', (request: CheckRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer({ id, packed, network }: CheckRequest): Promise<CheckReply> {
  try {
    return { id, verdict: (await checks).check(packed, network) };
  } catch (error) {
    return { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
