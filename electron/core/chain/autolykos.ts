import type { Blake2b256 } from './blake2b';
import { secp256k1 } from '@noble/curves/secp256k1';
import type { ChainHeader } from './chain-source';
import { checkDifficulty, decodeCompactBits, type Network } from './difficulty';
import { HeaderWriter, INITIAL_VERSION, headerIdOf } from './header-bytes';
import { refusedHeader } from './refused-answer';

/**
 * Autolykos, Ergo's proof of work, checked as ergo checks it (ergo-core/src/main/scala/org/ergoplatform/mining/
 * AutolykosPowScheme.scala, validate): a header is only worth its id if someone did the work its difficulty declares,
 * so a node cannot make up headers, nor change one, without mining it again.
 */

/** k, the number of table elements a solution sums (mainnet's powScheme.k in application.conf). */
const K = 32;
/** N before it grows: 2^n with mainnet's powScheme.n = 26. */
const N_BASE = 2 ** 26;
/** From this height N grows by 5 % every 50 × 1024 blocks, up to the height where it stops (calcN). */
const N_INCREASE_START = 600 * 1024;
const N_INCREASE_PERIOD = 50 * 1024;
const N_INCREASE_HEIGHT_MAX = 4_198_400;

/** q: the order of secp256k1's group, of which the target is a fraction (mining package object, q = group.order). */
export const GROUP_ORDER = secp256k1.CURVE.n;

/** The constant data hashed with every element to make it costly: the numbers 0 to 1023 as 8-byte big-endian longs. */
const M_BYTES = 1024 * 8;
const M = (() => {
  const table = new Uint8Array(M_BYTES);
  const view = new DataView(table.buffer);
  for (let i = 0; i < 1024; i++) view.setBigUint64(i * 8, BigInt(i));
  return table;
})();

/** The size of the table a solution draws from at `height` (AutolykosPowScheme.calcN). */
export function calcN(version: number, height: number): number {
  if (version === INITIAL_VERSION) return N_BASE;
  const capped = Math.min(N_INCREASE_HEIGHT_MAX, height);
  if (capped < N_INCREASE_START) return N_BASE;
  const steps = Math.floor((capped - N_INCREASE_START) / N_INCREASE_PERIOD) + 1;
  let n = N_BASE;
  // Integer arithmetic as in Scala: divide first, so each step rounds down exactly as ergo's does.
  for (let step = 0; step < steps; step++) n = Math.floor(n / 100) * 105;
  return n;
}

/** The hit must be below q / difficulty (getB); a difficulty that is not positive admits no solution. */
function targetOf(nBits: number): bigint | null {
  const difficulty = decodeCompactBits(nBits);
  return difficulty > 0n ? GROUP_ORDER / difficulty : null;
}

const bigEndianUint32 = (bytes: Uint8Array, at: number): number =>
  ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

/** A secp256k1 point from its 33 compressed bytes, or null for bytes that are not one (or the point at infinity). */
function pointOrNull(bytes: Uint8Array): ReturnType<typeof secp256k1.ProjectivePoint.fromHex> | null {
  try {
    return secp256k1.ProjectivePoint.fromHex(bytes);
  } catch {
    return null;
  }
}

const bytesToBigInt = (bytes: Uint8Array): bigint => {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
};

/**
 * Checks block headers: their ids against their bytes and their proofs of work (BLAKE2b-256 from blake2b.ts: WebAssembly
 * for the sync, JavaScript for the demo chain's miner). A version 2 check hashes 33 inputs of 8 KiB, about 0.7 ms (a version 1 check, with its curve
 * arithmetic, about 5 ms); the sync checks every header it takes, so the buffers are made once and reused.
 */
export class HeaderCheck {
  constructor(private readonly hasher: Blake2b256) {}

