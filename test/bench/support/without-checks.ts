import { ChainChecks } from '../../../electron/core/chain/chain-checks';

/**
 * Runs `work` with the chain checks of a block scan left out (every batch passes unread), to measure what they cost
 * beside the very same sync with them. The mirror has no such switch, so the benchmark swaps the method for the run.
 */
export async function withoutBlockChecks<T>(work: () => Promise<T>): Promise<T> {
  const checking = ChainChecks.prototype.requireBlocks;
  let passed = 0;
  ChainChecks.prototype.requireBlocks = () => {
    passed++;
    return Promise.resolve([]);
  };
  try {
    const value = await work();
    // A sync that read its blocks past the swapped method (another copy of the class) would measure nothing.
    if (passed === 0) throw new Error('The sync did not go through the checks left out: the comparison would be void.');
    return value;
  } finally {
    ChainChecks.prototype.requireBlocks = checking;
  }
}

/** Times of the same work with the checks and without, in pairs whose order alternates; the ratio of each pair. */
export interface PairedCost {
  withChecks: number[];
  without: number[];
  ratios: number[];
}

/** `pairs` pairs of `run` (which answers its time in ms) with the checks and without, alternating which goes first. */
export async function pairedCheckCost(pairs: number, run: (checks: boolean) => Promise<number>): Promise<PairedCost> {
  const cost: PairedCost = { withChecks: [], without: [], ratios: [] };
  for (let pair = 0; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? [true, false] : [false, true];
    const times = new Map<boolean, number>();
    for (const checks of order) times.set(checks, await run(checks));
    const [withChecks, without] = [times.get(true) as number, times.get(false) as number];
    cost.withChecks.push(withChecks);
    cost.without.push(without);
    cost.ratios.push(withChecks / without);
  }
  return cost;
}
