import type { Blake2b256 } from './blake2b';
import { INITIAL_VERSION } from './header-bytes';
import { refusedAnswer, shortId } from './refused-answer';
import type { ChainHeader, ChainInput, HexId } from './chain-source';
import {
  bytesOfHex,
  DIGEST_BYTES,
  hexOfBytes,
  MalformedMerkleProof,
  Merkle,
  merkleProofToJson,
  parseMerkleProof,
  sameBytes,
  type MerkleProofJson,
} from './merkle';

/** What a block's transactions root commits to of a transaction: its id and, from block version 2, its spending proofs. */
export interface CommittedTransaction {
  id: HexId;
  inputs: readonly Pick<ChainInput, 'proofBytes'>[];
}

/** What of a header the check needs: the root, the version that says how it was built, and how to name the block. */
export type CommittingHeader = Pick<ChainHeader, 'id' | 'height' | 'version' | 'transactionsRoot'>;

const block = (header: CommittingHeader) => `block ${header.height} (id ${shortId(header.id)})`;
const notHex = (tx: CommittedTransaction) => refusedAnswer(`a transaction (${shortId(tx.id)}) whose id or a spending proof is not hexadecimal bytes`);

/**
 * A block header commits to its transactions through transactionsRoot, the root of a Merkle tree (see merkle.ts) whose
 * leaves are, as ergo's BlockTransactions builds them (ergo-core/.../modifiers/history/BlockTransactions.scala):
 * - block version 1: the transactions' ids, in block order;
 * - from version 2: the same ids, then the transactions' witness ids in the same order.
 * A witness id (ErgoTransaction.witnessSerializedId) is BLAKE2b-256 of all the inputs' proof bytes one after the other
 * (extensions left out) with its first byte dropped: 31 bytes, so that no witness leaf can pass for a transaction id.
 *
 * The sync recomputes the root of every block it stores: 100 000 transactions in a long history, hashed here in
 * WebAssembly in bytes, with no hex in the loop but the ids' and proofs' own decoding.
 */
export class TransactionsRoots {
  private readonly merkle: Merkle;

  constructor(hasher: Blake2b256) {
    this.merkle = new Merkle(hasher);
  }

  #proofs = Buffer.alloc(4_096);

  /** The witness id: BLAKE2b-256 of the inputs' proof bytes, written one after the other, less its first byte. */
  witnessId(tx: CommittedTransaction): Uint8Array {
    let length = 0;
    for (const { proofBytes } of tx.inputs) {
      const bytes = proofBytes.length >> 1;
      if (length + bytes > this.#proofs.length) {
        const bigger = Buffer.alloc(Math.max(2 * this.#proofs.length, length + bytes));
        this.#proofs.copy(bigger, 0, 0, length);
        this.#proofs = bigger;
      }
      // Buffer stops silently at the first character that is not a hex digit: the count written tells.
      if (proofBytes.length % 2 !== 0 || this.#proofs.write(proofBytes, length, 'hex') !== bytes) throw notHex(tx);
      length += bytes;
    }
    return this.merkle.hash(this.#proofs.subarray(0, length)).subarray(1);
  }

  /** The tree's leaves for a block of this version, in the order BlockTransactions puts them. */
  leaves(version: number, txs: readonly CommittedTransaction[]): Uint8Array[] {
    const ids = txs.map((tx) => {
      const id = bytesOfHex(tx.id);
      if (id?.length !== DIGEST_BYTES) throw notHex(tx);
      return id;
    });
    if (version === INITIAL_VERSION) return ids;
    return ids.concat(txs.map((tx) => this.witnessId(tx)));
  }

  /** The transactionsRoot a header of this version has for these transactions, hex. */
  transactionsRootOf(version: number, txs: readonly CommittedTransaction[]): string {
    return hexOfBytes(this.merkle.root(this.leaves(version, txs)));
  }

  /**
   * Refuses a block's transactions unless they are exactly those its header commits to: one added, left out, replaced,
   * moved, or with a changed spending proof (from version 2) gives another root.
   */
  requireTransactionsRoot(header: CommittingHeader, txs: readonly CommittedTransaction[]): void {
    // A real block holds at least its emission transaction (BlockTransactions asserts it); the demo chain mines empty
    // ones, committed to by the empty tree's root, 32 zero bytes, which no real header has.
    if (this.transactionsRootOf(header.version, txs) !== header.transactionsRoot.toLowerCase()) {
      throw refusedAnswer(`${block(header)} with transactions that are not the ones its header commits to`);
    }
  }

  /**
   * The proof a node answers on GET /blocks/{headerId}/proofFor/{txId} (BlockTransactions.proofFor): the path of the
   * transaction id's leaf, which from block version 2 runs through the tree of ids and witness ids together. Null if
   * the transaction is not in the block.
   */
  proofFor(version: number, txs: readonly CommittedTransaction[], txId: HexId): MerkleProofJson | null {
    const index = txs.findIndex((tx) => tx.id.toLowerCase() === txId.toLowerCase());
    const proof = index < 0 ? undefined : this.merkle.proof(this.leaves(version, txs), index);
    return proof === undefined ? null : merkleProofToJson(proof);
  }

  /**
   * Refuses a proof (a node's JSON from /blocks/{headerId}/proofFor/{txId}) unless it is the proof of this transaction
   * id and leads to the header's transactionsRoot. From version 2 the path also passes witness ids; the leaf itself
   * must be the 32-byte id, which no 31-byte witness id can be.
   */
  requireInBlock(header: CommittingHeader, txId: HexId, proofJson: unknown): void {
    const what = `a proof that transaction ${shortId(txId)} is in ${block(header)}`;
    let proof;
    try {
      proof = parseMerkleProof(proofJson);
    } catch (error) {
      if (error instanceof MalformedMerkleProof) throw refusedAnswer(`${what} that is not a Merkle proof (${error.message})`);
      throw error;
    }
    const id = bytesOfHex(txId);
    if (id === undefined || !sameBytes(proof.leaf, id)) throw refusedAnswer(`${what} that is the proof of another transaction`);
    const root = bytesOfHex(header.transactionsRoot);
    if (root === undefined || !this.merkle.verify(proof, root)) throw refusedAnswer(`${what} that does not lead to the root its header commits to`);
  }
}
