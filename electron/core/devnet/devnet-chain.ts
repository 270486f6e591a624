import type { ChainBox, ChainHeader, ChainSource, ChainTip, ChainTransaction, HexId, SignedTransactionJson } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import { TRUE_TREE } from '../interpreter/sigma-interpreter';
import { boxIdOf } from '../transactions/transaction-bytes';
import { DevnetIndex } from './devnet-index';
import { devnetHeader, devnetProofFor } from './devnet-miner';
import type { MerkleProofJson } from '../chain/merkle';
import { validateTransaction, type UtxoView } from './transaction-rules';

export interface DevnetBlock {
  header: ChainHeader;
  transactions: ChainTransaction[];
  /** The boxes this block spent, kept so a rollback can restore them exactly. */
  spent: ChainBox[];
}

/** Everything needed to rebuild a chain exactly; `nonce` is missing in files written by older versions. */
export interface DevnetSnapshot {
  blocks: DevnetBlock[];
  mempool: ChainTransaction[];
  nonce?: number;
}

export interface FaucetOutput {
  ergoTree: string;
  value: bigint;
}

/**
 * The devnet's coins, like Ergo's genesis state: one box that exists before block 1 under the script `true`, so
 * the faucet pays out with ordinary transactions that the interpreter validates like any other.
 */
const EMISSION_TREE = TRUE_TREE;
const EMISSION_VALUE = 100_000_000n * 1_000_000_000n;

function emissionBox(): ChainBox {
  const box = { transactionId: '00'.repeat(32), index: 0, value: EMISSION_VALUE, ergoTree: EMISSION_TREE, creationHeight: 0, assets: [], additionalRegisters: {} };
  return { ...box, boxId: boxIdOf(box) };
}

export interface DevnetOptions {
  /** Milliseconds since the epoch for the next block; tests pass a fixed clock. */
  now?: () => number;
  /** Called after every change of the chain (mine, rollback), e.g. to persist it. */
  onChange?: (chain: DevnetChain) => void;
}

const GENESIS_PARENT = '00'.repeat(32);
/** Each block's nonces start at its own multiple of 2^16, far beyond the few a block at difficulty 1 tries. */
const firstNonce = (blocksMined: number) => BigInt(blocksMined) << 16n;

/**
 * Files written before the demo chain mined its headers hold headers with only their links and time: every header is
 * mined again, in order, with the same heights, times and transactions (so new ids, which a mirror takes as a reorg).
 */
function withMinedHeaders(blocks: readonly DevnetBlock[]): DevnetBlock[] {
  if (blocks.every((block) => 'powSolutions' in block.header)) return [...blocks];
  let parentId = GENESIS_PARENT;
  return blocks.map((block, mined) => {
    const header = devnetHeader({ parentId, height: block.header.height, timestamp: block.header.timestamp }, block.transactions, firstNonce(mined));
    parentId = header.id;
    return { ...block, header };
  });
}

/** A mempool transaction as it was submitted (proofs in spendingProof, outputs without ids), to validate it again. */
function asSubmitted(tx: ChainTransaction): SignedTransactionJson {
  return {
    inputs: tx.inputs.map((i) => ({ boxId: i.boxId, spendingProof: { proofBytes: i.proofBytes, extension: i.extension } })),
    dataInputs: tx.dataInputs.map((d) => ({ boxId: d.boxId })),
    outputs: tx.outputs.map((o) => ({ value: o.value, ergoTree: o.ergoTree, creationHeight: o.creationHeight, assets: o.assets, additionalRegisters: o.additionalRegisters })),
  };
}

/**
 * An in-process Ergo chain for the demo and the tests: a UTXO set, a mempool and blocks mined on demand. Every
 * submitted transaction is checked by the real interpreter (see transaction-rules). It can be rolled back to any
 * height, so tests can stage reorganisations of any depth.
 */
