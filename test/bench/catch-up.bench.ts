import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { RECOMMENDED_MIN_FEE_VALUE } from '@fleet-sdk/core';
import { expect, it } from 'vitest';
import { checkOnThread } from '../../electron/core/chain/chain-checks';
import { bundledChecksWorker } from '../helpers/bundle-worker';
import type { ChainIndex } from '../../electron/core/chain/chain-index';
import { createNodeClient } from '../../electron/core/chain/node-client';
import type { FetchLike } from '../../electron/core/chain/node-http';
import { createNodeIndex } from '../../electron/core/chain/node-index';
import { findLets, followFoundLets } from '../../electron/core/following/follow-lets';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { KEPT_HEADERS } from '../../electron/core/mirror/queries/chain-store';
import { accountBalances, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { findLetsByToken } from '../../electron/core/mirror/queries/lets';
import { createCatchUp, type CatchUp } from '../../electron/core/mirror/sync/catch-up';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { MAINNET_LIKE_MIX } from '../helpers/generated-traffic';
import { dumpMirror } from '../helpers/mirror-fixtures';
import { machineLine, writeBenchmarkSection } from './report';
import { startBusyChainNode, type BusyChainNode } from './support/busy-chain-node';

/*
 * A LETS followed late on a busy chain: its history caught up through the node's extra index (only its own
 * transactions) and, for comparison, by scanning every block from its genesis, as on a node without the index.
 */

const MEMBERS = 40;
const TRADES = 10_000;
const BLOCKS = 50_000;
const MIX = MAINNET_LIKE_MIX;
const WALLETS = 2_000;
/** The kinds of transaction on the chain, as the report lists them (the ordinary traffic's, then the LETS's trades). */
const KINDS: Record<string, { perBlock: string; shape: string }> = {
  emission: {
    perBlock: '1',
    shape: 'the emission box (225-byte script, the re-emission token) → the emission box less the block’s 75 ERG, the miner’s reward box (52-byte time-locked script, 12 ERG’s worth of re-emission tokens)',
  },
  payment: { perBlock: String(MIX.payments), shape: 'the sender’s change and, half the time, a box it received → payment, fee, change' },
  'token transfer': { perBlock: String(MIX.tokenTransfers), shape: '1–2 token boxes (1–3 tokens) and the change → the recipient’s tokens, the sender’s rest, fee, change' },
  'swap order': { perBlock: String(MIX.poolSwaps), shape: 'the trader’s change → an order box (457-byte script, 4 registers) holding the ERG it sells, fee, change' },
  'pool swap': { perBlock: String(MIX.poolSwaps), shape: 'a liquidity pool (267-byte script, its NFT, 4 registers) and an order of the block before → the pool anew, the trader’s payout, fee' },
  'oracle update': { perBlock: String(MIX.oracleUpdates), shape: 'an oracle’s datapoint (111-byte script, its NFT, 3 registers, signed) → the datapoint anew, fee' },
  'mining-pool payout': { perBlock: `1 in ${MIX.payoutEvery}`, shape: 'the pool’s change → 20–50 miners’ P2PK boxes, fee, change' },
  'fee collection': { perBlock: '1', shape: 'the block’s fee boxes → the miner’s reward box' },
  'LETS trade': { perBlock: (TRADES / BLOCKS).toFixed(1), shape: 'the payer’s and payee’s accounts and the payer’s wallet box → both accounts anew, fee, change' },
};
/** The app's page size (catch-up.ts DEFAULT_PAGE), which the targets are judged at. */
const APP_PAGE_SIZE = 500;
/** Page sizes tried for the index catch-up: a small one, the app's, and the most the node index serves (INDEX_PAGE_LIMIT). */
const PAGE_SIZES = [100, APP_PAGE_SIZE, 1_000];
const RUNS_PER_PAGE_SIZE = 3;
/** Generating the previous mix's 50 000 blocks (without the emission transactions and swap orders) with each hash: two runs each, paired, on the machine of 2026-12-07. */
const GENERATION_WITH_WASM_HASH = '104 s and 79 s';
const GENERATION_WITH_FLEET_HASH = '197 s and 147 s (1.9 times as long)';
/** 1.5 million transactions, the devnet's index of them and every block's JSON kept: see the notes of the section. */
const NODE_HEAP_MB = 8_192;

/**
 * Time during which at least one of some concurrent calls was under way: the index catch-up asks a block's header and
 * its transactions' proofs 64 at a time, so summing each call's duration would count the same moments many times.
 */
class BusyTime {
  ms = 0;
  #underWay = 0;
  #since = 0;

  async over<T>(call: () => Promise<T>): Promise<T> {
    if (this.#underWay++ === 0) this.#since = performance.now();
    try {
      return await call();
    } finally {
      if (--this.#underWay === 0) this.ms += performance.now() - this.#since;
    }
  }
}

/** What the mirror asked of the node: requests, bytes of the answers' bodies, and time with a request under way. */
class Traffic {
  requests = 0;
  bytes = 0;
  /** Of the requests, those that tie a LETS transaction to the chain: its block's header, its Merkle proof. */
  inclusionRequests = 0;
  readonly #waiting = new BusyTime();

  snapshot(): { requests: number; bytes: number; waitingMs: number; inclusionRequests: number } {
    return { requests: this.requests, bytes: this.bytes, waitingMs: this.#waiting.ms, inclusionRequests: this.inclusionRequests };
  }

  /** The fetch the node client and index are given: reads each body whole, counts it, and hands it on. */
  fetch(): FetchLike {
    return (url, init) =>
      this.#waiting.over(async () => {
        const response = await fetch(url, init);
        const body = await response.arrayBuffer();
        this.requests++;
        if (/\/blocks\/[0-9a-f]{64}\/(header|proofFor\/)/.test(String(url))) this.inclusionRequests++;
        this.bytes += body.byteLength;
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      });
  }
}

/** The index, with the time during which any of its calls was under way (request, parsing and checking of each answer). */
function timedIndex(index: ChainIndex): { index: ChainIndex; ms: () => number } {
  const busy = new BusyTime();
  const timed = new Proxy(index, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => busy.over(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
  return { index: timed, ms: () => busy.ms };
}

/** CPU time of this (the mirror's) thread alone, from Linux's per-thread accounting; null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

interface Run {
  label: string;
  db: Db;
  load: string;
  ms: number;
  requests: number;
  bytes: number;
  /** The catch-up step alone (to tip − KEPT_HEADERS), then the ordinary sync of the blocks above. */
  catchUpMs: number;
  catchUpBytes: number;
  catchUpRequests: number;
  /** Of those, the headers and Merkle proofs that tie the LETS's transactions to the chain. */
  inclusionRequests: number;
  /** Within the catch-up step: waiting for answers (node writing, transfer), reading them (parse, checks), and the rest. */
  waitingMs: number;
  indexCallsMs: number;
  mirrorCpuMs: number | null;
  nodeCpuMs: number | null;
}

async function catchUpRun(node: BusyChainNode, dir: string, label: string, withIndex: boolean, pageSize?: number): Promise<Run> {
  const traffic = new Traffic();
  const source = createNodeClient({ baseUrl: node.url, expectedNetwork: 'devnet', fetch: traffic.fetch() });
  const plainIndex = createNodeIndex({ baseUrl: node.url, network: 'devnet', fetch: traffic.fetch() });
  const db = openDatabase(join(dir, `${label.replace(/\W+/g, '-')}.sqlite`));
  // Finding the LETS (its token's first box, its parameters, its contracts) is not part of the catch-up measured.
  followFoundLets(db, await findLets({ source, index: plainIndex }, { network: 'devnet', letsId: node.demo.lets.letsId, startHeight: null }));
  const { index, ms: indexCallsMs } = timedIndex(plainIndex);
  const inner = createCatchUp({ index: withIndex ? index : null, ...(pageSize === undefined ? {} : { pageSize }) });
  const start = traffic.snapshot();
  let step = { ms: 0, traffic: start };
  const catchUp: CatchUp = {
    async step(...args) {
      const begun = performance.now();
      const more = await inner.step(...args);
      step = { ms: performance.now() - begun, traffic: traffic.snapshot() };
      return more;
    },
    reports: (...args) => inner.reports(...args),
  };
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const nodeBefore = await node.cpuMs();
  const mainBefore = mainThreadCpuMs();
  const begun = performance.now();
  const result = await syncOnce(db, source, { catchUp });
  const ms = performance.now() - begun;
  const mainAfter = mainThreadCpuMs();
  const nodeAfter = await node.cpuMs();
  expect(result.catchingUp).toBe(false);
  expect(result.height).toBe(node.height);
  const end = traffic.snapshot();
  return {
    label,
    db,
    load,
    ms,
    requests: end.requests - start.requests,
    bytes: end.bytes - start.bytes,
    catchUpMs: step.ms,
    catchUpBytes: step.traffic.bytes - start.bytes,
    catchUpRequests: step.traffic.requests - start.requests,
    inclusionRequests: step.traffic.inclusionRequests - start.inclusionRequests,
    waitingMs: step.traffic.waitingMs - start.waitingMs,
    indexCallsMs: indexCallsMs(),
    mirrorCpuMs: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
    nodeCpuMs: nodeBefore === null || nodeAfter === null ? null : nodeAfter - nodeBefore,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en');
const cpu = (ms: number | null) => (ms === null ? 'n/a' : seconds(ms));

function balancesOf(db: Db, letsTokenId: string): Map<string, bigint> {
  const letsId = findLetsByToken(db, letsTokenId);
  if (letsId === undefined) throw new Error('the mirror does not follow the LETS');
  expect(trialBalance(db, letsId)).toBe(0n);
  return new Map(accountBalances(db, letsId).map((b) => [b.memberKey, b.balance]));
}

it('catches up a LETS followed late on a busy chain through the node index, and by scanning its blocks', async () => {
  // The checks hash on a thread of their own, as in the desktop app (chain/checks-thread.ts).
  checkOnThread(await bundledChecksWorker());
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const begun = performance.now();
  const node = await startBusyChainNode({
    parameters: { name: 'Late LETS', unit: 'hours', floor: -200_00n, cap: 500_00n },
    memberNames: Array.from({ length: MEMBERS }, (_, i) => `Member ${i + 1}`),
    wallets: WALLETS,
    blocks: BLOCKS,
    mix: MIX,
    trades: TRADES,
    seed: 7,
    startTime: 1_767_225_600_000,
    blockIntervalMs: 120_000,
    keepRenderedBlocks: true,
    maxHeapMb: NODE_HEAP_MB,
  });
  const dir = mkdtempSync(join(os.tmpdir(), 'lets-catch-up-bench-'));
  try {
    const { demo } = node;
    const letsTokenId = demo.lets.letsId;
    // The node writes each block's JSON as it is first asked for and keeps it: the first scan pays for the writing, the
    // second reads from a node that costs this machine nothing, as one on another machine would.
    const coldScan = await catchUpRun(node, dir, 'block scan, node writing each block as it is read', false);
    const warmScan = await catchUpRun(node, dir, 'block scan, every block already written (a node on another machine)', false);
    const expected = dumpMirror(warmScan.db);
    expect(dumpMirror(coldScan.db)).toEqual(expected);
    expect(balancesOf(warmScan.db, letsTokenId)).toEqual(node.balances);
    coldScan.db.close();

    const byPageSize = new Map<number, Run>();
    const allIndexMs: number[] = [];
    for (const pageSize of PAGE_SIZES) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS_PER_PAGE_SIZE; i++) {
        const run = await catchUpRun(node, dir, `index catch-up, page size ${pageSize}, run ${i + 1}`, true, pageSize);
        expect(dumpMirror(run.db)).toEqual(expected);
        expect(balancesOf(run.db, letsTokenId)).toEqual(node.balances);
        run.db.close();
        runs.push(run);
        allIndexMs.push(run.ms);
      }
      const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Run;
      byPageSize.set(pageSize, median);
    }
    warmScan.db.close();
    const nodeHeapAtEnd = await node.liveHeapBytes();
    const totalMs = performance.now() - begun;

    const appRun = byPageSize.get(APP_PAGE_SIZE) as Run;
    const share = (run: Run) => `${((100 * run.bytes) / warmScan.bytes).toFixed(1)} %`;
    const indexRows = [...byPageSize.entries()].map(
      ([pageSize, run]) =>
        `| Catch-up through the node's index, page size ${pageSize}${pageSize === APP_PAGE_SIZE ? ' (the app’s default)' : ''}, median of ${RUNS_PER_PAGE_SIZE} | ${seconds(run.ms)} | ${megabytes(run.bytes)} (${share(run)} of the scan) | ${count(run.requests)} | ` +
        `index part (to tip − ${KEPT_HEADERS}) ${seconds(run.catchUpMs)}, ${megabytes(run.catchUpBytes)} in ${count(run.catchUpRequests)} requests (${count(run.inclusionRequests)} of them headers and proofs): a request under way ${seconds(run.waitingMs)}, the index's answers read and checked with none under way ${seconds(run.indexCallsMs - run.waitingMs)}, writing the mirror and the rest ${seconds(run.catchUpMs - run.indexCallsMs)}; ` +
        `the last ${KEPT_HEADERS} blocks ${seconds(run.ms - run.catchUpMs)}. CPU of the mirror's thread ${cpu(run.mirrorCpuMs)}, of the node's ${cpu(run.nodeCpuMs)}; load average before: ${run.load} |`,
    );
    const scanRow = (run: Run) =>
      `| Block scan (no index), ${run.label.replace(/^block scan, /, '')} | ${seconds(run.ms)} | ${megabytes(run.bytes)} | ${count(run.requests)} | ` +
      `the scan to tip − ${KEPT_HEADERS} ${seconds(run.catchUpMs)}, the last ${KEPT_HEADERS} blocks ${seconds(run.ms - run.catchUpMs)}. CPU of the mirror's thread ${cpu(run.mirrorCpuMs)}, of the node's ${cpu(run.nodeCpuMs)}; load average before: ${run.load} |`;
    const timeMet = appRun.ms < 10_000;
    const bytesMet = appRun.bytes < 0.05 * warmScan.bytes;

    // The ordinary traffic by kind, each weighed in the sampled blocks as the node writes them.
    const ordinary = node.transactions - node.letsTransactions;
    const figures = (kind: string) => node.kinds[kind] ?? { transactions: 0, sampled: 0, sampledBytes: 0 };
    const jsonPer = (kind: string) => figures(kind).sampledBytes / Math.max(1, figures(kind).sampled);
    const ordinaryKinds = Object.keys(KINDS).filter((kind) => kind !== 'LETS trade');
    const ordinarySampled = ordinaryKinds.reduce((sum, kind) => sum + figures(kind).sampled, 0);
    const ordinarySampledBytes = ordinaryKinds.reduce((sum, kind) => sum + figures(kind).sampledBytes, 0);
    const perOrdinary = ordinarySampledBytes / ordinarySampled;
    const perLetsTrade = jsonPer('LETS trade');
    const perBlockSampled = node.sample.bytes / node.sample.blocks;
    const scannedBlocks = node.height - node.demo.genesisHeight + 1;
    const perBlockScanned = warmScan.bytes / scannedBlocks;
    const kindRows = Object.entries(KINDS).map(
      ([kind, { perBlock, shape }]) =>
        `| ${kind} | ${shape} | ${perBlock} | ${count(figures(kind).transactions)} | ${kilobytes(jsonPer(kind))} | ${((100 * figures(kind).sampledBytes) / node.sample.bytes).toFixed(1)} % |`,
    );

    /*
     * Break-even: the index reads the LETS's transactions whatever the rest of the chain holds (catchUpBytes), the scan
     * reads every block, and both read the last KEPT_HEADERS blocks. Were the ordinary traffic's JSON `scale` times what
     * it is here (more transactions or larger ones), the scan's bytes and the tail both runs read would grow with it:
     * the index reads 5 % of the scan's bytes where catchUp + tail × W(scale) / W = 5 % × W(scale).
     */
    const letsInBlocks = node.letsTransactions * perLetsTrade;
    const tail = appRun.bytes - appRun.catchUpBytes;
    // Where the last blocks alone make 5 % of the scan (a short chain), no amount of traffic brings the index down to it.
    const reachable = tail / warmScan.bytes < 0.05;
    const breakEvenScanBytes = appRun.catchUpBytes / (0.05 - tail / warmScan.bytes);
    const scale = (breakEvenScanBytes - letsInBlocks) / (warmScan.bytes - letsInBlocks);
    const letsShare = node.letsTransactions / node.transactions;
    const breakEvenShare = node.letsTransactions / (node.letsTransactions + scale * ordinary);
    const breakEvenBlock = breakEvenScanBytes / scannedBlocks;
    const percent = (share: number) => `${(100 * share).toFixed(2)} %`;

    writeBenchmarkSection(
      'Catching up a LETS followed late (test/bench/catch-up.bench.ts)',
      `
${machineLine()}. Command: \`npx vitest run --project bench test/bench/catch-up.bench.ts\` (also part of \`npm run bench\`). Load average before: ${loadAtStart}. The whole benchmark took ${seconds(totalMs)}.

**Chain.** ${count(node.height)} blocks, ${count(node.transactions)} transactions. ${count(ordinary)} of them are the chain's ordinary traffic between ${count(WALLETS)} wallets, generated in memory by test/helpers/generated-traffic.ts with real transaction and box ids, every input an unspent box. **Its mix is a modelled assumption of the kinds of transactions on Ergo's mainnet, not measured from mainnet:** in every block after the LETS's founding first the emission transaction, as on mainnet (the emission box, under a 225-byte contract written after ergo's emission contract and holding EIP-27's re-emission token, recreated less the block's reward, which goes with its re-emission tokens to the block's miner's reward box, time-locked for 720 blocks), then in random order ${MIX.payments} wallet payments, ${MIX.tokenTransfers} token transfers, ${MIX.poolSwaps} DEX swaps as mainnet's go, through an order (${MIX.poolSwaps} orders placed, each a box under a 457-byte contract written after mainnet's DEX orders, and ${MIX.poolSwaps} swaps of a liquidity pool with an order placed in the block before), ${MIX.oracleUpdates} oracle updates, a mining pool's payout in one block of ${MIX.payoutEvery}, and last the miner's transaction collecting the block's fee boxes (as a node's miner does; every wallet transaction and swap pays a fee box of ${Number(RECOMMENDED_MIN_FEE_VALUE) / 1e9} ERG under FEE_CONTRACT). One block before the LETS's founding mints the tokens, the pools, the oracles and the emission box's re-emission token. Left out, though mainnet has them and each would make the blocks larger: larger contracts, the emission box's second token (its NFT), a batcher's reward output in each swap, and a pool's second asset as a token (a pool's token reserve is a register figure, as before, so orders and payouts carry ERG alone).

| Kind | Inputs → outputs | Per block | In the chain | Block JSON per transaction | Share of the blocks' JSON |
| --- | --- | ---: | ---: | ---: | ---: |
${kindRows.join('\n')}

Weighed in every 97th generated block (${node.sample.blocks} blocks) as the node writes it: **${kilobytes(perOrdinary)} per ordinary transaction, ${kilobytes(perBlockSampled)} per block** (${(ordinarySampled / node.sample.blocks).toFixed(1)} ordinary transactions a block); the block scan read ${kilobytes(perBlockScanned)} per block, headers included. The LETS has ${MEMBERS} members; its genesis and enrolments are real (built by the app's builders, signed, validated by the devnet's interpreter), its ${count(TRADES)} trades are generated by test/helpers/generated-trades.ts and spread evenly through the blocks, each at a random place among the ordinary transactions: its ${count(node.letsTransactions)} transactions are ${percent(letsShare)} of the chain's. Founding ${seconds(node.foundingMs)}, generating the blocks ${seconds(node.generationMs)} (ids hashed with @fleet-sdk/crypto's blake2b256, as the app hashes: on this machine the previous mix took ${GENERATION_WITH_WASM_HASH} to generate with the hand-written WebAssembly BLAKE2b this replaced, ${GENERATION_WITH_FLEET_HASH} with this one). The devnet serves as a node from a worker thread (test/bench/support/busy-chain-node.ts) with its extra index (electron/core/devnet/devnet-index.ts) and a heap limit of ${count(NODE_HEAP_MB)} MB; it keeps each block's JSON once written (keepRenderedBlocks), never an index page: every page is written as it is asked for, on the same two cores.

**What is measured.** A mirror that follows nothing yet finds the LETS through the index (findLets, not timed), follows it (followFoundLets), and syncs once with a catch-up: syncOnce(db, source, { catchUp: createCatchUp(…) }), from the LETS's genesis to the tip. With the index, its own transactions are read through /blockchain/transaction/byAddress (its account and management scripts) up to tip − ${KEPT_HEADERS}; without, every block from its genesis is read (64 at a time); either way the ordinary sync then reads the last ${KEPT_HEADERS} blocks. Through the index, each LETS transaction is tied to the chain as issue 18 asks: its block's header (once a block) and the node's Merkle proof that it is in that block (GET /blocks/{id}/header and /blocks/{id}/proofFor/{txId}), asked 64 transactions at a time, each proof checked against its header's transactions root and each header's proof of work on the checks thread. Bytes are the answers' bodies and requests every HTTP request, counted by a fetch handed to createNodeClient and createNodeIndex; time with a request under way, and with an index call under way, count each moment once however many calls were under way together. Each mirror is checked equal (dumpMirror) to the block scan's, and its balances equal to the generated history's (trial balance 0).

| What | Time | Read from the node | Requests | Notes |
| --- | ---: | ---: | ---: | --- |
${indexRows.join('\n')}
${scanRow(coldScan)}
${scanRow(warmScan)}

**Targets.** Catch-up through the index under 10 s on these 2 cores: ${timeMet ? 'met' : 'missed'} (${seconds(appRun.ms)} at the app's page size of ${APP_PAGE_SIZE}, the node writing its pages on the same cores; all ${allIndexMs.length} runs with the index took ${seconds(Math.min(...allIndexMs))} to ${seconds(Math.max(...allIndexMs))}). Under 5 % of the bytes of the block scan: ${bytesMet ? 'met' : 'missed'} (${share(appRun)}; the index part alone ${((100 * appRun.catchUpBytes) / warmScan.catchUpBytes).toFixed(1)} % of the scan to tip − ${KEPT_HEADERS}).

**Since issue 18.** Before the chain checks (commit 328dbd4, run of 2026-12-07) the index catch-up took 3.1 s at page size 500 in 337 requests (145.8 MB, 4.6 % of the scan), the block scans 100.5 s and 79.4 s. Tying each LETS transaction to the chain takes two requests of the node for it, its block's header and its Merkle proof, as the node's API answers one of each at a time: here ${count(appRun.inclusionRequests)} of the catch-up's ${count(appRun.requests)} requests, for which the demo node, on the same two cores, spent ${cpu(appRun.nodeCpuMs)} of its CPU (${appRun.nodeCpuMs === null ? 'its CPU not measured here' : `about ${(appRun.nodeCpuMs / appRun.requests).toFixed(1)} ms a request`}). That and the mirror's share of each exchange (${cpu(appRun.mirrorCpuMs)} of its thread's CPU for the whole catch-up, the proofs of work on the checks thread) are where the time goes; a node on another machine costs this one only the mirror's share. The demo chain now mines its headers and transactions roots, and answers proofs, with the WebAssembly BLAKE2b the checks use (blake2b-wasm.ts) where it used one in JavaScript: on 2026-12-07 its node spent about 1.6 ms of CPU a request and generating this chain took 1124.4 s (figures above for today's). The block scans check every transaction's and every box's id and every header's proof of work, the hashing on a thread of its own beside the mirror's and the node's, on the same two cores.

**Why the bytes, and the break-even.** The index writes a LETS transaction as the node's extra index does (ergo ApiExtraCodecs): its inputs as whole boxes, and every box with its address, which for an account box is the contract's KB-long tree a second time in base58. That is ${kilobytes(appRun.catchUpBytes / node.letsTransactions)} per LETS transaction here, against ${kilobytes(perLetsTrade)} for a trade in a block's JSON and ${kilobytes(perOrdinary)} for an ordinary transaction. Whether the index reads under 5 % of the scan's bytes thus turns on how much else the chain carries: ${reachable ? `it reads exactly 5 % with ${scale.toFixed(2)} times this chain's ordinary JSON, that is, at these transaction sizes, where the LETS's transactions are **${percent(breakEvenShare)} of the chain's** (here ${percent(letsShare)}), or, at this LETS's share, where blocks average **${kilobytes(breakEvenBlock)} of JSON** (here ${kilobytes(perBlockScanned)}). A LETS busier than that, or a chain quieter, and the index reads more than 5 %` : `on a chain this short the last ${KEPT_HEADERS} blocks, which both read, are 5 % of the scan by themselves`}.

**Earlier mixes, and the worst case.** Before this mix, the ordinary traffic was 20 minimal payments per block (one P2PK input → two P2PK outputs, without even a fee box: 1.07 KB of block JSON each, about 22 KB a block, the LETS's transactions 1.0 % of the chain's): there the index read 12.2 % of the scan's bytes (132.3 MB against 1,084.4 MB, 4.0 s at page size 500; run of 2026-12-07). No real payment is that small (every one pays a fee box), so that figure is the worst case. The mix above without its emission transactions and swap orders (each swap spending the trader's change directly: about 25 ordinary transactions and 51.58 KB of block JSON a block, the LETS's transactions 0.79 % of the chain's) had the index read 5.5 % of the scan's bytes (142.3 MB against 2,581.1 MB, 5.0 s at page size 500; run of 2026-12-07). Where mainnet lies among these figures depends on how far its blocks are like this model.

Peak memory of the whole process (mirror, node and the chain it holds): ${megabytes(process.resourceUsage().maxRSS * 1024)} resident. The node's live heap (after a full collection) with the chain and its index built ${megabytes(node.builtHeapBytes)}, at the end with every block's JSON kept as well ${megabytes(nodeHeapAtEnd)}.
`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await node.close();
  }
}, 45 * 60_000);
