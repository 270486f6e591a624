import type { Blake2b256 } from './blake2b';
import { decodeHexInto } from '../transactions/hex-digits';
import { refusedHeader } from './refused-answer';
import type { ChainHeader } from './chain-source';

/**
 * A block header's bytes as ergo writes them (ergo-core/.../modifiers/history/header/HeaderSerializer.scala, with the
 * solution from mining/AutolykosSolution.scala): its id is BLAKE2b-256 of these bytes, and the miner's proof of work is
 * done on BLAKE2b-256 of the bytes before the solution. So a header whose fields a node changed no longer matches its
 * id, and one whose id was recomputed to match no longer carries a valid proof of work.
 */

/** Block version at mainnet launch, the only one with an Autolykos version 1 solution (Header.InitialVersion). */
export const INITIAL_VERSION = 1;
/**
 * The 6.0 block version (Header.Interpreter60Version). Up to it ergo's parser reads the new-fields length byte but
 * drops the bytes it announces (HeaderSerializer.parseWithoutPow), so a header of these versions never carries any.
 */
const INTERPRETER_60_VERSION = 4;
/** ergo writes the version as one signed byte and compares it as such; no real block comes near the sign bit. */
const HIGHEST_VERSION = 127;

const DIGEST = 32;
/** The AVL+ digest of the UTXO set: 32 bytes of hash and 1 of tree height. */
const STATE_ROOT = 33;
/** A compressed secp256k1 point (GroupElementSerializer). */
const GROUP_ELEMENT = 33;
const NONCE = 8;
const VOTES = 3;
const MAX_UBYTE = 255;
const MAX_HEIGHT = 2 ** 31 - 1;
const MAX_NBITS = 2 ** 32 - 1;
/** Enough for every field at its largest: 255 bytes of new fields and a 255-byte d. */
const MAX_HEADER_BYTES = 1 + DIGEST * 4 + STATE_ROOT + 10 + 4 + 5 + VOTES + 1 + MAX_UBYTE + GROUP_ELEMENT * 2 + NONCE + 1 + MAX_UBYTE;


/**
 * Writes headers into one buffer it keeps, so checking thousands of headers allocates nothing per header here. The
 * bytes it exposes are overwritten by the next write: hash them, or copy them, before that.
 */
export class HeaderWriter {
  readonly #buffer = new Uint8Array(MAX_HEADER_BYTES);
  #length = 0;
  #withoutPowLength = 0;
  #header: ChainHeader | undefined;

