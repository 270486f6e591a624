/** Test-only byte helpers for the emulated Ergo app: a bounds-checked reader and Ergo's VLQ writer. */
export class StatusError extends Error {
  constructor(readonly status: number) {
    super(`status 0x${status.toString(16)}`);
  }
}

/** Thrown when the APDU payload is shorter or longer than the command requires (app: SW_BUFFER_ERROR). */
export const SW_BUFFER_ERROR = 0xe010;

export class ByteReader {
  #offset = 0;
  constructor(private readonly data: Buffer) {}

  get remaining(): number {
    return this.data.length - this.#offset;
  }

  bytes(length: number): Buffer {
    if (this.remaining < length) throw new StatusError(SW_BUFFER_ERROR);
    const slice = this.data.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }

  u8(): number {
    return this.bytes(1).readUInt8(0);
  }

  u16(): number {
    return this.bytes(2).readUInt16BE(0);
  }

  u32(): number {
    return this.bytes(4).readUInt32BE(0);
  }

  u64(): bigint {
    return this.bytes(8).readBigUInt64BE(0);
  }

  rest(): Buffer {
    return this.bytes(this.remaining);
  }

  /** BIP-32 path: count byte then big-endian indexes. */
  path(): number[] {
    const length = this.u8();
    return Array.from({ length }, () => this.u32());
  }

  end(): void {
    if (this.remaining !== 0) throw new StatusError(SW_BUFFER_ERROR);
  }
}

/** Unsigned LEB128 ("VLQ"), the integer encoding of Ergo's serializers. */
export function vlq(value: number | bigint): Buffer {
  let rest = BigInt(value);
  const out: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return Buffer.from(out);
}

export const HARDENED = 0x8000_0000;

export function pathToString(path: readonly number[]): string {
  return ['m', ...path.map((i) => (i >= HARDENED ? `${i - HARDENED}'` : `${i}`))].join('/');
}
