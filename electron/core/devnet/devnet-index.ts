import type { ChainBox, ChainHeader, ChainInput, ChainTransaction, HexId } from '../chain/chain-source';

/*
 * The devnet's counterpart of a node's extra index (ergo ExtraIndexer, node setting `extraIndex = true`): where every
 * transaction and box sits on chain, which transaction spent a box, every box that ever held a token, and every
 * transaction that spent or created a box under a script. DevnetChain keeps it up to date block by block, so adding or
 * removing a block costs the size of that block and a query costs the size of its answer, never the chain's length:
 * a benchmark chain holds a million transactions.
 *
 * Like the node's index it numbers transactions and boxes in chain order (their global index) and keeps listings
 * oldest first internally, answering them newest first. Every query takes the height up to which the index is built
 * (`upTo`): a node whose indexer lags behind its chain knows nothing above that height.
 */

/** A transaction and where it sits: its block, its position in the block and in the whole chain. */
export interface IndexedTransactionView {
  transaction: ChainTransaction;
  header: ChainHeader;
  /** Position in its block (0 = first). */
  index: number;
  /** Position among all transactions of the chain (0 = the first transaction of block 1). */
  globalIndex: number;
}

/** A box, where it was created, and how it was spent as far as the index is built. */
export interface IndexedBoxView {
  box: ChainBox;
  /** Position among all boxes of the chain (0 = the devnet's emission box, which exists before block 1). */
  globalIndex: number;
  inclusionHeight: number;
  /** The spending transaction and the input that spent the box, or null while it is unspent (at `upTo`). */
  spent: { transaction: IndexedTransactionView; input: ChainInput } | null;
}

export interface IndexedListing<T> {
  items: T[];
  total: number;
}

/** Transactions and boxes are numbered from here; -1 stands for "none" in the number arrays below. */
const NONE = -1;

export class DevnetIndex {
  private readonly transactions: IndexedTransactionView[] = [];
  private readonly transactionById = new Map<HexId, number>();
  /*
   * Boxes by global index, in parallel arrays of plain numbers rather than an object per box: with millions of boxes
   * that is a fraction of the memory and of the garbage collector's work.
   */
  private readonly boxes: ChainBox[] = [];
  /** Global index of the creating transaction, NONE for boxes that exist before block 1. */
  private readonly boxCreator: number[] = [];
  /** Global index of the spending transaction, NONE while unspent. */
  private readonly boxSpender: number[] = [];
  private readonly boxById = new Map<HexId, number>();
  /** Global box indexes, ascending, of every box that ever held the token. */
  private readonly tokenBoxes = new Map<HexId, number[]>();
  /** Global transaction indexes, ascending, of every transaction with an input or an output under the tree. */
  private readonly treeTransactions = new Map<string, number[]>();

  /** `genesisBoxes` exist before block 1 (the devnet's emission box), at inclusion height 0, like a node's genesis state. */
  constructor(genesisBoxes: readonly ChainBox[] = []) {
    for (const box of genesisBoxes) this.addBox(box, NONE);
  }

  /** Indexes the block that was just put on top of the chain. */
  addBlock(header: ChainHeader, transactions: readonly ChainTransaction[]): void {
    transactions.forEach((transaction, index) => {
      const globalIndex = this.transactions.length;
      this.transactions.push({ transaction, header, index, globalIndex });
      this.transactionById.set(transaction.id, globalIndex);
      for (const input of transaction.inputs) {
        const box = this.boxById.get(input.boxId);
        // DevnetChain only appends blocks whose inputs are unspent boxes, so every input is known here.
        if (box === undefined) throw new Error(`the devnet index does not know box ${input.boxId}`);
        this.boxSpender[box] = globalIndex;
        this.linkTree((this.boxes[box] as ChainBox).ergoTree, globalIndex);
      }
      for (const output of transaction.outputs) {
        this.addBox(output, globalIndex);
        this.linkTree(output.ergoTree, globalIndex);
      }
    });
  }

  /** Forgets the block on top of the chain (a rollback), newest transaction first, so the lists shrink from their end. */
  removeBlock(transactions: readonly ChainTransaction[]): void {
    for (let t = transactions.length - 1; t >= 0; t--) {
      const transaction = transactions[t] as ChainTransaction;
      const globalIndex = this.transactionById.get(transaction.id);
      if (globalIndex === undefined || globalIndex !== this.transactions.length - 1) throw new Error(`transaction ${transaction.id} is not the devnet index's newest`);
      for (let o = transaction.outputs.length - 1; o >= 0; o--) {
        const output = transaction.outputs[o] as ChainBox;
        this.unlinkTree(output.ergoTree, globalIndex);
        this.removeNewestBox(output);
      }
      for (const input of transaction.inputs) {
        const box = this.boxById.get(input.boxId) as number;
        this.boxSpender[box] = NONE;
        this.unlinkTree((this.boxes[box] as ChainBox).ergoTree, globalIndex);
      }
      this.transactions.pop();
      this.transactionById.delete(transaction.id);
    }
  }

  /** A transaction in a block at or below `upTo`. */
  transaction(transactionId: HexId, upTo: number): IndexedTransactionView | undefined {
    const globalIndex = this.transactionById.get(transactionId);
    const view = globalIndex === undefined ? undefined : this.transactions[globalIndex];
    return view && view.header.height <= upTo ? view : undefined;
  }

