import type { Blake2b256 } from './blake2b';
import { I32, I64, op, sleb, uleb, wasmModule } from './wasm-code';

/*
 * BLAKE2b (RFC 7693) in WebAssembly written here, for the hashing of the chain checks: every id, Merkle node and proof
 * of work of a sync. Most of what a sync hashes is short (a Merkle node, a box, a transaction of a few blocks of 128
 * bytes), so the way in and out of WebAssembly costs as much as the compressing: here a message is copied once into
 * the module's memory and hashed by two calls, where the general-purpose library used before cost about twice as much
 * for a 64-byte message (0.7 µs against 0.4 µs here) and as much for 8 KiB.
 *
 * Memory: the chaining value h at 0 (eight little-endian 64-bit words, as BLAKE2b's), the message from 64 on.
 */

/** What this file uses of WebAssembly's JavaScript API, whose types come with the DOM library the core does not load. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const H_AT = 0;
const MESSAGE_AT = 64;
const BLOCK = 128;
const PAGE = 65_536;

const IV = [
  0x6a09e667f3bcc908n,
  0xbb67ae8584caa73bn,
  0x3c6ef372fe94f82bn,
  0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n,
  0x9b05688c2b3e6c1fn,
  0x1f83d9abfb41bd6bn,
  0x5be0cd19137e2179n,
];

/** The message schedule of each of the 12 rounds (rounds 10 and 11 repeat 0 and 1). */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/** The column then diagonal steps of a round: which four words of v each mixes. */
const STEPS: readonly (readonly [number, number, number, number])[] = [
  [0, 4, 8, 12],
  [1, 5, 9, 13],
  [2, 6, 10, 14],
  [3, 7, 11, 15],
  [0, 5, 10, 15],
  [1, 6, 11, 12],
  [2, 7, 8, 13],
  [3, 4, 9, 14],
];

// compress(block, bytes, last): the locals after its three parameters are m0…m15, then v0…v15.
const BLOCK_PARAM = 0;
const BYTES_PARAM = 1;
const LAST_PARAM = 2;
const m = (i: number) => 3 + i;
const v = (i: number) => 19 + i;

const get = (local: number) => [op.localGet, ...uleb(local)];
const set = (local: number) => [op.localSet, ...uleb(local)];
const i64 = (value: bigint) => [op.i64Const, ...sleb(value)];
const i32 = (value: number) => [op.i32Const, ...sleb(BigInt(value))];
/** i64.load / i64.store with 8-byte alignment at a constant offset from the address on the stack. */
const load = (offset: number) => [op.i64Load, 3, ...uleb(offset)];
const store = (offset: number) => [op.i64Store, 3, ...uleb(offset)];

/** BLAKE2b's G: a = a + b + x; d = (d ^ a) >>> 32; c = c + d; b = (b ^ c) >>> 24; then again with y, 16 and 63. */
function mix([a, b, c, d]: readonly [number, number, number, number], x: number, y: number): number[] {
  const half = (word: number, first: number, second: number) => [
    ...get(v(a)), ...get(v(b)), op.i64Add, ...get(m(word)), op.i64Add, ...set(v(a)),
    ...get(v(d)), ...get(v(a)), op.i64Xor, ...i64(BigInt(first)), op.i64Rotr, ...set(v(d)),
    ...get(v(c)), ...get(v(d)), op.i64Add, ...set(v(c)),
    ...get(v(b)), ...get(v(c)), op.i64Xor, ...i64(BigInt(second)), op.i64Rotr, ...set(v(b)),
  ];
  return [...half(x, 32, 24), ...half(y, 16, 63)];
}

