import type { ChainIndex, IndexedTransaction } from '../../chain/chain-index';
import type { ChainSource, ChainTip } from '../../chain/chain-source';
import { AppError } from '../../errors/app-error';
import type { Db } from '../database';
import { finishCatchUp, pendingLets, recordCatchUp, type IndexCursor, type PendingLets } from '../queries/catch-up-state';
import { insertBlock, KEPT_HEADERS, storedHeaderIdAt, storedTip, type Network } from '../queries/chain-store';
import { fetchHeaders, linkedPrefix } from './block-fetch';
import { CheckedBatches } from './checked-batches';
import { ChainWriter } from './chain-writer';
import {
  CHECKS_OF_BLOCK_SCAN,
  CHECKS_OF_PROVEN_INDEX,
  CHECKS_OF_UNPROVEN_INDEX,
  chainChecks,
  requireFollows,
  type ChainChecks,
  type IndexedToCheck,
} from '../../chain/chain-checks';
import type { ChainHeader } from '../../chain/chain-source';
import { recordRead } from '../queries/mirror-reads';

/*
 * A LETS followed today may have years of history on chain. It is caught up on its own before it joins the
 * block-by-block sync of the others (ARCHITECTURE.md, "Chain"):
 *   1. through the index (node extraIndex or Explorer): only the LETS's own transactions, listed by its two scripts,
 *      up to the tip less the headers the mirror keeps (no reorganisation reaches that deep) and no further than the
 *      index has got;
 *   2. block by block for the rest, reading only this LETS out of each block; without an index, from its genesis;
 *   3. then it joins the sync at the mirror's tip. A mirror that follows nothing yet starts there.
 * Every step is written with its progress in one SQLite transaction, so a catch-up stopped by a crash, a restart or
 * the treasurer carries on where it was. Both ways go through the same ChainWriter and leave the same mirror.
 */

export interface CatchUpReport {
  letsId: number;
  name: string;
  /** Where the history comes from now: the index's listings, or the blocks themselves. */
  phase: 'index' | 'blocks';
  /** Transactions (index) or blocks (blocks) read so far, of `total`; both null until the first answer. */
  done: number | null;
  total: number | null;
  /** Estimated from the pace so far, null until there is one. */
  secondsLeft: number | null;
  paused: boolean;
}

export interface CatchUpOptions {
  /** Null or absent: the source keeps no index, the history is read block by block. */
  index?: ChainIndex | null;
  /** Transactions per index page (at most what the index serves). */
  pageSize?: number;
  /** Blocks fetched at once in a block scan. */
  batchSize?: number;
  now?: () => number;
  /** Called after each step is committed, with the LETS and the height its history is now read to (tests, crashes). */
  onApplied?: (letsId: number, height: number) => void;
}

export interface CatchUp {
  /**
   * Works on the LETS of `chainTip.network` being caught up until done or `budgetMs` is spent; true when work is left
   * that can go on at once (false too while a reorganisation must be undone first, which the next round does).
   */
  step(db: Db, source: ChainSource, chainTip: ChainTip, budgetMs?: number): Promise<boolean>;
  reports(db: Db, network: Network): CatchUpReport[];
}

/** The two listings of a LETS in the index: every transaction touching its account script or its holder box's script. */
type Listing = 'account' | 'holder';

interface ListingRead {
  listing: Listing;
  tree: string;
  /** Items of the listing (from the oldest) already applied or skipped. */
  position: number;
  /** Read but not applied yet, oldest first. */
  items: IndexedTransaction[];
  /** Nothing more to read: the listing ends, or goes above the height this step catches up to. */
  ended: boolean;
}

interface Pace {
  phase: CatchUpReport['phase'];
  startedAt: number;
  doneAtStart: number;
  done: number;
  total: number;
}

const DEFAULT_PAGE = 500;
const DEFAULT_BATCH = 64;
/** Proofs asked for at once, as many as blocks in a block scan's batch. */
const INCLUSIONS_AT_ONCE = 64;

