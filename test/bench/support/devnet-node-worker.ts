import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { foundLets } from '../../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../../electron/core/devnet/devnet-chain';
import { serveDevnet } from '../../../electron/core/devnet/devnet-server';
import { syncOnce } from '../../../electron/core/mirror/sync/mirror-sync';
import { checkOnThread } from '../../../electron/core/chain/chain-checks';
import { appendGeneratedTrades } from '../../helpers/generated-trades';
import { openMirrorFollowing } from '../../helpers/mirror-following';
import type { DevnetNodeData, DevnetNodeReady, DevnetNodeRequest, InProcessSync } from './devnet-node';
import { withoutBlockChecks } from './without-checks';

/*
 * The benchmark's node: a devnet holding the whole generated history, served over HTTP from its own thread, as a
 * real node serves from its own process. See devnet-node.ts, which starts it.
 */

const setup = workerData as DevnetNodeData;
// The in-process sync hashes its checks on a thread of their own, as the desktop app does.
checkOnThread(setup.checksWorker);
const port = parentPort;
if (!port) throw new Error('devnet-node-worker runs as a worker thread');

let clock = setup.startTime;
const chain = new DevnetChain({ now: () => (clock += setup.blockIntervalMs) });
const elapsed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  return { value: await work(), ms: performance.now() - start };
};
const founding = await elapsed(() => foundLets(chain, { parameters: setup.parameters, memberNames: setup.memberNames }));
const { demo } = founding.value;
const firstBlockTime = clock;
const generation = await elapsed(() => appendGeneratedTrades(chain, demo, { trades: setup.trades, tradesPerBlock: setup.tradesPerBlock, seed: setup.seed }));
const server = await serveDevnet(chain, 0, { keepRenderedBlocks: true });

/** The sync with the chain object itself as its source, here where the chain lives: no HTTP, no JSON. */
async function syncInProcess(): Promise<InProcessSync> {
  const dir = mkdtempSync(join(tmpdir(), 'lets-bench-'));
  try {
    const { db } = openMirrorFollowing(join(dir, 'mirror.sqlite'), demo);
    const cpu = process.cpuUsage();
    const { value, ms } = await elapsed(() => syncOnce(db, chain));
    const used = process.cpuUsage(cpu);
    const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as bigint);
    const result = { ms, cpuMs: (used.user + used.system) / 1000, rows: count('boxes') + count('ledger_entries'), blocks: value.appliedBlocks };
    db.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ready: DevnetNodeReady = {
  url: server.url,
  demo,
  balances: generation.value,
  firstBlockTime,
  height: chain.height,
  foundingMs: founding.ms,
  generationMs: generation.ms,
};
port.postMessage(ready);

port.on('message', (request: DevnetNodeRequest) => {
  void (async () => {
    if (request.kind === 'append') {
      const balances = await appendGeneratedTrades(chain, demo, { trades: request.trades, tradesPerBlock: setup.tradesPerBlock, seed: request.seed });
      port.postMessage({ balances, height: chain.height, time: clock });
    } else if (request.kind === 'sync-in-process') {
      port.postMessage(await (request.checks ? syncInProcess() : withoutBlockChecks(syncInProcess)));
    } else {
      await server.close();
      // Ends this thread: the chain's own handles (the interpreter's) would otherwise keep it, and the benchmark, waiting.
      process.exit(0);
    }
  })();
});
