import { readFileSync } from 'node:fs';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { foundLets } from '../../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../../electron/core/devnet/devnet-chain';
import { serveDevnet } from '../../../electron/core/devnet/devnet-server';
import { appendBusyHistory, startOrdinaryTraffic } from '../../helpers/generated-traffic';
import { tradeGenerator } from '../../helpers/generated-trades';
import type { BusyChainReady, BusyChainRequest, BusyChainSetup, KindFigures } from './busy-chain-node';

/*
 * The catch-up benchmark's node: a devnet holding a busy public chain (ordinary traffic of mainnet's kinds, with one
 * LETS's trades among it), served over HTTP from its own thread, as a real node serves from its own process. See
 * busy-chain-node.ts.
 */

const setup = workerData as BusyChainSetup;
const port = parentPort;
if (!port) throw new Error('busy-chain-node-worker runs as a worker thread');

let clock = setup.startTime;
const chain = new DevnetChain({ now: () => (clock += setup.blockIntervalMs) });
const started = performance.now();
// The wallets first, so the LETS's founding and its members' boxes are found among a few thousand boxes, not a million.
const traffic = await startOrdinaryTraffic(chain, { wallets: setup.wallets, mix: setup.mix, seed: setup.seed });
const { demo } = await foundLets(chain, { parameters: setup.parameters, memberNames: setup.memberNames });
const foundingMs = performance.now() - started;
const trades = await tradeGenerator(chain, demo, { seed: setup.seed + 1 });
const generating = performance.now();
const kinds: Record<string, KindFigures> = {};
/**
 * Every SAMPLE_EVERY-th block, its id and the kinds of its transactions in order, to weigh each kind's JSON. A prime,
 * so that the sample meets the blocks with a mining pool's payout (one height in ten) as often as any others.
 */
const SAMPLE_EVERY = 97;
const samples: { headerId: string; kinds: string[] }[] = [];
appendBusyHistory(chain, {
  blocks: setup.blocks,
  traffic,
  trades: { generator: trades, count: setup.trades },
  seed: setup.seed + 2,
  onBlock(appended, header, transactions) {
    for (const { kind } of transactions) (kinds[kind] ??= { transactions: 0, sampled: 0, sampledBytes: 0 }).transactions++;
    if (appended % SAMPLE_EVERY === 0) samples.push({ headerId: header.id, kinds: transactions.map((t) => t.kind) });
  },
});
const generationMs = performance.now() - generating;

/**
 * Each sampled block's JSON as the node writes it (from a second server that keeps nothing, so the benchmark's node
 * has written no block before the first scan asks), and each of its transactions' share of it.
 */
async function weighSamples(): Promise<BusyChainReady['sample']> {
  const probe = await serveDevnet(chain, 0);
  let bytes = 0;
  try {
    for (const sample of samples) {
      const text = await (await fetch(`${probe.url}/blocks/${sample.headerId}/transactions`)).text();
      bytes += Buffer.byteLength(text);
      const { transactions } = JSON.parse(text) as { transactions: unknown[] };
      if (transactions.length !== sample.kinds.length) throw new Error('a sampled block does not hold the transactions generated for it');
      transactions.forEach((transaction, i) => {
        const figures = kinds[sample.kinds[i] as string] as KindFigures;
        figures.sampled++;
        figures.sampledBytes += Buffer.byteLength(JSON.stringify(transaction));
      });
    }
  } finally {
    await probe.close();
  }
  return { blocks: samples.length, bytes };
}
const sample = await weighSamples();
const server = await serveDevnet(chain, 0, { keepRenderedBlocks: setup.keepRenderedBlocks });

/** CPU time of this thread alone (Linux per-thread accounting, clock ticks of 10 ms); null off Linux. */
function cpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

// A full collection before the heap is measured, so that it counts what the node holds and not garbage yet to collect.
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;

function liveHeapBytes(): number {
  collectGarbage();
  return getHeapStatistics().used_heap_size;
}

/** The LETS's own transactions: those its index listings (account and management script) hold. */
function letsTransactions(): number {
  const ids = new Set<string>();
  for (const tree of [demo.accountTree, demo.managementTree]) {
    for (const view of chain.index.transactionsByTree(tree, chain.height, 0, Number.MAX_SAFE_INTEGER).items) ids.add(view.transaction.id);
  }
  return ids.size;
}

let transactions = 0;
for (let height = 1; height <= chain.height; height++) {
  const [id] = await chain.headerIdsAt(height);
  transactions += (await chain.blockTransactions(id as string)).length;
}
const ready: BusyChainReady = {
  url: server.url,
  demo,
  balances: trades.balances(),
  height: chain.height,
  transactions,
  letsTransactions: letsTransactions(),
  foundingMs,
  generationMs,
  kinds,
  sample,
  builtHeapBytes: liveHeapBytes(),
};
port.postMessage(ready);

port.on('message', (request: BusyChainRequest) => {
  if (request.kind === 'cpu') port.postMessage(cpuMs());
  else if (request.kind === 'heap') port.postMessage(liveHeapBytes());
  else void server.close().then(() => port.close());
});
