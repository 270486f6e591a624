import type { ChainBox, ChainHeader, ChainTransaction, HexId } from './chain-source';
import type { MerkleProofJson } from './merkle';

/*
 * What a chain source with an index can tell beyond blocks: boxes by token, transactions by script, and single boxes
 * and transactions by id with where they sit on chain. An Ergo node serves it under /blockchain/* when it runs with
 * `extraIndex = true`; the public Explorer serves the same facts under /api/v1. Finding a LETS by its id and catching
 * up its history without reading every block both rest on it (ARCHITECTURE.md, "Chain").
 */

/** A box as the index knows it: where it was created, and by which transaction it was spent. */
export interface IndexedBox extends ChainBox {
  /** Height of the block that holds the transaction that created the box. */
  inclusionHeight: number;
  /** The transaction that spent the box, or null while it is unspent. */
  spentTransactionId: HexId | null;
}

/** A transaction as the index knows it: its block, its place in that block, and the block's time. */
export interface IndexedTransaction extends ChainTransaction {
  blockId: HexId;
  inclusionHeight: number;
  /** Position of the transaction among its block's transactions (0 = first). */
  index: number;
  /** The block's timestamp, ms since 1970. */
  timestamp: number;
}

/** What ties a transaction the index listed to the chain: its block's header and the proof it is in that block. */
export interface Inclusion {
  header: ChainHeader;
  proof: MerkleProofJson;
}

/**
 * One page of a listing, newest first, and how many items the whole listing holds at the moment of the answer.
 * Offsets count from the newest item, so the pages of one listing are only consistent with each other while the
 * index does not change: a block indexed between two pages pushes older items to higher offsets (the next page
 * repeats some), and a rollback between them pulls items to lower offsets (the next page skips some). `total`
 * changing between pages tells that it happened.
 */
export interface IndexPage<T> {
  items: T[];
  total: number;
}

export interface ChainIndex {
  /** How the index is named in messages, e.g. "the Ergo node at http://127.0.0.1:9053". */
  readonly label: string;
  /** The most items one page may ask for. */
  readonly maxPage: number;
  /**
   * The height up to which the index holds every block, or null when the source keeps no index (a node without
   * `extraIndex`). The index lags behind the chain's tip while it catches up.
   */
  indexedHeight(): Promise<number | null>;
  /** A box by id, spent or not; null when the index does not know it. */
  box(boxId: HexId): Promise<IndexedBox | null>;
  /** A confirmed transaction by id; null when the index does not know it. */
  transaction(transactionId: HexId): Promise<IndexedTransaction | null>;
  /**
   * Every box that ever held `tokenId`, spent ones included, newest first: `offset` skips that many of the newest,
   * `limit` (at most maxPage) are answered.
   */
  boxesByToken(tokenId: HexId, offset: number, limit: number): Promise<IndexPage<IndexedBox>>;
  /**
   * Every confirmed transaction that spends or creates a box under `ergoTree`, newest first: `offset` skips that many
   * of the newest, `limit` (at most maxPage) are answered.
   */
  transactionsByErgoTree(ergoTree: string, offset: number, limit: number): Promise<IndexPage<IndexedTransaction>>;
  /**
   * The header of block `headerId`, or null when the source knows no such block. With proofFor, missing where the
   * source serves no proofs (the Explorer): what it lists is then taken on its word, and Settings says so.
   */
  blockHeader?(headerId: HexId): Promise<ChainHeader | null>;
  /** The proof that `transactionId` is in block `headerId`, or null when the source knows no such block or transaction. */
  proofFor?(headerId: HexId, transactionId: HexId): Promise<MerkleProofJson | null>;
}
