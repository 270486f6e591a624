import { contentSentBy, type ChainChecks } from '../../chain/chain-checks';
import type { ChainSource, HexId } from '../../chain/chain-source';
import type { Network } from '../queries/chain-store';
import { fetchBlocks, heightsBetween, linkedPrefix, type FetchedBlock } from './block-fetch';

/** The first batch's size: the checks of a full one would have nothing to overlap with (see CheckedBatches). */
const FIRST_BATCH = 8;

/** Blocks that passed the checks, and the transactions among them whose content could not be checked (ChainWriter). */
export interface CheckedBlocks {
  blocks: FetchedBlock[];
  unchecked: ReadonlySet<string>;
}

/**
 * Consecutive batches of blocks, each fetched and checked (chain-checks.ts) before anything may store it, the next
 * one asked for as soon as one is handed out, so it is fetched and checked while the sync writes the one before. The
 * block-by-block sync and a LETS's block scan both read through it. Two batches ahead were tried, so that the next
 * would reach the checks thread before the write began, and the sync came out slower: three batches of 6 400 trades
 * held at once cost more than the waits they saved.
 *
 * The first batch is checked with nothing to write beside it, so batches start small and double, as far as what was
 * read so far, up to `batchSize`: the first is checked in an eighth of the time, and each after is checked while the
 * sync writes one half its size.
 */
export class CheckedBatches {
  #ahead: { from: number; blocks: Promise<CheckedBlocks | undefined> } | undefined;
  #start: number | undefined;

  /** Batches of up to `batchSize` blocks, none past `upTo`. */
  constructor(
    private readonly source: ChainSource,
    private readonly checks: ChainChecks,
    private readonly network: Network,
    private readonly range: { upTo: number; batchSize: number },
  ) {}

  /** The heights of the batch that starts at `from` (none past the end). */
  heightsFrom(from: number): number[] {
    this.#start ??= from;
    const size = Math.min(this.range.batchSize, Math.max(FIRST_BATCH, from - this.#start));
    return heightsBetween(from, Math.min(this.range.upTo, from + size - 1));
  }

  async #fetchChecked(heights: readonly number[]): Promise<CheckedBlocks> {
    const blocks = await fetchBlocks(this.source, heights);
    return { blocks, unchecked: new Set(await this.checks.requireBlocks(blocks, this.network, contentSentBy(this.source))) };
  }

  /**
   * The batch that starts at `from`. A batch fetched ahead that failed (its checks included) or no longer follows
   * `parentId` (the chain moved in between) is fetched again: the fresh answer has the last word.
   */
  async read(from: number, parentId: HexId | undefined): Promise<CheckedBlocks> {
    const heights = this.heightsFrom(from);
    const ahead = this.#ahead;
    const prefetched = ahead?.from === from ? ahead.blocks : undefined;
    const fetching = prefetched ?? this.#fetchChecked(heights);
    const next = from + heights.length;
    const then = this.heightsFrom(next);
    // A failure of the batch ahead is kept for when it is due, when it is fetched again, errors and all.
    this.#ahead = then.length === 0 ? undefined : { from: next, blocks: this.#fetchChecked(then).catch(() => undefined) };
    const checked = await fetching;
    if (checked === undefined || (prefetched && linkedPrefix(checked.blocks, parentId).length === 0)) return this.#fetchChecked(heights);
    return checked;
  }

  /** Drops the batch fetched ahead: after a rollback it is of the wrong branch. */
  forget(): void {
    this.#ahead = undefined;
  }
}
