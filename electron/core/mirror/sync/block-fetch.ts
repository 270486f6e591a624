import type { ChainHeader, ChainSource, ChainTransaction, HexId } from '../../chain/chain-source';
import { AppError } from '../../errors/app-error';

/** Fetching consecutive blocks from a chain source: what the block-by-block sync and a LETS's block scan both read. */

export interface FetchedBlock {
  header: ChainHeader;
  transactions: ChainTransaction[];
}

async function fetchHeader(source: ChainSource, height: number): Promise<ChainHeader | undefined> {
  const [headerId] = await source.headerIdsAt(height);
  if (!headerId) return undefined;
  const header = await source.header(headerId);
  if (header.id !== headerId) throw new AppError('chain-response-invalid', `The chain answered for block ${headerId} with another block.`, 'Check the node; the mirror was not changed.');
  return header;
}

/** The best chain's headers at `heights` (consecutive), in one request where the source can serve a range. */
export async function fetchHeaders(source: ChainSource, heights: readonly number[]): Promise<(ChainHeader | undefined)[]> {
  const first = heights[0];
  const last = heights.at(-1);
  const ranged = source.headerRange && first !== undefined && last !== undefined ? await source.headerRange(first, last) : [];
  const byHeight = new Map(ranged.map((h) => [h.height, h]));
  return Promise.all(heights.map((height) => byHeight.get(height) ?? fetchHeader(source, height)));
}

/**
 * The blocks at `heights` as far as the source serves them whole. A node takes in a block's header before its
 * transactions, so the newest block it names may not have them yet (404): the batch ends before it, and the next round
 * reads it, rather than the round failing.
 */
export async function fetchBlocks(source: ChainSource, heights: readonly number[]): Promise<FetchedBlock[]> {
  const headers = await fetchHeaders(source, heights);
  const blocks = await Promise.all(
    heights.map(async (height, i) => {
      const header = headers[i];
      if (!header) return undefined;
      if (header.height !== height) {
        throw new AppError('chain-response-invalid', `The chain answered for height ${height} with a block of another height.`, 'Check the node; the mirror was not changed.');
      }
      try {
        return { header, transactions: await source.blockTransactions(header.id) };
      } catch (error) {
        if (error instanceof AppError && error.code === 'not-found') return undefined;
        throw error;
      }
    }),
  );
  const missing = blocks.indexOf(undefined);
  return (missing < 0 ? blocks : blocks.slice(0, missing)) as FetchedBlock[];
}

export function heightsBetween(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export /** The leading blocks that chain onto `parent` and onto each other; a break means the chain moved mid-fetch. */
function linkedPrefix(blocks: FetchedBlock[], parent: HexId | undefined): FetchedBlock[] {
  const linked: FetchedBlock[] = [];
  let expected = parent;
  for (const block of blocks) {
    if (expected !== undefined && block.header.parentId !== expected) break;
    linked.push(block);
    expected = block.header.id;
  }
  return linked;
}
