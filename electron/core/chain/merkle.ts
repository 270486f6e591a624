import type { Blake2b256 } from './blake2b';

/**
 * Ergo's Merkle tree, as scrypto builds it (scorex.crypto.authds.merkle: MerkleTree, Node, MerkleProof) with BLAKE2b-256
 * (ergo Algos.merkleTree):
 * - a leaf's hash is H(0x00 ++ data) (MerkleTree.LeafPrefix), an internal node's H(0x01 ++ left ++ right)
 *   (InternalNodePrefix);
 * - each level pairs its nodes from the left; a last node without a partner pairs with EmptyNode, whose hash is no bytes
 *   at all, so its parent is H(0x01 ++ left) (MerkleTree.calcTopNode);
 * - pairing goes on until one node is left, and happens at least once: one leaf's root is H(0x01 ++ H(0x00 ++ leaf)),
 *   not the leaf's hash;
 * - a tree of no leaves has 32 zero bytes for root (EmptyRootNode). A block always holds a transaction, so the chain
 *   never meets it.
 */

export const DIGEST_BYTES = 32;
const LEAF_PREFIX = 0;
const INTERNAL_PREFIX = 1;
const NO_BYTES = new Uint8Array(0);
/** A block holds at most 10 000 000 transactions (BlockTransactionsSerializer), so 20 000 000 leaves: 25 levels, far below this. */
const MAX_PROOF_LEVELS = 64;

/**
 * Which side of its sibling the hash computed so far sits on, as scrypto's MerkleProof writes it: LeftSide (0) means
 * the computed hash is the left child and the sibling the right one, RightSide (1) the other way round.
 */
export type Side = 0 | 1;

interface MerkleLevel {
  /** The sibling's hash: 32 bytes, or none at all for EmptyNode (the right partner of a last node). */
  sibling: Uint8Array;
  side: Side;
}

/** A leaf and the siblings on its way up to the root, bottom first (scrypto MerkleProof). */
export interface MerkleProof {
  leaf: Uint8Array;
  levels: MerkleLevel[];
}

/**
 * The JSON of an Ergo node's GET /blocks/{headerId}/proofFor/{txId}: the node encodes scrypto's MerkleProof with
 * ApiCodecs.merkleProofEncoder (ergo-core/src/main/scala/org/ergoplatform/http/api/ApiCodecs.scala), so the leaf is
 * under "leafData" and each level is [sibling hex, side number], an EmptyNode sibling being "". The node's
 * openapi.yaml calls the leaf "leaf"; the parser accepts both.
 */
export interface MerkleProofJson {
  leafData: string;
  levels: [string, Side][];
}

/** A proof whose JSON is not that of a Merkle proof: it proves nothing, whatever it leads to. */
export class MalformedMerkleProof extends Error {
  override readonly name = 'MalformedMerkleProof';
}

/** Hex to bytes; undefined for anything but whole hexadecimal bytes (Buffer alone stops silently at the first bad digit). */
export function bytesOfHex(hex: string): Uint8Array | undefined {
  const bytes = Buffer.from(hex, 'hex');
  return bytes.length * 2 === hex.length ? bytes : undefined;
}

function hexField(hex: unknown, what: string): Uint8Array {
  const bytes = typeof hex === 'string' ? bytesOfHex(hex) : undefined;
  if (bytes === undefined) throw new MalformedMerkleProof(`${what} is not hexadecimal bytes`);
  return bytes;
}

export function hexOfBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Byte by byte: the checks compare a few digests per transaction, where a Buffer made for each would cost more. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Roots, proofs and their check, hashed with the BLAKE2b-256 it is given (blake2b.ts); all synchronous.
 */
export class Merkle {
  constructor(private readonly hasher: Blake2b256) {}

  /** BLAKE2b-256. */
  hash(bytes: Uint8Array): Uint8Array {
    return this.hasher.init().update(bytes).digest('binary');
  }

  /** Prefix and data side by side, so that a hash crosses into WebAssembly in one update rather than two or three. */
  #prefixed = new Uint8Array(1 + 2 * DIGEST_BYTES);

