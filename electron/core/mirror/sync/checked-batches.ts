import { contentSentBy, type ChainChecks } from '../../chain/chain-checks';
import type { ChainSource, HexId } from '../../chain/chain-source';
import type { Network } from '../queries/chain-store';
import { fetchBlocks, linkedPrefix, type FetchedBlock } from './block-fetch';

/** Blocks that passed the checks, and the transactions among them whose content could not be checked (ChainWriter). */
export interface CheckedBlocks {
  blocks: FetchedBlock[];
  unchecked: ReadonlySet<string>;
}

/**
 * Batches asked for ahead of the one handed out: one, fetched and checked while the sync writes the one before. Two
 * were tried, so that the next batch would reach the checks thread before the write began, and the sync came out
 * slower: three batches of 6 400 trades held at once cost more than the waits they saved.
 */
const AHEAD = 1;

/**
 * Consecutive batches of blocks, each fetched and checked (chain-checks.ts) before anything may store it, the next
 * ones asked for as soon as one is handed out. The block-by-block sync and a LETS's block scan both read through it.
 */
export class CheckedBatches {
  readonly #ahead = new Map<number, Promise<CheckedBlocks | undefined>>();

  /** `batchFrom` gives the heights of the batch that starts at a height (none past the end). */
  constructor(
    private readonly source: ChainSource,
    private readonly checks: ChainChecks,
    private readonly network: Network,
    private readonly batchFrom: (from: number) => readonly number[],
  ) {}

  async #fetchChecked(heights: readonly number[]): Promise<CheckedBlocks> {
    const blocks = await fetchBlocks(this.source, heights);
    return { blocks, unchecked: new Set(await this.checks.requireBlocks(blocks, this.network, contentSentBy(this.source))) };
  }

  /**
   * The batch that starts at `from`. A batch fetched ahead that failed (its checks included) or no longer follows
   * `parentId` (the chain moved in between) is fetched again: the fresh answer has the last word.
   */
  async read(from: number, parentId: HexId | undefined): Promise<CheckedBlocks> {
    const heights = this.batchFrom(from);
    const prefetched = this.#ahead.get(from);
    // Batches fetched ahead from another start (the one before ended early) are of no use.
    if (!prefetched) this.#ahead.clear();
    this.#ahead.delete(from);
    const fetching = prefetched ?? this.#fetchChecked(heights);
    let next = from + heights.length;
    for (let i = 0; i < AHEAD; i++) {
      const ahead = this.batchFrom(next);
      if (ahead.length === 0) break;
      // A failure of a batch ahead is kept for when it is due, when it is fetched again, errors and all.
      if (!this.#ahead.has(next)) this.#ahead.set(next, this.#fetchChecked(ahead).catch(() => undefined));
      next += ahead.length;
    }
    const checked = await fetching;
    if (checked === undefined || (prefetched && linkedPrefix(checked.blocks, parentId).length === 0)) return this.#fetchChecked(heights);
    return checked;
  }

  /** Drops the batches fetched ahead: after a rollback they are of the wrong branch. */
  forget(): void {
    this.#ahead.clear();
  }
}
