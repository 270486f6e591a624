import { expect, it } from 'vitest';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { foundLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet } from '../../electron/core/devnet/devnet-server';
import type { Db } from '../../electron/core/mirror/database';
import { accountBalances, memberHistory, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { pollOnce } from '../../electron/core/mirror/sync/sync-loop';
import { appendGeneratedTrades } from '../helpers/generated-trades';
import { aMirrorFollowing } from '../helpers/mirror-fixtures';
import { machineLine, writeBenchmarkSection } from './report';

const MEMBERS = 250;
const TRADES = 100_000;
const TRADES_PER_BLOCK = 100;

function elapsed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

async function elapsedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function stats(samples: number[]): { median: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

function rowCount(db: Db): number {
  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as bigint);
  return count('boxes') + count('ledger_entries');
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

it('syncs a LETS of 250 members and 100 000 trades and answers its queries', async () => {
  let clock = 1_767_225_600_000;
  const chain = new DevnetChain({ now: () => (clock += 120_000) });
  const founding = await elapsedAsync(() =>
    foundLets(chain, { parameters: { name: 'Bench LETS', unit: 'hours', floor: -200_00n, cap: 500_00n }, memberNames: Array.from({ length: MEMBERS }, (_, i) => `Member ${i + 1}`) }),
  );
  const { demo } = founding.value;
  const generation = await elapsedAsync(() => appendGeneratedTrades(chain, demo, { trades: TRADES, tradesPerBlock: TRADES_PER_BLOCK, seed: 42 }));
  const expectedBalances = generation.value;

  const server = await serveDevnet(chain);
  try {
    const node = createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet' });
    const sources: [string, ChainSource][] = [
      ['node client over HTTP (serveDevnet on 127.0.0.1, same process)', node],
      ['DevnetChain as ChainSource, in process', chain],
    ];
    const syncs = [];
    for (const [label, source] of sources) {
      const mirror = aMirrorFollowing(demo);
      const { value: result, ms: time } = await elapsedAsync(() => syncOnce(mirror.db, source));
      expect(result.height).toBe(chain.height);
      const rows = rowCount(mirror.db);
      syncs.push({ label, mirror, time, rows, blocks: result.appliedBlocks });
    }
    const [http] = syncs as [(typeof syncs)[number]];
    const { db, letsId } = http.mirror;
    expect(trialBalance(db, letsId)).toBe(0n);
    expect(new Map(accountBalances(db, letsId).map((b) => [b.memberKey, b.balance]))).toEqual(expectedBalances);

    const idleSamples: number[] = [];
    for (let i = 0; i < 30; i++) idleSamples.push((await elapsedAsync(() => pollOnce(db, node, { confirmations: 2 }))).ms);
    const idle = stats(idleSamples);
    await appendGeneratedTrades(chain, demo, { trades: TRADES_PER_BLOCK, tradesPerBlock: TRADES_PER_BLOCK, seed: 43 });
    const newBlock = await elapsedAsync(() => pollOnce(db, node, { confirmations: 2 }));
    expect(newBlock.value.mirrorHeight).toBe(chain.height);

    const balances = stats(Array.from({ length: 50 }, () => elapsed(() => accountBalances(db, letsId)).ms));
    const histories = demo.members.map((member) => elapsed(() => memberHistory(db, letsId, member.publicKey)));
    const history = stats(histories.map((h) => h.ms));
    const longest = Math.max(...histories.map((h) => h.value.length));

    const syncRows = syncs
      .map((s) => `| Full sync, ${s.label} | ${(s.time / 1000).toFixed(1)} s | ${Math.round(s.rows / (s.time / 1000)).toLocaleString('en')} rows/s, ${s.blocks} blocks |`)
      .join('\n');
    writeBenchmarkSection(
      'Chain mirror (test/bench/mirror.bench.ts)',
      `
${machineLine()}. Command: \`npx vitest run --project bench test/bench/mirror.bench.ts\` (also part of \`npm run bench\`).

**History.** ${MEMBERS} members, ${TRADES.toLocaleString('en')} trades, ${TRADES_PER_BLOCK} trades per block (${syncs[0]?.blocks ?? 0} blocks from genesis). Genesis and all ${MEMBERS} enrolments are real: built by the app's builders, signed by the software signer, validated by the devnet's interpreter (${(founding.ms / 1000).toFixed(0)} s). The trades are generated in memory by test/helpers/generated-trades.ts (${(generation.ms / 1000).toFixed(0)} s): each has the shape buildTrade produces (payer account, payee account and payer wallet in; both new account boxes, fee and change out), registers encoded by contracts/registers.ts, balances conserved and within floor and cap, real transaction and box ids, and random bytes in place of the Schnorr proofs. They are appended with DevnetChain.appendPrevalidatedBlock, without the interpreter (building and checking 100 000 real trades would take over an hour). Devnet persistence is off. The mirror is a SQLite file in the temp folder. Rows = boxes + ledger entries written (${http.rows.toLocaleString('en')}).

| What | Time | Notes |
| --- | ---: | --- |
${syncRows}
| Idle poll over HTTP (sync + mempool + outbox), median / max of 30 | ${ms(idle.median)} / ${ms(idle.max)} | target < 50 ms |
| Poll that applies one new block of ${TRADES_PER_BLOCK} trades, over HTTP | ${ms(newBlock.ms)} | |
| All ${MEMBERS} balances (accountBalances), median / max of 50 | ${ms(balances.median)} / ${ms(balances.max)} | |
| One member's full history (memberHistory), median / max over all ${MEMBERS} members | ${ms(history.median)} / ${ms(history.max)} | longest history: ${longest} entries; target < 20 ms |

Targets of issue 4: full resync under 10 s on a 2-core machine, idle poll under 50 ms, statement query under 20 ms.
`,
    );
  } finally {
    await server.close();
  }
});
