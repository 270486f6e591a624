import type { ChainBox } from '../chain/chain-source';
import { decodeHexInto } from './hex-digits';

/** What a transaction's id covers of an input: its box and context extension (the proof is left out). */
export interface IdInput {
  boxId: string;
  extension: Record<string, string>;
}

/** What a box's id covers besides its transaction and index. */
export type IdOutput = Pick<ChainBox, 'value' | 'ergoTree' | 'creationHeight' | 'assets' | 'additionalRegisters'>;

const REGISTERS = ['R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const;
/** Long hex (contract trees, keys in registers) recurs from box to box: decoded once, copied after. */
const CACHED_FROM = 128;
const CACHE_LIMIT = 4_096;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Hex of this many digits or more is decoded by Buffer (see hexOnce). */
const NATIVE_FROM = 48;

/** Bytes written one after the other into one buffer that grows, for hashing without building hex strings. */
export class ByteWriter {
  #buffer = Buffer.alloc(4_096);
  #length = 0;
  readonly #decoded = new Map<string, Buffer>();

  reset(): this {
    this.#length = 0;
    return this;
  }

  get bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }

  get length(): number {
    return this.#length;
  }

  /** A 32-bit length, big-endian, written at `at` (a place kept for it by `skip`) or, without `at`, next. */
  uint32(value: number, at?: number): this {
    if (at !== undefined) {
      this.#buffer.writeUInt32BE(value, at);
      return this;
    }
    this.#room(4);
    this.#buffer.writeUInt32BE(value, this.#length);
    this.#length += 4;
    return this;
  }

  /** Bytes as they are. */
  raw(bytes: Uint8Array): this {
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.length;
    return this;
  }

  /** Keeps `bytes` bytes for later (uint32 with `at`). */
  skip(bytes: number): this {
    this.#room(bytes);
    this.#length += bytes;
    return this;
  }

  #room(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const bigger = Buffer.alloc(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(bigger, 0, 0, this.#length);
    this.#buffer = bigger;
  }

  byte(value: number): this {
    this.#room(1);
    this.#buffer[this.#length++] = value;
    return this;
  }

  /** Ergo's VLQ (unsigned LEB128) of a non-negative integer. */
  vlq(value: number | bigint): this {
    if (typeof value === 'bigint' && value > MAX_SAFE) {
      let rest = value;
      do {
        const low = Number(rest & 0x7fn);
        rest >>= 7n;
        this.byte(rest > 0n ? low | 0x80 : low);
      } while (rest > 0n);
      return this;
    }
    let rest = Number(value);
    this.#room(8);
    while (rest >= 128) {
      this.#buffer[this.#length++] = (rest % 128) | 0x80;
      rest = Math.floor(rest / 128);
    }
    this.#buffer[this.#length++] = rest;
    return this;
  }

  hex(text: string): this {
    if (text.length < CACHED_FROM) return this.hexOnce(text);
    let decoded = this.#decoded.get(text);
    if (!decoded) {
      if (this.#decoded.size >= CACHE_LIMIT) this.#decoded.clear();
      decoded = Buffer.from(text, 'hex');
      this.#decoded.set(text, decoded);
    }
    return this.raw(decoded);
  }

  /**
   * Hex that does not recur (an id, a spending proof): decoded where it goes, never kept. Buffer's decoder costs a call
   * into Node, worth it from an id's length on; shorter hex is decoded faster here.
   */
  hexOnce(text: string): this {
    const bytes = text.length >> 1;
    this.#room(bytes);
    // Buffer stops silently at the first character that is not a hex digit: the count written tells.
    const whole = text.length >= NATIVE_FROM ? text.length % 2 === 0 && this.#buffer.write(text, this.#length, 'hex') === bytes : decodeHexInto(text, this.#buffer, this.#length);
    if (!whole) throw new TypeError(`not hexadecimal bytes: ${text.slice(0, 80)}`);
    this.#length += bytes;
    return this;
  }

  /** A box's registers: how many, then R4… in order, each a serialized constant. */
  registers(box: IdOutput): this {
    // Every register present, a gap or not: one added after a gap must change the bytes, and so the id.
    const registers = box.additionalRegisters;
    let count = 0;
    for (const name of REGISTERS) if (registers[name] !== undefined) count++;
    this.byte(count);
    for (const name of REGISTERS) {
      const value = registers[name];
      if (value !== undefined) this.hex(value);
    }
    return this;
  }

  /**
   * Context extensions by key, ascending: the order Fleet serializes (and so the app builds) them in. JSON objects keep
   * integer keys in that order whatever order the node wrote, so a node's other order cannot be told apart here.
   */
  extension(extension: Record<string, string>): this {
    const keys = Object.keys(extension);
    this.byte(keys.length);
    for (const key of keys) this.byte(Number(key)).hex(extension[key] as string);
    return this;
  }

  /** Value, tree, creation height and the token count: how a box begins, in a transaction and alone. */
  boxHead(box: IdOutput): this {
    return this.vlq(box.value).hex(box.ergoTree).vlq(box.creationHeight).byte(box.assets.length);
  }
}