/** The compression function F over the 128-byte block at `block`, `bytes` hashed so far with it, the last one if `last`. */
function compressCode(): number[] {
  const code: number[] = [];
  for (let i = 0; i < 16; i++) code.push(...get(BLOCK_PARAM), ...load(8 * i), ...set(m(i)));
  for (let i = 0; i < 8; i++) code.push(...i32(0), ...load(H_AT + 8 * i), ...set(v(i)));
  IV.forEach((word, i) => code.push(...i64(word), ...set(v(8 + i))));
  // The counter's low word (no message here reaches 2^32 bytes, so its high word stays 0); the last block inverts v14.
  code.push(...get(v(12)), ...get(BYTES_PARAM), op.i64ExtendI32U, op.i64Xor, ...set(v(12)));
  code.push(...get(v(14)), ...i64(-1n), op.i64Xor, ...get(v(14)), ...get(LAST_PARAM), op.select, ...set(v(14)));
  for (let round = 0; round < 12; round++) {
    const s = SIGMA[round % 10] as number[];
    STEPS.forEach((words, step) => code.push(...mix(words, s[2 * step] as number, s[2 * step + 1] as number)));
  }
  for (let i = 0; i < 8; i++) {
    code.push(...i32(0), ...i32(0), ...load(H_AT + 8 * i), ...get(v(i)), op.i64Xor, ...get(v(8 + i)), op.i64Xor, ...store(H_AT + 8 * i));
  }
  return code;
}

/** blocks(at, count, bytes): compresses `count` blocks from `at`, none of them the last, `bytes` hashed before them. */
function blocksCode(): number[] {
  const [at, count, bytes] = [0, 1, 2];
  return [
    op.block, op.noResult,
    op.loop, op.noResult,
    ...get(count), op.i32Eqz, op.brIf, 1,
    ...get(bytes), ...i32(BLOCK), op.i32Add, ...set(bytes),
    ...get(at), ...get(bytes), ...i32(0), op.call, 0,
    ...get(at), ...i32(BLOCK), op.i32Add, ...set(at),
    ...get(count), ...i32(1), op.i32Sub, ...set(count),
    op.br, 0,
    op.end,
    op.end,
  ];
}

let compiled: object | undefined;

function blake2bModule(): object {
  compiled ??= new Module(
    wasmModule(
      [
        { name: 'compress', params: [I32, I32, I32], locals: Array<number>(32).fill(I64), code: compressCode() },
        { name: 'blocks', params: [I32, I32, I32], locals: [], code: blocksCode() },
      ],
      1,
    ),
  );
  return compiled;
}

interface Blake2bExports {
  memory: WasmMemory;
  compress(block: number, bytes: number, last: number): void;
  blocks(at: number, count: number, bytes: number): void;
}

/** h for a 32-byte digest without a key: the IV with its first word mixed with the parameter block 0x01010020. */
const INITIAL_H = (() => {
  const words = new BigUint64Array(IV);
  words[0] = (words[0] as bigint) ^ 0x01010020n;
  return new Uint8Array(words.buffer);
})();

/**
 * BLAKE2b-256 in this file's WebAssembly: each update is copied into the module's memory and the digest hashes it
 * there. Synchronous to make (the module is small), one instance per thread that hashes.
 */
export class WasmBlake2b256 implements Blake2b256 {
  readonly #exports: Blake2bExports;
  #memory: Uint8Array;
  #length = 0;

  constructor() {
    this.#exports = new Instance(blake2bModule()).exports as Blake2bExports;
    this.#memory = new Uint8Array(this.#exports.memory.buffer);
  }

  init(): this {
    this.#length = 0;
    return this;
  }

  update(data: Uint8Array | string): this {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // Room for the message rounded up to whole blocks, as the last one is padded with zeros where it lies.
    this.#room(MESSAGE_AT + this.#length + bytes.length + BLOCK);
    this.#memory.set(bytes, MESSAGE_AT + this.#length);
    this.#length += bytes.length;
    return this;
  }

  digest(outputType: 'binary'): Uint8Array;
  digest(outputType: 'hex'): string;
  digest(outputType: 'binary' | 'hex'): Uint8Array | string {
    const memory = this.#memory;
    const length = this.#length;
    memory.set(INITIAL_H, H_AT);
    // Every block but the last is compressed as it is; the last (empty for an empty message) is padded with zeros.
    const before = length === 0 ? 0 : Math.ceil(length / BLOCK) - 1;
    this.#exports.blocks(MESSAGE_AT, before, 0);
    const last = MESSAGE_AT + before * BLOCK;
    memory.fill(0, MESSAGE_AT + length, last + BLOCK);
    this.#exports.compress(last, length, 1);
    const digest = memory.slice(H_AT, H_AT + 32);
    return outputType === 'hex' ? Buffer.from(digest.buffer).toString('hex') : digest;
  }

  #room(bytes: number): void {
    const memory = this.#exports.memory;
    if (bytes <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    this.#memory = new Uint8Array(memory.buffer);
  }
}