export class DevnetChain implements ChainSource {
  readonly label = 'the demo chain';
  private readonly blocks: DevnetBlock[] = [];
  private readonly blocksById = new Map<HexId, DevnetBlock>();
  private readonly utxo = new Map<HexId, ChainBox>();
  private pending: ChainTransaction[] = [];
  /**
   * Pending transaction id → the height of the block submit() validated it for. A transaction without an entry
   * (orphaned by a rollback, or read from a snapshot) or with another height is validated again before it is mined.
   */
  private readonly validatedFor = new Map<HexId, number>();
  /** Blocks mined so far, rollbacks included: the start of each block's nonces (devnet-miner.ts). */
  private nonce = 0;
  private readonly now: () => number;
  private readonly onChange: (chain: DevnetChain) => void;
  /** What a node's extra index would know of this chain; kept up to date block by block (push, rollbackTo). */
  readonly index: DevnetIndex;

  constructor(options: DevnetOptions = {}) {
    const emission = emissionBox();
    this.utxo.set(emission.boxId, emission);
    this.index = new DevnetIndex([emission]);
    this.now = options.now ?? Date.now;
    this.onChange = options.onChange ?? (() => undefined);
  }

  get height(): number {
    return this.blocks.length;
  }

  private get tipHeader(): ChainHeader | undefined {
    return this.blocks.at(-1)?.header;
  }

  private blockAt(height: number): DevnetBlock | undefined {
    return this.blocks[height - 1];
  }

  private findBlock(headerId: HexId): DevnetBlock {
    const block = this.blocksById.get(headerId);
    if (!block) throw new AppError('not-found', `Block ${headerId.slice(0, 12)}… is not on the devnet chain.`, 'Sync again from the current tip.');
    return block;
  }

  /** Confirmed boxes, plus mempool outputs, minus mempool spends: what a new transaction may spend. */
  private mempoolView(): UtxoView {
    const spentInMempool = new Set(this.pending.flatMap((t) => t.inputs.map((i) => i.boxId)));
    const createdInMempool = new Map(this.pending.flatMap((t) => t.outputs.map((o) => [o.boxId, o] as const)));
    return {
      unspent: (boxId) => (spentInMempool.has(boxId) ? undefined : (this.utxo.get(boxId) ?? createdInMempool.get(boxId))),
    };
  }

  async tip(): Promise<ChainTip> {
    return { height: this.height, headerId: this.tipHeader?.id ?? null, network: 'devnet' };
  }

  async headerIdsAt(height: number): Promise<HexId[]> {
    const block = this.blockAt(height);
    return block ? [block.header.id] : [];
  }

  async header(headerId: HexId): Promise<ChainHeader> {
    return this.findBlock(headerId).header;
  }

  async headerRange(from: number, to: number): Promise<ChainHeader[]> {
    const headers: ChainHeader[] = [];
    for (let height = Math.max(from, 1); height <= Math.min(to, this.height); height++) headers.push((this.blockAt(height) as DevnetBlock).header);
    return headers;
  }

  async blockTransactions(headerId: HexId): Promise<ChainTransaction[]> {
    return this.findBlock(headerId).transactions;
  }

  /** The Merkle proof that a transaction is in a block (a node's GET /blocks/{headerId}/proofFor/{txId}); null if not. */
  proofFor(headerId: HexId, transactionId: HexId): MerkleProofJson | null {
    const block = this.findBlock(headerId);
    return devnetProofFor(block.header, block.transactions, transactionId);
  }

  async unspentBox(boxId: HexId): Promise<ChainBox | null> {
    return this.utxo.get(boxId) ?? null;
  }

  /** Devnet convenience for its own wallets (a node needs extraIndex for this). */
  async unspentByErgoTree(ergoTree: string): Promise<ChainBox[]> {
    return [...this.utxo.values()].filter((box) => box.ergoTree === ergoTree);
  }

  async mempool(): Promise<ChainTransaction[]> {
    return [...this.pending];
  }

  async mempoolIdsAmong(ids: readonly HexId[]): Promise<Set<HexId>> {
    const asked = new Set(ids);
    return new Set(this.pending.map((tx) => tx.id).filter((id) => asked.has(id)));
  }

  async check(tx: SignedTransactionJson): Promise<HexId> {
    return validateTransaction(tx, this.mempoolView(), { height: this.height + 1 }).id;
  }

  async submit(tx: SignedTransactionJson): Promise<HexId> {
    const accepted = validateTransaction(tx, this.mempoolView(), { height: this.height + 1 });
    if (!this.pending.some((t) => t.id === accepted.id)) this.pending.push(accepted);
    this.validatedFor.set(accepted.id, this.height + 1);
    return accepted.id;
  }