  readonly #writer = new HeaderWriter();
  /** index (4 bytes) | height (4 bytes) | M: the input of every version 2 element, and of its first draw. */
  readonly #elementInput = (() => {
    const input = new Uint8Array(8 + M_BYTES);
    input.set(M, 8);
    return input;
  })();
  readonly #elementInputView = new DataView(this.#elementInput.buffer);
  /** The seed of the indexes: f (31 bytes) | message (32) | nonce (8). */
  readonly #seed = new Uint8Array(31 + 32 + 8);
  readonly #indexes = new Uint32Array(K);
  /** The sum of the elements, one base-256 digit a slot before carrying. */
  readonly #sum = new Uint32Array(32);
  readonly #sumBytes = new Uint8Array(32);
  #lastNBits = -1;
  #lastTarget: bigint | null = null;

  #hash(bytes: Uint8Array): Uint8Array {
    return this.hasher.init().update(bytes).digest('binary');
  }

  #target(nBits: number): bigint | null {
    // A sync's headers share a difficulty for a whole epoch: one division per epoch rather than per header.
    if (nBits !== this.#lastNBits) {
      this.#lastTarget = targetOf(nBits);
      this.#lastNBits = nBits;
    }
    return this.#lastTarget;
  }

  /** The header's id from its content (header-bytes.ts); throws a refusal if a field cannot be serialized. */
  id(header: ChainHeader): string {
    return headerIdOf(this.#writer.write(header).bytes, this.hasher);
  }

  /** The message a miner works on: BLAKE2b-256 of the header without its solution (msgByHeader). */
  message(header: ChainHeader): Uint8Array {
    return this.#hash(this.#writer.write(header).bytesWithoutPow);
  }

  /**
   * The version 2 hit for a message (hitForVersion2ForMessage): the hash of a sum of 32 elements drawn from the table
   * by the message and nonce. The header's work holds if it is below q / difficulty.
   */
  hitForVersion2(message: Uint8Array, nonce: Uint8Array, height: number, n: number): bigint {
    const input = this.#elementInput;
    const view = this.#elementInputView;
    view.setUint32(4, height);

    // i = the last 8 bytes of H(m | nonce) as an unsigned number, mod N; computed in parts below 2^53.
    const seed = this.#seed;
    seed.set(message, 31);
    seed.set(nonce, 63);
    const first = this.#hash(seed.subarray(31));
    const high = bigEndianUint32(first, 24) % n;
    const low = bigEndianUint32(first, 28) % n;
    const i = ((((high * 0x10000) % n) * 0x10000) % n + low) % n;

    // f = H(i | h | M) without its first byte, which seeds the indexes with the message and nonce.
    view.setUint32(0, i);
    seed.set(this.#hash(input).subarray(1), 0);

    // The elements H(j | h | M) without their first byte, summed as 31-byte numbers (not reduced: 32 of them fit 32 bytes).
    const sum = this.#sum.fill(0);
    for (const index of this.#drawIndexes(seed, n)) {
      view.setUint32(0, index);
      const element = this.#hash(input);
      for (let at = 1; at < 32; at++) sum[at] = sum[at]! + element[at]!;
    }
    const sumBytes = this.#sumBytes;
    let carry = 0;
    for (let at = 31; at >= 0; at--) {
      const digit = sum[at]! + carry;
      sumBytes[at] = digit & 0xff;
      carry = digit >>> 8;
    }
    return bytesToBigInt(this.#hash(sumBytes));
  }

  /** genIndexes: k numbers below N, from overlapping 4-byte windows of H(seed) extended by its first 3 bytes. */
  #drawIndexes(seed: Uint8Array, n: number): Uint32Array {
    const hash = this.#hash(seed);
    for (let i = 0; i < K; i++) {
      const window = ((hash[i % 32]! << 24) | (hash[(i + 1) % 32]! << 16) | (hash[(i + 2) % 32]! << 8) | hash[(i + 3) % 32]!) >>> 0;
      this.#indexes[i] = window % n;
    }
    return this.#indexes;
  }

  /**
   * Whether the header's proof of work holds (AutolykosPowScheme.validate), for version 1 or a later one. Throws a
   * refusal if a field cannot be serialized.
   */
  proofOfWorkHolds(header: ChainHeader): boolean {
    const target = this.#target(header.nBits);
    if (target === null) return false;
    const message = this.message(header);
    return header.version === INITIAL_VERSION ? this.#version1Holds(header, message, target) : this.#version2Holds(header, message, target);
  }

  #version2Holds(header: ChainHeader, message: Uint8Array, target: bigint): boolean {
    const nonce = this.#writer.bytes.subarray(this.#writer.bytes.length - 8);
    return this.hitForVersion2(message, nonce, header.height, calcN(header.version, header.height)) < target;
  }

  /**
   * Version 1 (checkPoWForVersion1): the solution carries a one-time key w and a distance d below the target, and must
   * satisfy w^f = g^d · pk, where f sums 32 elements H(j | M | pk | m | w) reduced mod q.
   */
  #version1Holds(header: ChainHeader, message: Uint8Array, target: bigint): boolean {
    const { d } = header.powSolutions;
    if (d >= target) return false;
    // pk, w and the nonce as the header's bytes hold them, after the part the message covers.
    const solution = this.#writer.bytes.subarray(this.#writer.bytesWithoutPow.length);
    const minerKeyBytes = solution.subarray(0, 33);
    const oneTimeKeyBytes = solution.subarray(33, 66);
    // ergo requires both keys on the curve and neither the point at infinity, which fromHex refuses too.
    const minerKey = pointOrNull(minerKeyBytes);
    const oneTimeKey = pointOrNull(oneTimeKeyBytes);
    if (minerKey === null || oneTimeKey === null) return false;

    const input = new Uint8Array(4 + M_BYTES + 33 + 32 + 33);
    input.set(M, 4);
    input.set(minerKeyBytes, 4 + M_BYTES);
    input.set(message, 4 + M_BYTES + 33);
    input.set(oneTimeKeyBytes, 4 + M_BYTES + 33 + 32);
    const inputView = new DataView(input.buffer);
    const seed = new Uint8Array(32 + 8);
    seed.set(message, 0);
    seed.set(solution.subarray(66, 74), 32);
    // Version 1 draws its indexes from H(m | nonce) directly, from the base table.
    const indexes = this.#drawIndexes(seed, N_BASE);
    let f = 0n;
    for (const index of indexes) {
      inputView.setUint32(0, index);
      f += this.#hashModQ(input);
    }
    f %= GROUP_ORDER;
    const left = oneTimeKey.multiplyUnsafe(f);
    const right = secp256k1.ProjectivePoint.BASE.multiplyUnsafe(d).add(minerKey);
    return left.equals(right);
  }

  /**
   * ModQHash: BLAKE2b-256 as a number below q, hashing again while it falls in [q, 2^256) so the result stays uniform
   * (the valid range is the largest multiple of q under 2^256, which is q itself).
   */
  #hashModQ(input: Uint8Array): bigint {
    let hashed = this.#hash(input);
    let value = bytesToBigInt(hashed);
    while (value >= GROUP_ORDER) {
      hashed = this.#hash(hashed);
      value = bytesToBigInt(hashed);
    }
    return value;
  }

  /** Refuses a header whose id is not BLAKE2b-256 of its bytes: an id made up, or a field changed in transit. */
  checkId(header: ChainHeader): void {
    if (this.id(header) !== String(header.id).toLowerCase()) throw refusedHeader(header, 'whose content does not match its id');
  }

  /** Refuses a header whose proof of work does not hold. */
  checkProofOfWork(header: ChainHeader): void {
    if (!this.proofOfWorkHolds(header)) {
      throw refusedHeader(
        header,
        'whose proof of work does not hold',
        'No miner did the work this block claims: it was changed or made up. Use another node you trust, then sync again.',
      );
    }
  }

  /** Both: the header is the one its id names, and someone did the work its difficulty declares. */
  checkHeader(header: ChainHeader): void {
    this.checkId(header);
    this.checkProofOfWork(header);
  }

  /** What a header must pass on its own, wherever it comes from: checkHeader, and a difficulty not below the network's floor. */
  checkOnItsOwn(header: ChainHeader, network: Network): void {
    this.checkHeader(header);
    checkDifficulty(header, null, network);
  }
}
