/**
 * What the mirror needs from a chain, whatever serves it: the user's Ergo node, the embedded devnet (which serves
 * the same node REST subset on loopback), or later the Explorer. Every value here has been validated: amounts are
 * bigint (a node sends int64 as JSON numbers beyond 2^53), ids are 64 hex characters.
 */

export type HexId = string;

export interface ChainTip {
  /** Height of the node's best full block: the highest block whose transactions it can serve. */
  height: number;
  headerId: HexId | null;
  network: 'mainnet' | 'testnet' | 'devnet';
  /**
   * Height of the node's best header, when it reports one. Well above `height`, the node is still downloading
   * blocks, so `height` is not the chain's tip (see NODE_CATCHING_UP_GAP).
   */
  headersHeight?: number;
}

/**
 * A node downloads headers first and full blocks after them, so its headers run a block or two ahead in normal
 * operation; a bigger gap means it is still catching up with the network.
 */
export const NODE_CATCHING_UP_GAP = 5;

export function nodeIsCatchingUp({ height, headersHeight }: Pick<ChainTip, 'height' | 'headersHeight'>): boolean {
  return headersHeight !== undefined && headersHeight - height > NODE_CATCHING_UP_GAP;
}

/** secp256k1's generator, compressed: the w every Autolykos version 2 solution carries (ergo AutolykosSolution.wForV2). */
export const SECP256K1_GENERATOR = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

/** The miner's Autolykos solution: w and d mean something in version 1 only (version 2 fixes them). */
export interface PowSolution {
  /** The miner's public key, 33 bytes compressed, hex. */
  pk: string;
  w: string;
  /** The nonce, 8 bytes hex. */
  n: string;
  d: bigint;
}

/** A block header with every field its id covers (ergo's HeaderSerializer), so the id and the proof of work can be checked. */
export interface ChainHeader {
  id: HexId;
  parentId: HexId;
  height: number;
  /** Milliseconds since the Unix epoch, as the miner reported it. */
  timestamp: number;
  version: number;
  adProofsRoot: HexId;
  /** The UTXO set's AVL+ digest: 33 bytes, hex. */
  stateRoot: string;
  transactionsRoot: HexId;
  extensionHash: HexId;
  /** The difficulty in Bitcoin's compact form. */
  nBits: number;
  /** Three bytes of votes, hex. */
  votes: string;
  /** Bytes a newer block version adds after the votes (none before version 2), hex. */
  unparsedBytes: string;
  powSolutions: PowSolution;
}

export interface ChainToken {
  tokenId: HexId;
  amount: bigint;
}

export interface ChainBox {
  boxId: HexId;
  transactionId: HexId;
  index: number;
  value: bigint;
  ergoTree: string;
  creationHeight: number;
  assets: ChainToken[];
  /** Register name (R4…R9) → serialized constant hex. */
  additionalRegisters: Partial<Record<'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9', string>>;
}

export interface ChainInput {
  boxId: HexId;
  proofBytes: string;
  extension: Record<string, string>;
}

export interface ChainTransaction {
  id: HexId;
  inputs: ChainInput[];
  dataInputs: { boxId: HexId }[];
  outputs: ChainBox[];
}

/** A signed transaction as the node accepts it on POST /transactions (amounts as bigint; the client encodes them). */
export interface SignedTransactionJson {
  id?: HexId;
  inputs: { boxId: HexId; spendingProof: { proofBytes: string; extension: Record<string, string> } }[];
  dataInputs: { boxId: HexId }[];
  outputs: {
    value: bigint;
    ergoTree: string;
    creationHeight: number;
    assets: ChainToken[];
    additionalRegisters: Record<string, string>;
  }[];
}

export interface ChainSource {
  /** How the source is named to the treasurer and in the mirror's record of its reads, e.g. "the Ergo node at …". */
  readonly label: string;
  /** Set where blockTransactions leave out the inputs' context extensions (the Explorer; see chain-checks ContentSent). */
  readonly blocksWithoutExtensions?: true;
  tip(): Promise<ChainTip>;
  /** Header ids at a height; the first is on the node's best chain. Empty above the tip. */
  headerIdsAt(height: number): Promise<HexId[]>;
  header(headerId: HexId): Promise<ChainHeader>;
  /**
   * The best chain's headers from height `from` to `to` (both included), ascending, in one request, for sources that
   * can serve a range. It may answer fewer (a node caps the count, an Explorer has no such call): the sync asks for
   * any height missing with headerIdsAt and header.
   */
  headerRange?(from: number, to: number): Promise<ChainHeader[]>;
  blockTransactions(headerId: HexId): Promise<ChainTransaction[]>;
  /** An unspent box by id, or null if it is spent or unknown. */
  unspentBox(boxId: HexId): Promise<ChainBox | null>;
  mempool(): Promise<ChainTransaction[]>;
  /**
   * Which of `ids` are in the mempool now: what the outbox needs to know of its own transactions, asked by id rather
   * than by reading a mempool that may hold tens of thousands of others.
   */
  mempoolIdsAmong(ids: readonly HexId[]): Promise<Set<HexId>>;
  /** Submits to the mempool; resolves to the transaction id or throws AppError with the node's reason. */
  submit(tx: SignedTransactionJson): Promise<HexId>;
  /** Validates without submitting; resolves to the transaction id or throws AppError with the node's reason. */
  check(tx: SignedTransactionJson): Promise<HexId>;
}