  /** Forgets a mempool transaction, as a node does when it restarts or its pool overflows. */
  evict(transactionId: HexId): void {
    this.pending = this.pending.filter((t) => t.id !== transactionId);
    this.validatedFor.delete(transactionId);
  }

  /** Pays devnet coins from the emission box: a real transaction, in the mempool until the next block. */
  async faucet(outputs: FaucetOutput[]): Promise<HexId> {
    const view = this.mempoolView();
    const emission = [...this.utxo.values(), ...this.pending.flatMap((t) => t.outputs)].find((b) => b.ergoTree === EMISSION_TREE && view.unspent(b.boxId));
    if (!emission) throw new Error('the devnet emission box is gone');
    const paid = outputs.reduce((sum, o) => sum + o.value, 0n);
    const payout = (o: FaucetOutput) => ({ value: o.value, ergoTree: o.ergoTree, creationHeight: this.height, assets: [], additionalRegisters: {} });
    return this.submit({
      inputs: [{ boxId: emission.boxId, spendingProof: { proofBytes: '', extension: {} } }],
      dataInputs: [],
      outputs: [...outputs.map(payout), payout({ ergoTree: EMISSION_TREE, value: emission.value - paid })],
    });
  }

  /**
   * Mines one block with every mempool transaction that is still valid at this height, in order. A transaction a
   * rollback made invalid (its input spent differently, a script or time lock that fails at the new height) is
   * dropped, as a node would.
   */
  mine(): DevnetBlock {
    const block = this.appendBlock(this.stillValid(this.height + 1), 'skip-invalid');
    this.pending = [];
    this.validatedFor.clear();
    this.onChange(this);
    return block;
  }

  /**
   * The pending transactions a node would put in a block at `height`: each one, in order, validated against the UTXO
   * set plus the outputs of those taken before it, at that height; the others are dropped. This is what a node's
   * miner does (ergoplatform/ergo, CandidateGenerator.collectTxs: validateWithCost against `upcomingContext`, invalid
   * ids removed from the pool by EliminateTransactions), so a rollback cannot sneak in a transaction that is only
   * valid on the abandoned branch or at another height.
   *
   * Running the interpreter again is skipped for a transaction submit() validated for this very height, and that is
   * exact: validateTransaction depends only on the transaction, its input and data-input boxes, and the height
   * (blockContext gets no parent id, timestamp or past headers). A box id is the hash of the box's bytes, so a box
   * still found under the same id has the same content; only its existence can change, and that is checked here. If
   * blockContext is ever given more of the block, the skip must compare that too.
   */
  private stillValid(height: number): ChainTransaction[] {
    const spent = new Set<HexId>();
    const created = new Map<HexId, ChainBox>();
    const view: UtxoView = { unspent: (boxId) => (spent.has(boxId) ? undefined : (this.utxo.get(boxId) ?? created.get(boxId))) };
    const valid: ChainTransaction[] = [];
    for (const tx of this.pending) {
      if (this.validatedFor.get(tx.id) === height) {
        if (!tx.inputs.every((i) => view.unspent(i.boxId)) || !tx.dataInputs.every((d) => view.unspent(d.boxId))) continue;
      } else {
        try {
          validateTransaction(asSubmitted(tx), view, { height });
        } catch (error) {
          if (error instanceof AppError) continue;
          throw error;
        }
      }
      for (const input of tx.inputs) spent.add(input.boxId);
      for (const box of tx.outputs) created.set(box.boxId, box);
      valid.push(tx);
    }
    return valid;
  }

  /**
   * FOR BENCHMARKS AND TEST FIXTURES ONLY: appends a block of transactions that were built correctly elsewhere,
   * without running the interpreter, so a history of 100 000 trades can be staged in seconds instead of hours.
   * Inputs must still be unspent (in order, so a block may spend what an earlier transaction of it created), or it
   * throws and the chain is unchanged. The app never calls this; everything it submits goes through submit().
   */
  appendPrevalidatedBlock(transactions: readonly ChainTransaction[]): DevnetBlock {
    const block = this.appendBlock(transactions, 'throw');
    this.onChange(this);
    return block;
  }

