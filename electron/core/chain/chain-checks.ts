import { HeaderCheck } from './autolykos';
import { blake2b256, type Blake2b256 } from './blake2b';
import type { Inclusion, IndexedTransaction } from './chain-index';
import type { ChainHeader, ChainSource, ChainTransaction } from './chain-source';
import { ContentIds } from './content-ids';
import { checkDifficulty, checkParentLink, type Network } from './difficulty';
import { refusedHeader } from './refused-answer';
import { TransactionsRoots } from './transactions-root';
import { startChecksThread, type ChecksThread } from './checks-thread';
import { packBlocks, packHeaders, passed, type PackedBlocks } from './packed-blocks';

/** A block as the sync reads it: the header and every transaction in it, in order. */
export interface BlockToCheck {
  header: ChainHeader;
  transactions: readonly ChainTransaction[];
}

/**
 * How much of each transaction a source sends: a node all of it; the Explorer's blocks leave out the inputs' context
 * extensions (its v0 InputInfo), which a transaction's id covers, so the ids of those that have any cannot be checked.
 */
export type ContentSent = 'whole' | 'without-extensions';

export const contentSentBy = (source: Pick<ChainSource, 'blocksWithoutExtensions'>): ContentSent => (source.blocksWithoutExtensions ? 'without-extensions' : 'whole');

/**
 * The ids of a block scan's transactions whose content did not give their id, from a source that does not send them
 * whole: the sync may pass them by, but refuses to store one (ChainWriter), so only what it checked reaches the mirror.
 */
export type UncheckedContent = readonly string[];

/** A transaction an index listed, and what ties it to the chain (absent where the source serves no proofs). */
export interface IndexedToCheck {
  tx: IndexedTransaction;
  inclusion: Inclusion | null;
}

/** What the mirror records a stretch passed (mirror_reads.checks), by the way it was read. */
export const CHECKS_OF_BLOCK_SCAN = 'ids from content, transactions root, proof of work, difficulty';
export const CHECKS_OF_PROVEN_INDEX = 'ids from content, Merkle proofs, proof of work, difficulty floor';
export const CHECKS_OF_UNPROVEN_INDEX = 'ids from content (the source serves no proofs)';

/** What the checks need of the block a header follows (the mirror keeps these of the blocks it holds). */
export type ParentLink = Pick<ChainHeader, 'id' | 'height' | 'timestamp'> & { nBits: number | null };

/**
 * A header against the block below it: the link, a later time, and inside an epoch the same difficulty. No hashing,
 * so the sync makes it on its own thread against the block the mirror holds.
 */
export function requireFollows(header: ChainHeader, parent: ParentLink, network: Network): void {
  checkParentLink(header, parent);
  checkDifficulty(header, parent.nBits === null ? null : { nBits: parent.nBits }, network);
}

/**
 * Everything the mirror checks of what a chain source sends before any of it is stored, as a light client does
 * (issue 18): every header's id from its bytes, its proof of work, its difficulty (the network's floor, and its
 * parent's inside an epoch) and its link to its parent; every transaction's and box's id from its content; and that
 * the transactions are those the header commits to (the transactions root in a block scan, the node's Merkle proof
 * for a transaction an index lists).
 */
export class ChainChecks {
  readonly #ids: ContentIds;
  readonly #roots: TransactionsRoots;
  readonly #headers: HeaderCheck;

  /** `thread` does the hashing where given (checks-thread.ts); these checks then name what it found. */
  constructor(
    hasher: Blake2b256,
    private readonly thread?: ChecksThread,
  ) {
    this.#ids = new ContentIds(hasher);
    this.#roots = new TransactionsRoots(hasher);
    this.#headers = new HeaderCheck(hasher);
  }