export function createCatchUp(options: CatchUpOptions = {}): CatchUp {
  const index = options.index ?? null;
  const pageSize = Math.min(options.pageSize ?? DEFAULT_PAGE, index?.maxPage ?? DEFAULT_PAGE);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const now = options.now ?? Date.now;
  /** Listing sizes as last answered, by LETS and listing: they only grow, and knowing them saves a request per page. */
  const totals = new Map<string, number>();
  const paces = new Map<number, Pace>();

  function progress(lets: PendingLets, phase: Pace['phase'], done: number, total: number): void {
    const pace = paces.get(lets.tracked.letsId);
    if (pace?.phase === phase) Object.assign(pace, { done, total });
    else paces.set(lets.tracked.letsId, { phase, startedAt: now(), doneAtStart: done, done, total });
  }

  /** Reads the next page of a listing, oldest first, from where it stands (the index lists newest first). */
  async function readPage(lets: PendingLets, read: ListingRead, caughtUpTo: number, upTo: number): Promise<void> {
    if (!index) return;
    const key = `${lets.tracked.letsId}:${read.listing}`;
    const from = read.position + read.items.length;
    let total = totals.get(key) ?? (await index.transactionsByErgoTree(read.tree, 0, 1)).total;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (from >= total) {
        totals.set(key, total);
        read.ended = true;
        return;
      }
      const offset = Math.max(0, total - from - pageSize);
      const page = await index.transactionsByErgoTree(read.tree, offset, total - from - offset);
      // Each item's place from the oldest; the listing may have grown at its newest end since `total` was read.
      const placed = page.items.map((tx, i) => ({ tx, position: page.total - 1 - offset - i })).filter((p) => p.position >= from);
      placed.sort((a, b) => a.position - b.position);
      total = page.total;
      totals.set(key, total);
      if (placed[0]?.position !== from) continue;
      placed.forEach((p, i) => {
        if (p.position !== from + i) throw indexInconsistent(index, 'a page of its listing has gaps');
      });
      for (const { tx } of placed) {
        const last = read.items.at(-1);
        if (last && tx.inclusionHeight < last.inclusionHeight) throw indexInconsistent(index, 'its listing is not in chain order');
        if (tx.inclusionHeight <= caughtUpTo) read.position++;
        else if (tx.inclusionHeight > upTo) {
          read.ended = true;
          return;
        } else read.items.push(tx);
      }
      if (from + placed.length >= total) read.ended = true;
      return;
    }
    throw indexInconsistent(index, 'its listing kept changing while it was read');
  }

  /**
   * Checks transactions the index listed (chain-checks.ts), with the node's proof of their block where the index
   * serves proofs: asked INCLUSIONS_AT_ONCE at a time, a block's header once for all the transactions of it among them,
   * each group checked while the next is asked for.
   */
  async function requireIndexed(checks: ChainChecks, txs: readonly IndexedTransaction[], network: Network): Promise<void> {
    if (!index?.blockHeader || !index.proofFor) return checks.requireIndexed(txs.map((tx) => ({ tx, inclusion: null })), network);
    let checked: Promise<void> = Promise.resolve();
    for (let start = 0; start < txs.length; start += INCLUSIONS_AT_ONCE) {
      const chunk = txs.slice(start, start + INCLUSIONS_AT_ONCE);
      const headers = new Map<string, Promise<ChainHeader | null>>();
      for (const { blockId } of chunk) if (!headers.has(blockId)) headers.set(blockId, index.blockHeader(blockId));
      const [found, proofs] = await Promise.all([
        Promise.all([...headers].map(async ([id, header]) => [id, await header] as const)),
        Promise.all(chunk.map((tx) => index.proofFor?.(tx.blockId, tx.id) ?? null)),
      ]);
      const headerOf = new Map(found);
      const items = chunk.map((tx, i): IndexedToCheck => {
        const header = headerOf.get(tx.blockId);
        const proof = proofs[i];
        if (!header || !proof) throw indexInconsistent(index, `it lists transaction ${tx.id.slice(0, 12)}… in block ${tx.blockId.slice(0, 12)}…, which the node says does not hold it`);
        return { tx, inclusion: { header, proof } };
      });
      await checked;
      checked = checks.requireIndexed(items, network);
      // Awaited with the next group or at the end; a request failing before then must not leave it unheard.
      checked.catch(() => undefined);
    }
    await checked;
  }

  /** The highest height up to which this listing's transactions are all read. */
  function completeTo(read: ListingRead): number {
    const last = read.items.at(-1);
    return read.ended ? Number.POSITIVE_INFINITY : last === undefined ? Number.NEGATIVE_INFINITY : last.inclusionHeight - 1;
  }

  /** Catches up through the index as far as `upTo`; false when the budget ran out first. */
  async function throughIndex(db: Db, network: Network, lets: PendingLets, upTo: number, deadline: number): Promise<boolean> {
    const { tracked } = lets;
    const holderTree = tracked.managementTree ?? tracked.publicTokenTree ?? '';
    // A cursor saved for another height than the mirror holds (a rollback cleared it) is not trusted: the listing is
    // read from its start and what is already in the mirror skipped.
    const positions = lets.cursor?.height === lets.caughtUpTo ? lets.cursor.positions : {};
    const reads: ListingRead[] = [
      { listing: 'account', tree: tracked.accountTree, position: positions['account'] ?? 0, items: [], ended: false },
      { listing: 'holder', tree: holderTree, position: positions['holder'] ?? 0, items: [], ended: false },
    ];
    let caughtUpTo = lets.caughtUpTo;
    const following = { tracked: [tracked], letsTokenIds: new Map([[tracked.letsId, lets.letsTokenId]]) };
    while (caughtUpTo < upTo) {
      for (const read of reads) if (!read.ended && completeTo(read) <= caughtUpTo) await readPage(lets, read, caughtUpTo, upTo);
      const height = Math.min(upTo, ...reads.map(completeTo));
      if (height > caughtUpTo) {
        const byId = new Map<string, IndexedTransaction>();
        for (const read of reads) {
          const taken = read.items.filter((tx) => tx.inclusionHeight <= height);
          read.items = read.items.slice(taken.length);
          read.position += taken.length;
          for (const tx of taken) byId.set(tx.id, tx);
        }
        const ordered = [...byId.values()].sort((a, b) => a.inclusionHeight - b.inclusionHeight || a.index - b.index);
        const cursor: IndexCursor = { height, positions: Object.fromEntries(reads.map((r) => [r.listing, r.position])) };
        const checks = chainChecks();
        await requireIndexed(checks, ordered, network);
        const from = caughtUpTo + 1;
        db.transaction(() => {
          const writer = new ChainWriter(db, following, network);
          for (const tx of ordered) writer.apply(tx, { height: tx.inclusionHeight, timestamp: tx.timestamp }, tx.index);
          writer.finish();
          recordCatchUp(db, tracked.letsId, height, cursor);
          const passed = index?.proofFor ? CHECKS_OF_PROVEN_INDEX : CHECKS_OF_UNPROVEN_INDEX;
          recordRead(db, { letsId: tracked.letsId, fromHeight: from, toHeight: height, source: index?.label ?? '', checks: passed });
        })();
        caughtUpTo = height;
        options.onApplied?.(tracked.letsId, height);
      }
      const done = reads.reduce((sum, r) => sum + r.position, 0);
      const total = reads.reduce((sum, r) => sum + (totals.get(`${tracked.letsId}:${r.listing}`) ?? 0), 0);
      progress(lets, 'index', done, Math.max(done, total));
      if (now() >= deadline && caughtUpTo < upTo) return false;
    }
    return true;
  }

  /**
   * Reads this LETS out of the blocks above what it has, up to `upTo`. 'waiting' when the chain no longer agrees with
   * the headers the mirror keeps: a reorganisation, which the block-by-block sync undoes before this goes on.
   */
  async function throughBlocks(db: Db, source: ChainSource, network: Network, lets: PendingLets, upTo: number, deadline: number): Promise<'done' | 'budget' | 'waiting'> {
    const { tracked } = lets;
    const following = { tracked: [tracked], letsTokenIds: new Map([[tracked.letsId, lets.letsTokenId]]) };
    let caughtUpTo = lets.caughtUpTo;
    let previous: ChainHeader | undefined;
    const checks = chainChecks();
    const batches = new CheckedBatches(source, checks, network, { upTo, batchSize });
    while (caughtUpTo < upTo) {
      const { blocks: fetched, unchecked } = await batches.read(caughtUpTo + 1, previous?.id);
      const blocks = linkedPrefix(fetched, previous?.id);
      const agreed = blocks.filter((b) => (storedHeaderIdAt(db, b.header.height) ?? b.header.id) === b.header.id);
      if (agreed.length < blocks.length || blocks.length === 0) return 'waiting';
      if (previous) requireFollows((blocks[0] as (typeof blocks)[number]).header, previous, network);
      const last = blocks.at(-1)?.header.height ?? caughtUpTo;
      const from = caughtUpTo + 1;
      db.transaction(() => {
        const writer = new ChainWriter(db, following, network, unchecked);
        for (const { header, transactions } of blocks) for (const [position, tx] of transactions.entries()) writer.apply(tx, header, position);
        writer.finish();
        recordCatchUp(db, tracked.letsId, last, null);
        recordRead(db, { letsId: tracked.letsId, fromHeight: from, toHeight: last, source: source.label, checks: CHECKS_OF_BLOCK_SCAN });
      })();
      previous = blocks.at(-1)?.header;
      caughtUpTo = last;
      options.onApplied?.(tracked.letsId, last);
      progress(lets, 'blocks', caughtUpTo - (tracked.startHeight - 1), upTo - (tracked.startHeight - 1));
      if (now() >= deadline && caughtUpTo < upTo) return 'budget';
    }
    return 'done';
  }

  /**
   * Brings one LETS as far as the budget allows: 'done' when it joined the block-by-block sync, 'budget' when there is
   * more to read at once, 'waiting' when it waits for the sync to undo a reorganisation first (the next round).
   */
  async function catchUpOne(db: Db, source: ChainSource, chainTip: ChainTip, lets: PendingLets, deadline: number): Promise<'done' | 'budget' | 'waiting'> {
    const tip = storedTip(db);
    // A mirror that holds nothing yet starts the block-by-block sync where no reorganisation reaches.
    const target = tip?.height ?? chainTip.height - KEPT_HEADERS;
    if (lets.caughtUpTo < target) {
      const indexed = index ? await index.indexedHeight() : null;
      const indexTo = indexed === null ? Number.NEGATIVE_INFINITY : Math.min(indexed, chainTip.height - KEPT_HEADERS, target);
      if (lets.caughtUpTo < indexTo) {
        if (!(await throughIndex(db, chainTip.network, lets, indexTo, deadline))) return 'budget';
        lets = { ...lets, caughtUpTo: indexTo, cursor: null };
      }
      const read = await throughBlocks(db, source, chainTip.network, lets, target, deadline);
      if (read !== 'done') return read;
    }
    // The header at the target anchors the block-by-block sync of an empty mirror (it then reads the blocks above).
    const [anchor] = tip || target < lets.tracked.startHeight ? [] : await fetchHeaders(source, [target]);
    db.transaction(() => {
      if (anchor && storedTip(db) === null) insertBlock(db, anchor);
      finishCatchUp(db, lets.tracked.letsId);
    })();
    paces.delete(lets.tracked.letsId);
    return 'done';
  }

  return {
    async step(db, source, chainTip, budgetMs = Number.POSITIVE_INFINITY) {
      const deadline = now() + budgetMs;
      for (const lets of pendingLets(db, chainTip.network)) {
        if (lets.paused) continue;
        const outcome = await catchUpOne(db, source, chainTip, lets, deadline);
        // Waiting for the sync to undo a reorganisation is no reason to come back at once.
        if (outcome !== 'done') return outcome === 'budget';
      }
      return false;
    },
    reports(db, network) {
      return pendingLets(db, network).map((lets) => {
        const pace = paces.get(lets.tracked.letsId);
        const elapsed = pace ? (now() - pace.startedAt) / 1000 : 0;
        const gained = pace ? pace.done - pace.doneAtStart : 0;
        const secondsLeft = pace && gained > 0 && elapsed >= 1 && !lets.paused ? Math.ceil((elapsed / gained) * (pace.total - pace.done)) : null;
        return {
          letsId: lets.tracked.letsId,
          name: lets.name,
          phase: pace?.phase ?? (index ? 'index' : 'blocks'),
          done: pace?.done ?? null,
          total: pace?.total ?? null,
          secondsLeft,
          paused: lets.paused,
        };
      });
    },
  };
}

/** One sentence for the status bar: "Reading the history of Riverside LETS: 4 200 of 10 000 transactions, about 2 min left." */
export function describeCatchUp(report: CatchUpReport): string {
  const what = report.phase === 'index' ? 'transactions' : 'blocks';
  const count = report.done === null || report.total === null ? '' : `: ${groupDigits(report.done)} of ${groupDigits(report.total)} ${what}`;
  if (report.paused) return `Reading the history of ${report.name} is paused${count}.`;
  const left = report.secondsLeft === null ? '' : `, about ${report.secondsLeft < 90 ? `${report.secondsLeft} s` : `${Math.round(report.secondsLeft / 60)} min`} left`;
  return `Reading the history of ${report.name}${count}${left}.`;
}

function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function indexInconsistent(index: ChainIndex, problem: string): AppError {
  return new AppError(
    'chain-response-invalid',
    `The index of ${index.label} answered inconsistently: ${problem}.`,
    'Try again later, or use another node. Nothing wrong was stored: the catch-up carries on from where it was.',
  );
}