/**
 * The bytes a transaction's id and its boxes' ids hash, as ergo serializes them (ErgoLikeTransactionSerializer without
 * proofs: inputs with empty proofs, data inputs, the distinct token ids, outputs with token indexes; ErgoBox: the box
 * with its full token ids, its transaction id and its index), written straight from hex into one reused buffer:
 * Fleet's serializer (transaction-bytes.ts, which builds and signs) allocates and zeroes 100 KB a transaction. Each
 * answer is a view of that buffer, good until the next call.
 */
export class IdBytes {
  readonly #writer = new ByteWriter();

  transaction(inputs: readonly IdInput[], dataInputs: readonly { boxId: string }[], outputs: readonly IdOutput[]): Uint8Array {
    return writeTransaction(this.#writer.reset(), inputs, dataInputs, outputs).bytes;
  }

  box(output: IdOutput, transactionId: string, index: number): Uint8Array {
    const w = this.#writer.reset().boxHead(output);
    for (const { tokenId, amount } of output.assets) w.hex(tokenId).vlq(amount);
    return w.registers(output).hex(transactionId).vlq(index).bytes;
  }
}

/**
 * A transaction's id bytes (IdBytes.transaction), written on after whatever `w` holds. With `marks`, the places the
 * checks thread needs to rebuild each output's own bytes from them (packed-blocks.ts) are pushed onto it: where the
 * token ids start, then per output where it starts, where its tokens start, where its registers start and end.
 */
export function writeTransaction(
  w: ByteWriter,
  inputs: readonly IdInput[],
  dataInputs: readonly { boxId: string }[],
  outputs: readonly IdOutput[],
  marks?: number[],
): ByteWriter {
  const tokenIndex = new Map<string, number>();
  for (const output of outputs) for (const { tokenId } of output.assets) if (!tokenIndex.has(tokenId)) tokenIndex.set(tokenId, tokenIndex.size);
  w.vlq(inputs.length);
  for (const input of inputs) w.hex(input.boxId).byte(0).extension(input.extension);
  w.vlq(dataInputs.length);
  for (const { boxId } of dataInputs) w.hex(boxId);
  w.vlq(tokenIndex.size);
  marks?.push(w.length);
  for (const tokenId of tokenIndex.keys()) w.hex(tokenId);
  w.vlq(outputs.length);
  for (const output of outputs) {
    marks?.push(w.length);
    w.boxHead(output);
    marks?.push(w.length);
    for (const { tokenId, amount } of output.assets) w.vlq(tokenIndex.get(tokenId) as number).vlq(amount);
    marks?.push(w.length);
    w.registers(output);
    marks?.push(w.length);
  }
  return w;
}
