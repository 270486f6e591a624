import type { ChainSource, ChainTip } from '../../chain/chain-source';
import { AppError } from '../../errors/app-error';
import type { Db } from '../database';
import {
  insertBlock,
  KEPT_HEADERS,
  loadTracked,
  mirroredNetwork,
  moveMirrorTo,
  type Network,
  pruneHeaders,
  rollbackAbove,
  storedHeaderIdAt,
  storedLinkAt,
  storedUnderCurrentChecks,
  storedTip,
} from '../queries/chain-store';
import { pendingLets } from '../queries/catch-up-state';
import { reopenAbove } from '../queries/outbox';
import { linkedPrefix, type FetchedBlock } from './block-fetch';
import { CheckedBatches, type CheckedBlocks } from './checked-batches';
import { createCatchUp, type CatchUp } from './catch-up';
import { ChainWriter } from './chain-writer';
import { chainChecks, CHECKS_OF_BLOCK_SCAN, requireFollows } from '../../chain/chain-checks';
import { recordRead } from '../queries/mirror-reads';


export interface SyncOptions {
  /** Blocks fetched concurrently and applied in one SQLite transaction. */
  batchSize?: number;
  /** Called after each batch is committed, with the mirror's new height (progress, tests that kill mid-sync). */
  onBatchApplied?: (height: number) => void;
  /** Catches up newly followed LETS (catch-up.ts); without one they are read block by block, to the end. */
  catchUp?: CatchUp;
  /** How long the catch-up may work in this round before the block-by-block sync of the others has its turn. */
  catchUpBudgetMs?: number;
}

export interface SyncResult {
  /** The mirror's height after the sync. */
  height: number;
  /** The chain as the source reported it when the sync began. */
  chainTip: ChainTip;
  appliedBlocks: number;
  /** How many blocks a reorg undid (0 when none). */
  rolledBack: number;
  /** Differences found between a LETS's local record and its parameters on chain (see refreshLetsParameters). */
  warnings: string[];
  /** A newly followed LETS is still being caught up (its progress: CatchUp.reports). */
  catchingUp: boolean;
  /** Its catch-up has more to read at once (rather than waiting for the next round, e.g. while a reorg is undone). */
  catchUpContinues: boolean;
}

/** The highest height where the mirror and the chain agree; everything above it is on a dead branch. */
async function findForkPoint(db: Db, source: ChainSource, from: number): Promise<number> {
  for (let height = from; height >= 1; height--) {
    const local = storedHeaderIdAt(db, height);
    if (local === undefined) {
      throw new AppError(
        'chain-response-invalid',
        `The chain reorganised deeper than the ${KEPT_HEADERS} blocks the mirror keeps.`,
        'In Settings, under “Local copy of the ledger”, choose “Read the ledger again from the chain” (names and notes are kept).',
      );
    }
    const [remote] = await source.headerIdsAt(height);
    if (remote === local) return height;
  }
  return 0;
}

/**
 * Applies checked blocks in one SQLite transaction, with the record of where they came from; returns the warnings of
 * any LETS whose parameters on chain differ.
 */
function applyBlocks(db: Db, { blocks, unchecked }: CheckedBlocks, following: ReturnType<typeof loadTracked>, network: Network, source: string): string[] {
  return db.transaction(() => {
    const writer = new ChainWriter(db, following, network, unchecked);
    for (const { header, transactions } of blocks) {
      insertBlock(db, header);
      for (const [position, tx] of transactions.entries()) writer.apply(tx, header, position);
    }
    const warnings = writer.finish();
    const [first, last] = [blocks[0], blocks.at(-1)];
    if (first && last) recordRead(db, { letsId: null, fromHeight: first.header.height, toHeight: last.header.height, source, checks: CHECKS_OF_BLOCK_SCAN });
    pruneHeaders(db, KEPT_HEADERS);
    return warnings;
  })();
}

/**
 * Brings the mirror up to the chain's tip: newly followed LETS are caught up first (as far as the budget allows), then
 * every LETS that is caught up is read block by block. Each batch must chain by parent id onto the stored tip
 * and is written in one SQLite transaction, so a crash at any point leaves the mirror at a block boundary and the
 * next run continues from there. When the stored tip is no longer on the chain, the mirror rolls back to the fork
 * point (one transaction) and carries on along the new branch.
 */
export async function syncOnce(db: Db, source: ChainSource, options: SyncOptions = {}): Promise<SyncResult> {
  const batchSize = options.batchSize ?? 64;
  const chainTip = await source.tip();
  const { network } = chainTip;
  if (mirroredNetwork(db) !== network || !storedUnderCurrentChecks(db)) db.transaction(() => moveMirrorTo(db, network))();
  const catchUpContinues = await (options.catchUp ?? createCatchUp({ batchSize })).step(db, source, chainTip, options.catchUpBudgetMs);
  const catchingUp = pendingLets(db, network).some((lets) => !lets.paused);
  const following = loadTracked(db, network);
  const { tracked } = following;
  const result: SyncResult = { height: storedTip(db)?.height ?? 0, chainTip, appliedBlocks: 0, rolledBack: 0, warnings: [], catchingUp, catchUpContinues };
  // No LETS lives on this network: there is nothing to follow, so the mirror is as far as it needs to be.
  if (tracked.length === 0) return { ...result, height: catchingUp ? result.height : chainTip.height };
  const firstHeight = Math.min(...tracked.map((t) => t.startHeight));
  const checks = chainChecks();
  const batches = new CheckedBatches(source, checks, network, { upTo: chainTip.height, batchSize });

  for (;;) {
    const local = storedTip(db);
    if (local && (await source.headerIdsAt(local.height))[0] !== local.headerId) {
      batches.forget();
      const fork = await findForkPoint(db, source, local.height - 1);
      db.transaction(() => {
        rollbackAbove(db, fork);
        reopenAbove(db, fork, network);
      })();
      result.rolledBack += local.height - fork;
      continue;
    }
    const next = local ? local.height + 1 : firstHeight;
    if (batches.heightsFrom(next).length === 0) break;
    const checked = await batches.read(next, local?.headerId);
    const linked = linkedPrefix(checked.blocks, local?.headerId);
    if (linked.length === 0) {
      if (checked.blocks.length === 0) break;
      throw new AppError('chain-response-invalid', `Block ${next} does not follow the block the chain itself reports at ${next - 1}.`, 'The node is inconsistent; try again later or use another node. The mirror was not changed.');
    }
    const parent = local && storedLinkAt(db, local.height);
    if (parent) requireFollows((linked[0] as FetchedBlock).header, parent, network);
    result.warnings.push(...applyBlocks(db, { blocks: linked, unchecked: checked.unchecked }, following, network, source.label));
    options.onBatchApplied?.(linked.at(-1)?.header.height ?? next);
    result.appliedBlocks += linked.length;
  }
  result.height = storedTip(db)?.height ?? 0;
  return result;
}