  private appendBlock(candidates: readonly ChainTransaction[], onMissingInput: 'skip-invalid' | 'throw'): DevnetBlock {
    const height = this.height + 1;
    const parentId = this.tipHeader?.id ?? GENESIS_PARENT;
    const timestamp = Math.max(this.now(), (this.tipHeader?.timestamp ?? 0) + 1);
    const included: ChainTransaction[] = [];
    const spent: ChainBox[] = [];
    for (const tx of candidates) {
      if (!tx.inputs.every((i) => this.utxo.has(i.boxId)) || !tx.dataInputs.every((d) => this.utxo.has(d.boxId))) {
        if (onMissingInput === 'skip-invalid') continue;
        this.undo(included, spent);
        throw new Error(`transaction ${tx.id} spends a box that is not unspent at height ${height}`);
      }
      for (const input of tx.inputs) {
        spent.push(this.utxo.get(input.boxId) as ChainBox);
        this.utxo.delete(input.boxId);
      }
      for (const box of tx.outputs) this.utxo.set(box.boxId, box);
      included.push(tx);
    }
    // The nonce counts on across rollbacks, so a height mined again gets another block id even at the same time.
    const header = devnetHeader({ parentId, height, timestamp }, included, firstNonce(this.nonce++));
    const block = { header, transactions: included, spent };
    this.push(block);
    return block;
  }

  private push(block: DevnetBlock): void {
    this.blocks.push(block);
    this.blocksById.set(block.header.id, block);
    this.index.addBlock(block.header, block.transactions);
  }

  /** Takes applied transactions back out of the UTXO set (newest first), restoring the boxes they spent. */
  private undo(transactions: readonly ChainTransaction[], spent: readonly ChainBox[]): void {
    // Restore first, then delete: a box created and spent within the same block must end up gone.
    for (const box of spent) this.utxo.set(box.boxId, box);
    for (const tx of transactions) for (const box of tx.outputs) this.utxo.delete(box.boxId);
  }

  /** Mines `count` blocks in a row. */
  mineMany(count: number): DevnetBlock[] {
    return Array.from({ length: count }, () => this.mine());
  }

  /**
   * Forgets every block above `height`, restoring the boxes they spent. Their transactions go back to the mempool
   * (a real node does the same with an orphaned block) unless `dropTransactions` — then they are simply gone.
   */
  rollbackTo(height: number, options: { dropTransactions?: boolean } = {}): void {
    if (height < 0 || height > this.height) throw new RangeError(`cannot roll back to height ${height} from ${this.height}`);
    const orphaned: ChainTransaction[] = [];
    while (this.blocks.length > height) {
      const block = this.blocks.pop() as DevnetBlock;
      this.blocksById.delete(block.header.id);
      this.index.removeBlock(block.transactions);
      this.undo(block.transactions, block.spent);
      orphaned.unshift(...block.transactions);
    }
    // Orphaned transactions come back without a validation height, and the pending ones were validated for a height
    // above the new tip: mine() validates all of them again for the block it makes.
    this.pending = options.dropTransactions ? [] : [...orphaned, ...this.pending];
    if (options.dropTransactions) this.validatedFor.clear();
    this.onChange(this);
  }

  /** Everything needed to rebuild this chain exactly (see devnet-store). */
  snapshot(): DevnetSnapshot {
    return { blocks: [...this.blocks], mempool: [...this.pending], nonce: this.nonce };
  }

  /** Rebuilds a chain from a snapshot without re-running scripts: every block in it was validated when mined. */
  static restore(snapshot: DevnetSnapshot, options: DevnetOptions = {}): DevnetChain {
    const chain = new DevnetChain(options);
    for (const block of withMinedHeaders(snapshot.blocks)) {
      for (const tx of block.transactions) for (const box of tx.outputs) chain.utxo.set(box.boxId, box);
      for (const box of block.spent) chain.utxo.delete(box.boxId);
      chain.push(block);
    }
    chain.pending = [...snapshot.mempool];
    // Without the counter, re-mining a rolled-back height with the same parent and clock would reproduce the old
    // block id, and a mirror would not notice the reorg. Files written before the counter was stored fall back to
    // the block count, the lowest value it can have had.
    chain.nonce = snapshot.nonce ?? snapshot.blocks.length;
    return chain;
  }
}
