import { foundLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { appendGeneratedTrades } from './generated-trades';

export interface LateLetsHistory {
  /** Trades right after the genesis, six to a block. */
  trades: number;
  /** Empty blocks after them: more than the 300 headers a mirror keeps puts those trades within the index's reach. */
  emptyBlocks: number;
  /** Trades at the end, among the blocks a reorganisation may still reach (read block by block). */
  laterTrades: number;
  seed: number;
}

/**
 * A chain on which "Late LETS" (four members, real genesis and enrolments) has a history by the time someone follows
 * it: what a catch-up through an index, or block by block, must read. Blocks come two minutes apart.
 */
export async function aLateLetsChain(history: LateLetsHistory): Promise<{ chain: DevnetChain; demo: DemoLets }> {
  let clock = 1_767_225_600_000;
  const chain = new DevnetChain({ now: () => (clock += 120_000) });
  const { demo } = await foundLets(chain, { parameters: { name: 'Late LETS', unit: 'hours', floor: -200_00n, cap: 500_00n }, memberNames: ['Ann', 'Ben', 'Cat', 'Dan'] });
  await appendGeneratedTrades(chain, demo, { trades: history.trades, tradesPerBlock: 6, seed: history.seed });
  chain.mineMany(history.emptyBlocks);
  await appendGeneratedTrades(chain, demo, { trades: history.laterTrades, tradesPerBlock: 6, seed: history.seed + 1 });
  return { chain, demo };
}