  /** A box created at or below `upTo`, spent or not. */
  box(boxId: HexId, upTo: number): IndexedBoxView | undefined {
    const globalIndex = this.boxById.get(boxId);
    return globalIndex === undefined ? undefined : this.boxView(globalIndex, upTo);
  }

  /** Every box that ever held the token (created at or below `upTo`), newest first, skipping `offset` of the newest. */
  boxesByToken(tokenId: HexId, upTo: number, offset: number, limit: number): IndexedListing<IndexedBoxView> {
    const list = this.tokenBoxes.get(tokenId) ?? [];
    const total = this.countUpTo(list, upTo, (box) => this.creationHeight(box));
    return { items: newestFirst(list, total, offset, limit).map((box) => this.boxView(box, upTo) as IndexedBoxView), total };
  }

  /** Every transaction (at or below `upTo`) that spends or creates a box under the tree, newest first. */
  transactionsByTree(ergoTree: string, upTo: number, offset: number, limit: number): IndexedListing<IndexedTransactionView> {
    const list = this.treeTransactions.get(ergoTree) ?? [];
    const total = this.countUpTo(list, upTo, (transaction) => (this.transactions[transaction] as IndexedTransactionView).header.height);
    return { items: newestFirst(list, total, offset, limit).map((transaction) => this.transactions[transaction] as IndexedTransactionView), total };
  }

  /** The boxes spent by blocks above `upTo` and created at or below it: unspent as far as an index built to `upTo` knows. */
  spentAbove(upTo: number): ChainBox[] {
    const boxes: ChainBox[] = [];
    for (let t = this.transactions.length - 1; t >= 0; t--) {
      const view = this.transactions[t] as IndexedTransactionView;
      if (view.header.height <= upTo) break;
      for (const input of view.transaction.inputs) {
        const box = this.boxById.get(input.boxId) as number;
        if (this.creationHeight(box) <= upTo) boxes.push(this.boxes[box] as ChainBox);
      }
    }
    return boxes;
  }

  private boxView(globalIndex: number, upTo: number): IndexedBoxView | undefined {
    const inclusionHeight = this.creationHeight(globalIndex);
    if (inclusionHeight > upTo) return undefined;
    const box = this.boxes[globalIndex] as ChainBox;
    const spender = this.boxSpender[globalIndex] as number;
    const transaction = spender === NONE ? undefined : (this.transactions[spender] as IndexedTransactionView);
    const input = transaction && transaction.header.height <= upTo ? transaction.transaction.inputs.find((i) => i.boxId === box.boxId) : undefined;
    return { box, globalIndex, inclusionHeight, spent: transaction && input ? { transaction, input } : null };
  }

  private creationHeight(box: number): number {
    const creator = this.boxCreator[box] as number;
    return creator === NONE ? 0 : (this.transactions[creator] as IndexedTransactionView).header.height;
  }

  private addBox(box: ChainBox, creator: number): void {
    const globalIndex = this.boxes.length;
    this.boxes.push(box);
    this.boxCreator.push(creator);
    this.boxSpender.push(NONE);
    this.boxById.set(box.boxId, globalIndex);
    // A list ending with this box already has it: a box that names a token twice is listed once.
    for (const { tokenId } of box.assets) appendOnce(this.tokenBoxes, tokenId, globalIndex);
  }

  private removeNewestBox(box: ChainBox): void {
    const globalIndex = this.boxes.length - 1;
    if (this.boxById.get(box.boxId) !== globalIndex) throw new Error(`box ${box.boxId} is not the devnet index's newest`);
    for (const { tokenId } of box.assets) removeLast(this.tokenBoxes, tokenId, globalIndex);
    this.boxes.pop();
    this.boxCreator.pop();
    this.boxSpender.pop();
    this.boxById.delete(box.boxId);
  }

  /** Once per transaction per tree: the transaction being indexed is the newest, so a repeat ends the list already. */
  private linkTree(ergoTree: string, transaction: number): void {
    appendOnce(this.treeTransactions, ergoTree, transaction);
  }

  private unlinkTree(ergoTree: string, transaction: number): void {
    removeLast(this.treeTransactions, ergoTree, transaction);
  }

  /** How many entries of an ascending list lie at or below `upTo` (binary search on the entries' heights, which ascend too). */
  private countUpTo(list: readonly number[], upTo: number, heightOf: (entry: number) => number): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (heightOf(list[middle] as number) <= upTo) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function appendOnce(lists: Map<string, number[]>, key: string, entry: number): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [entry]);
  else if (list.at(-1) !== entry) list.push(entry);
}

function removeLast(lists: Map<string, number[]>, key: string, entry: number): void {
  const list = lists.get(key);
  if (list?.at(-1) !== entry) return;
  list.pop();
  if (list.length === 0) lists.delete(key);
}

/** Entries `count - 1 - offset` down to `count - offset - limit` of an oldest-first list: a page, newest first. */
function newestFirst(list: readonly number[], count: number, offset: number, limit: number): number[] {
  const page: number[] = [];
  for (let i = count - 1 - offset; i >= 0 && page.length < limit; i--) page.push(list[i] as number);
  return page;
}