  #hashPrefixed(prefix: number, first: Uint8Array, second: Uint8Array = NO_BYTES): Uint8Array {
    const length = 1 + first.length + second.length;
    if (length > this.#prefixed.length) this.#prefixed = new Uint8Array(length);
    this.#prefixed[0] = prefix;
    this.#prefixed.set(first, 1);
    this.#prefixed.set(second, 1 + first.length);
    return this.hash(this.#prefixed.subarray(0, length));
  }

  /** The root of a tree of these leaves, in this order. */
  root(leaves: readonly Uint8Array[]): Uint8Array {
    if (leaves.length === 0) return new Uint8Array(DIGEST_BYTES);
    const level = this.#leafHashes(leaves);
    let count = leaves.length;
    do count = this.#up(level, count);
    while (count > 1);
    return level.slice(0, DIGEST_BYTES);
  }

  /** The proof for the leaf at `index`, as scrypto's MerkleTree.proofByIndex builds it; undefined outside the tree. */
  proof(leaves: readonly Uint8Array[], index: number): MerkleProof | undefined {
    const leaf = leaves[index];
    if (leaf === undefined || !Number.isInteger(index)) return undefined;
    const level = this.#leafHashes(leaves);
    const levels: MerkleLevel[] = [];
    let count = leaves.length;
    let at = index;
    do {
      const partner = at ^ 1;
      const sibling = partner < count ? level.slice(partner * DIGEST_BYTES, (partner + 1) * DIGEST_BYTES) : NO_BYTES;
      levels.push({ sibling, side: at % 2 === 0 ? 0 : 1 });
      count = this.#up(level, count);
      at >>= 1;
    } while (count > 1);
    return { leaf: leaf.slice(), levels };
  }

  /** The root a proof leads to (scrypto MerkleProof.valid, before its comparison). */
  rootOf(proof: MerkleProof): Uint8Array {
    let hash = this.#hashPrefixed(LEAF_PREFIX, proof.leaf);
    for (const { sibling, side } of proof.levels) {
      hash = side === 0 ? this.#hashPrefixed(INTERNAL_PREFIX, hash, sibling) : this.#hashPrefixed(INTERNAL_PREFIX, sibling, hash);
    }
    return hash;
  }

  /** Whether the proof leads to this root; with `leaf`, also whether it is that leaf's proof and not another's. */
  verify(proof: MerkleProof, root: Uint8Array, leaf?: Uint8Array): boolean {
    if (leaf !== undefined && !sameBytes(proof.leaf, leaf)) return false;
    return sameBytes(this.rootOf(proof), root);
  }

  #leafHashes(leaves: readonly Uint8Array[]): Uint8Array {
    const hashes = new Uint8Array(leaves.length * DIGEST_BYTES);
    leaves.forEach((leaf, index) => hashes.set(this.#hashPrefixed(LEAF_PREFIX, leaf), index * DIGEST_BYTES));
    return hashes;
  }

  /**
   * Replaces the first hashes of `level` (`count` of them, side by side) by those of the level above, and returns how
   * many these are. Node i of the level above only reads nodes 2i and 2i + 1, at or after where it is written.
   */
  #up(level: Uint8Array, count: number): number {
    const above = Math.ceil(count / 2);
    for (let node = 0; node < above; node++) {
      const start = 2 * node * DIGEST_BYTES;
      // Left and right children are side by side: one view covers both, or the left alone when it pairs with EmptyNode.
      const children = level.subarray(start, Math.min(start + 2 * DIGEST_BYTES, count * DIGEST_BYTES));
      level.set(this.#hashPrefixed(INTERNAL_PREFIX, children), node * DIGEST_BYTES);
    }
    return above;
  }
}

export function merkleProofToJson(proof: MerkleProof): MerkleProofJson {
  return { leafData: hexOfBytes(proof.leaf), levels: proof.levels.map(({ sibling, side }) => [hexOfBytes(sibling), side]) };
}

function sideOf(value: unknown): Side {
  if (value === 0 || value === 1) return value;
  throw new MalformedMerkleProof('a side is neither 0 (left) nor 1 (right)');
}

function siblingOf(hex: unknown): Uint8Array {
  const bytes = hexField(hex, 'a sibling');
  if (bytes.length !== 0 && bytes.length !== DIGEST_BYTES) throw new MalformedMerkleProof(`a sibling is ${bytes.length} bytes, not ${DIGEST_BYTES} or none`);
  return bytes;
}

/**
 * One level as the node writes it in /blocks/{headerId}/proofFor (a pair [sibling hex, side]), or as its
 * TransactionMembershipProof writes it in a mining candidate's txProofs (one hex string: the side byte, then the
 * sibling; ergo's LiteClientExamples decodes it so).
 */
function levelOf(value: unknown): MerkleLevel {
  if (Array.isArray(value)) {
    if (value.length !== 2) throw new MalformedMerkleProof('a level is not a pair of a sibling and a side');
    return { sibling: siblingOf(value[0]), side: sideOf(value[1]) };
  }
  if (typeof value === 'string') {
    const bytes = hexField(value, 'a level');
    return { side: sideOf(bytes[0]), sibling: siblingOf(value.slice(2)) };
  }
  throw new MalformedMerkleProof('a level is neither a pair nor hexadecimal text');
}

/** A proof from a node's JSON (see MerkleProofJson); throws MalformedMerkleProof for anything else. */
export function parseMerkleProof(json: unknown): MerkleProof {
  if (typeof json !== 'object' || json === null) throw new MalformedMerkleProof('not an object');
  const { leafData, leaf, levels } = json as { leafData?: unknown; leaf?: unknown; levels?: unknown };
  if (leafData !== undefined && leaf !== undefined && leafData !== leaf) throw new MalformedMerkleProof('two different leaves');
  const leafHex = leafData ?? leaf;
  if (leafHex === undefined) throw new MalformedMerkleProof('no leaf');
  // Every tree pairs its leaves at least once, so every proof has a level.
  if (!Array.isArray(levels) || levels.length === 0) throw new MalformedMerkleProof('no levels');
  if (levels.length > MAX_PROOF_LEVELS) throw new MalformedMerkleProof(`${levels.length} levels, more than any block's tree has`);
  return { leaf: hexField(leafHex, 'the leaf'), levels: levels.map(levelOf) };
}