  /** The whole header: what its id is the hash of. */
  get bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }

  /** The header before the proof-of-work solution: what the miner hashes into the message it works on. */
  get bytesWithoutPow(): Uint8Array {
    return this.#buffer.subarray(0, this.#withoutPowLength);
  }

  /** Writes `header`; throws a refusal naming the field if a field cannot be what ergo writes. */
  write(header: ChainHeader): this {
    this.#header = header;
    this.#length = 0;
    const { version } = header;
    if (!Number.isInteger(version) || version < INITIAL_VERSION || version > HIGHEST_VERSION) this.#malformed('version');
    this.#byte(version);
    this.#hex(header.parentId, DIGEST, 'parent id');
    this.#hex(header.adProofsRoot, DIGEST, 'AD proofs root');
    this.#hex(header.transactionsRoot, DIGEST, 'transactions root');
    this.#hex(header.stateRoot, STATE_ROOT, 'state root');
    // putULong: VLQ, as the timestamp is a long of milliseconds.
    if (!Number.isSafeInteger(header.timestamp) || header.timestamp < 0) this.#malformed('timestamp');
    this.#vlq(header.timestamp);
    this.#hex(header.extensionHash, DIGEST, 'extension hash');
    // DifficultySerializer: the compact difficulty as 4 bytes, big-endian (uint32ToByteArrayBE).
    if (!Number.isInteger(header.nBits) || header.nBits < 0 || header.nBits > MAX_NBITS) this.#malformed('difficulty (nBits)');
    this.#uint32(header.nBits);
    // putUInt: VLQ.
    if (!Number.isInteger(header.height) || header.height < 1 || header.height > MAX_HEIGHT) this.#malformed('height');
    this.#vlq(header.height);
    this.#hex(header.votes, VOTES, 'votes');
    const unparsedBytes = header.unparsedBytes ?? '';
    if (version > INITIAL_VERSION) {
      // From version 2 a length byte announces fields of later versions, then their bytes; ergo keeps them only
      // above version 4, so a header of versions 2 to 4 announcing some is not one ergo would have written.
      const length = unparsedBytes.length / 2;
      if (unparsedBytes.length % 2 !== 0 || length > MAX_UBYTE || (length > 0 && version <= INTERPRETER_60_VERSION)) {
        this.#malformed('unparsed bytes');
      }
      this.#byte(length);
      this.#hex(unparsedBytes, length, 'unparsed bytes');
    } else if (unparsedBytes !== '') {
      this.#malformed('unparsed bytes');
    }
    this.#withoutPowLength = this.#length;

    // AutolykosSolutionSerializer: version 1 writes pk, w, n and d; later versions pk and n only (w and d are fixed).
    const solution = header.powSolutions;
    this.#hex(solution.pk, GROUP_ELEMENT, 'miner public key');
    if (version === INITIAL_VERSION) this.#hex(solution.w, GROUP_ELEMENT, 'one-time public key (w)');
    this.#hex(solution.n, NONCE, 'nonce');
    if (version === INITIAL_VERSION) this.#distance(solution.d);
    this.#header = undefined;
    return this;
  }

  #malformed(field: string): never {
    const header = this.#header as ChainHeader;
    this.#header = undefined;
    throw refusedHeader(header, `whose ${field} is not what an Ergo block header holds`);
  }

  #byte(value: number): void {
    this.#buffer[this.#length++] = value;
  }

  #uint32(value: number): void {
    this.#buffer[this.#length++] = (value >>> 24) & 0xff;
    this.#buffer[this.#length++] = (value >>> 16) & 0xff;
    this.#buffer[this.#length++] = (value >>> 8) & 0xff;
    this.#buffer[this.#length++] = value & 0xff;
  }

  /** scorex's VLQ writer: unsigned LEB128, seven bits a byte, lowest first. */
  #vlq(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.#buffer[this.#length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#buffer[this.#length++] = rest;
  }

  #hex(text: string, bytes: number, field: string): void {
    if (typeof text !== 'string' || text.length !== bytes * 2 || !decodeHexInto(text, this.#buffer, this.#length)) this.#malformed(field);
    this.#length += bytes;
  }

  /**
   * d, in version 1: a length byte then BouncyCastle's asUnsignedByteArray, the shortest big-endian bytes of the
   * number, one zero byte for zero.
   */
  #distance(d: bigint): void {
    if (typeof d !== 'bigint' || d < 0n) this.#malformed('distance (d)');
    const hex = d.toString(16);
    const even = hex.length % 2 === 0 ? hex : `0${hex}`;
    if (even.length / 2 > MAX_UBYTE) this.#malformed('distance (d)');
    this.#byte(even.length / 2);
    this.#hex(even, even.length / 2, 'distance (d)');
  }
}

/** The bytes the miner's message is the hash of (HeaderSerializer.bytesWithoutPow). */
export function headerBytesWithoutPow(header: ChainHeader): Uint8Array {
  return new HeaderWriter().write(header).bytesWithoutPow.slice();
}

/** The header's bytes (HeaderSerializer.toBytes), solution included. */
export function headerBytes(header: ChainHeader): Uint8Array {
  return new HeaderWriter().write(header).bytes.slice();
}

/** A header's id: BLAKE2b-256 of its bytes (Header.serializedId), lower-case hex. */
export function headerIdOf(bytes: Uint8Array, blake2b256: Blake2b256): string {
  return blake2b256.init().update(bytes).digest('hex');
}