  /**
   * Blocks in chain order. A block that does not follow the one before it is still checked on its own (a reorg
   * during a fetch gives such a batch, and the sync keeps only the linked part of it); one that does follow must keep
   * the difficulty inside an epoch and come later in time.
   */
  async requireBlocks(blocks: readonly BlockToCheck[], network: Network, content: ContentSent): Promise<UncheckedContent> {
    const packed = this.thread && packedOrNull(() => packBlocks(blocks));
    if (!this.thread || !packed) return this.#requireBlocksHere(blocks, network, content);
    blocks.forEach(({ header }, i) => {
      const previous = blocks[i - 1]?.header;
      if (previous && header.parentId === previous.id) requireFollows(header, previous, network);
    });
    const verdict = await this.thread.check(packed, network);
    const unchecked = verdict.transactions.map(([block, position]) => (blocks[block] as BlockToCheck).transactions[position]?.id as string);
    // The boxes of a transaction whose id could not be checked do not count: it is never stored (ChainWriter).
    const boxes = verdict.boxes.filter(([block, position]) => !unchecked.includes((blocks[block] as BlockToCheck).transactions[position]?.id as string));
    if (verdict.headers.length + verdict.roots.length + boxes.length > 0 || (unchecked.length > 0 && content === 'whole')) {
      this.#requireBlocksHere(blocks, network, content);
      throw threadDisagrees();
    }
    return unchecked;
  }

  #requireBlocksHere(blocks: readonly BlockToCheck[], network: Network, content: ContentSent): UncheckedContent {
    const unchecked: string[] = [];
    let previous: ChainHeader | undefined;
    for (const { header, transactions } of blocks) {
      this.#headers.checkOnItsOwn(header, network);
      if (previous && header.parentId === previous.id) requireFollows(header, previous, network);
      for (const tx of transactions) {
        const problem = this.#ids.transactionProblem(tx);
        if (problem && content === 'whole') throw problem;
        if (problem) unchecked.push(tx.id);
        else this.#requireBoxIds(tx);
      }
      this.#roots.requireTransactionsRoot(header, transactions);
      previous = header;
    }
    return unchecked;
  }

  /**
   * Transactions an index listed: with their inclusion where the source proves it (the header of the block the index
   * places it in, and the node's proof that it is there), by their content alone where not. Each block's header is
   * checked once however many of the LETS's transactions it holds.
   */
  async requireIndexed(items: readonly IndexedToCheck[], network: Network): Promise<void> {
    const headers = new Map<string, ChainHeader>();
    for (const { tx, inclusion } of items) {
      this.#requireTransactionId(tx);
      this.#requireBoxIds(tx);
      if (!inclusion) continue;
      const { header, proof } = inclusion;
      if (header.id !== tx.blockId || header.height !== tx.inclusionHeight || header.timestamp !== tx.timestamp) {
        throw refusedHeader(header, `for transaction ${tx.id.slice(0, 12)}… that is not the block the index placed it in`);
      }
      this.#roots.requireInBlock(header, tx.id, proof);
      headers.set(header.id, header);
    }
    if (!this.thread) {
      for (const header of headers.values()) this.#headers.checkOnItsOwn(header, network);
      return;
    }
    const checked = [...headers.values()];
    const verdict = await this.thread.check(packHeaders(checked), network);
    for (const at of verdict.headers) this.#headers.checkOnItsOwn(checked[at] as ChainHeader, network);
    if (!passed(verdict)) throw threadDisagrees();
  }

  /** Every output's id against its content, for a transaction whose own id these checks passed. */
  #requireBoxIds(tx: ChainTransaction): void {
    for (let index = 0; index < tx.outputs.length; index++) {
      const problem = this.#ids.boxProblem(tx, index);
      if (problem) throw problem;
    }
  }

  #requireTransactionId(tx: ChainTransaction): void {
    const problem = this.#ids.transactionProblem(tx);
    if (problem) throw problem;
  }
}

let shared: ChainChecks | undefined;

let sharedThread: { workerFile: string; thread: ChecksThread } | undefined;

/**
 * The checks of this process, made once: on this thread alone, or with the hashing on a checks thread once
 * checkOnThread has started one.
 */
export function chainChecks(): ChainChecks {
  shared ??= new ChainChecks(blake2b256(), sharedThread?.thread);
  return shared;
}

/**
 * Hands the hashing of every later check to a checks thread running `workerFile` (the built checks-worker.js). One
 * thread serves the process: asking again for the same file changes nothing.
 */
export function checkOnThread(workerFile: string): void {
  if (sharedThread?.workerFile === workerFile) return;
  sharedThread = { workerFile, thread: startChecksThread(workerFile) };
  shared = undefined;
}

/** Where the thread answers differently from these checks on the same blocks: a bug, not the source's fault. */
const threadDisagrees = () => new Error('The chain checks thread refused what the same checks on the sync’s thread passed.');

/** Packed blocks, or null if something in them is not hexadecimal (the checks on this thread then say what). */
function packedOrNull(pack: () => PackedBlocks): PackedBlocks | null {
  try {
    return pack();
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
