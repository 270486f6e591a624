import type { DevnetNodeSetup } from './devnet-node';

export const MEMBERS = 250;
export const TRADES = 100_000;
export const TRADES_PER_BLOCK = 100;
export const BENCH_START_TIME = 1_767_225_600_000;

/** The benchmark LETS: 250 members and 100 000 generated trades, 100 a block, its blocks `blockIntervalMs` apart. */
export function benchLets(blockIntervalMs: number): DevnetNodeSetup {
  return {
    parameters: { name: 'Bench LETS', unit: 'hours', floor: -200_00n, cap: 500_00n },
    memberNames: Array.from({ length: MEMBERS }, (_, i) => `Member ${i + 1}`),
    trades: TRADES,
    tradesPerBlock: TRADES_PER_BLOCK,
    seed: 42,
    startTime: BENCH_START_TIME,
    blockIntervalMs,
  };
}
