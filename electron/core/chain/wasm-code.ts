/*
 * Just enough of WebAssembly's binary format (https://webassembly.github.io/spec/core/binary/) to write a small module
 * in TypeScript: one memory, functions of i32 and i64 parameters, their code as bytes. The chain checks' BLAKE2b
 * (blake2b-wasm.ts) is written with it, so the app ships no compiled binary it could not rebuild from its source.
 */

export const I32 = 0x7f;
export const I64 = 0x7e;

/** The instructions the BLAKE2b program uses, by their opcodes. */
export const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  i64Load: 0x29,
  i64Store: 0x37,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i64Add: 0x7c,
  i64Xor: 0x85,
  i64Rotr: 0x8a,
  i64ExtendI32U: 0xad,
  /** A block or loop that leaves nothing on the stack. */
  noResult: 0x40,
} as const;

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);
  return bytes;
}

/** Signed LEB128 of a 64-bit two's-complement value, as i32.const and i64.const take it. */
export function sleb(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = BigInt.asIntN(64, value);
  for (;;) {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    const done = (rest === 0n && (low & 0x40) === 0) || (rest === -1n && (low & 0x40) !== 0);
    bytes.push(done ? low : low | 0x80);
    if (done) return bytes;
  }
}

const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, items: number[][]): number[] => {
  const content = vector(items);
  return [id, ...uleb(content.length), ...content];
};
const name = (text: string): number[] => vector([...Buffer.from(text, 'utf8')].map((byte) => [byte]));

export interface WasmFunction {
  name: string;
  params: number[];
  /** Types of the locals after the parameters. */
  locals: number[];
  code: number[];
}

/** A module of `functions` (exported by name, callable by their order) and one memory of `pages` × 64 KiB, exported as "memory". */
export function wasmModule(functions: readonly WasmFunction[], pages: number): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((type) => [type])), 0]);
  const bodies = functions.map((f) => {
    const body = [...vector(f.locals.map((type) => [1, type])), ...f.code, op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(3, functions.map((_, index) => uleb(index))),
    ...section(5, [[0x00, ...uleb(pages)]]),
    ...section(7, [[...name('memory'), 0x02, 0], ...functions.map((f, index) => [...name(f.name), 0x00, ...uleb(index)])]),
    ...section(10, bodies),
  ]);
}
