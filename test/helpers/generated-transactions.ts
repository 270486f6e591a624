import { FEE_CONTRACT, RECOMMENDED_MIN_FEE_VALUE } from '@fleet-sdk/core';
import { blake2b256 } from '@fleet-sdk/crypto';
import type { ChainBox, ChainInput, ChainTransaction } from '../../electron/core/chain/chain-source';
import { boxIdOf, transactionId } from '../../electron/core/transactions/transaction-bytes';

/*
 * What the generated histories (generated-trades.ts, generated-traffic.ts) share: a seeded pseudo-random source, random
 * bytes where a Schnorr proof would be, plain and fee outputs, and a transaction made whole with its real id and its
 * boxes' real ids. Such transactions go onto the devnet with DevnetChain.appendPrevalidatedBlock, without the
 * interpreter: the proofs would not verify.
 */

/** mulberry32: small, fast and good enough to pick trades and payments. */
export function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/*
 * Hex is written here with Buffer, as one flat string. A string built by appending two characters at a time (as
 * @fleet-sdk/crypto's hex.encode builds one) is kept by V8 as a rope of some 30 pieces until something reads it whole:
 * about 1 KB for a 64-character id instead of 80 bytes, which for the ids and proofs of a million transactions is GBs.
 */
function flatHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** `length` pseudo-random bytes as hex. */
export function randomHex(random: () => number, length: number): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return flatHex(bytes);
}

/** 56 bytes: the size of a proveDlog proof (a 24-byte challenge and a 32-byte response). */
export function proofBytes(random: () => number): string {
  return randomHex(random, 56);
}

/** An output before its transaction is known. */
export type GeneratedOutput = Omit<ChainBox, 'boxId' | 'transactionId' | 'index'>;

/** Shared by every box without tokens or registers, and every input without an extension: nothing mutates a box once it is on the chain, and a million of them add up. */
export const NO_ASSETS: ChainBox['assets'] = Object.freeze([]) as unknown as ChainBox['assets'];
export const NO_REGISTERS: ChainBox['additionalRegisters'] = Object.freeze({});
export const NO_EXTENSION: Record<string, string> = Object.freeze({});

/** A box of coins alone under `ergoTree` (a wallet's, a miner's). */
export function plainOutput(ergoTree: string, value: bigint, height: number): GeneratedOutput {
  return { value, ergoTree, creationHeight: height, assets: NO_ASSETS, additionalRegisters: NO_REGISTERS };
}

/** The miner's fee box every wallet transaction pays: RECOMMENDED_MIN_FEE_VALUE (0.0011 ERG) under FEE_CONTRACT. */
export function feeOutput(height: number): GeneratedOutput {
  return plainOutput(FEE_CONTRACT, RECOMMENDED_MIN_FEE_VALUE, height);
}

/*
 * BLAKE2b-256 as the app hashes (@fleet-sdk/crypto, as transaction-bytes.ts does), the digest written as flat hex.
 * Every generated id is compared with the app's own (transaction-bytes.ts) for the first CHECKED transactions.
 */
function blake2b(data: Uint8Array): string {
  return flatHex(blake2b256(data));
}

/*
 * The bytes a transaction's id and its boxes' ids hash, written here into one reused buffer rather than by
 * transaction-bytes.ts: fleet's serializer allocates (and zeroes) 100 KB for every transaction and 4 KB for every box,
 * which for a million transactions adds up. The layout is the same (ergo's ErgoTransaction and ErgoBox serializers):
 * the first CHECKED transactions are compared with transactionId and boxIdOf, so that a generated history of any kind
 * of transaction starts with every kind checked.
 */
const REGISTERS = ['R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const;
/** Trees are few and written again and again: their bytes are kept, up to this many trees. */
const MAX_KEPT_TREES = 100_000;

class ByteWriter {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private cursor = 0;
  private readonly trees = new Map<string, Buffer>();

  reset(): this {
    this.cursor = 0;
    return this;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.cursor);
  }

  private room(length: number): void {
    if (this.cursor + length <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(2 * (this.cursor + length));
    this.buffer.copy(larger, 0, 0, this.cursor);
    this.buffer = larger;
  }

  byte(value: number): this {
    this.room(1);
    this.buffer[this.cursor++] = value;
    return this;
  }

  /** An unsigned VLQ: 7 bits a byte, lowest first. */
  vlq(value: number | bigint): this {
    if (value < 0) throw new RangeError('a VLQ is never negative');
    if (typeof value === 'bigint' && value > BigInt(Number.MAX_SAFE_INTEGER)) {
      let rest = value;
      do {
        const low = Number(rest & 0x7fn);
        rest >>= 7n;
        this.byte(rest > 0n ? low | 0x80 : low);
      } while (rest > 0n);
      return this;
    }
    let rest = Number(value);
    do {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      this.byte(rest > 0 ? low | 0x80 : low);
    } while (rest > 0);
    return this;
  }

  hex(value: string): this {
    this.room(value.length / 2);
    this.cursor += this.buffer.write(value, this.cursor, 'hex');
    return this;
  }

  tree(ergoTree: string): this {
    let bytes = this.trees.get(ergoTree);
    if (bytes === undefined) {
      bytes = Buffer.from(ergoTree, 'hex');
      if (this.trees.size < MAX_KEPT_TREES) this.trees.set(ergoTree, bytes);
    }
    this.room(bytes.length);
    this.cursor += bytes.copy(this.buffer, this.cursor);
    return this;
  }

  /** A box's fields up to its registers; its tokens by id, or by their index among the transaction's distinct ids. */
  candidate(box: GeneratedOutput, tokenIds?: Map<string, number>): this {
    this.vlq(box.value).tree(box.ergoTree).vlq(box.creationHeight).vlq(box.assets.length);
    for (const { tokenId, amount } of box.assets) {
      if (tokenIds) this.vlq(tokenIds.get(tokenId) as number);
      else this.hex(tokenId);
      this.vlq(amount);
    }
    const registers = box.additionalRegisters;
    let count = 0;
    for (const key of REGISTERS) if (registers[key]) count++;
    this.vlq(count);
    for (const key of REGISTERS) if (registers[key]) this.hex(registers[key]);
    return this;
  }
}

const writer = new ByteWriter();

/** What transaction-bytes.ts bytesToSign serializes: the inputs without proofs, the data inputs, the distinct token ids, the outputs. */
function unsignedTransactionBytes(inputs: readonly ChainInput[], outputs: readonly GeneratedOutput[]): Uint8Array {
  writer.reset().vlq(inputs.length);
  for (const { boxId, extension } of inputs) {
    const entries = extension === NO_EXTENSION ? [] : Object.entries(extension).filter(([, value]) => value);
    writer.hex(boxId).byte(0).vlq(entries.length);
    for (const [key, value] of entries) writer.vlq(Number(key)).hex(value);
  }
  const tokenIds = new Map<string, number>();
  for (const box of outputs) for (const { tokenId } of box.assets) if (!tokenIds.has(tokenId)) tokenIds.set(tokenId, tokenIds.size);
  writer.vlq(0).vlq(tokenIds.size);
  for (const tokenId of tokenIds.keys()) writer.hex(tokenId);
  writer.vlq(outputs.length);
  for (const box of outputs) writer.candidate(box, tokenIds);
  return writer.bytes();
}

/** Generated transactions whose ids are compared with transaction-bytes.ts before the rest are trusted. */
const CHECKED = 2_000;
let checked = 0;

/** The transaction spending `inputs` into `outputs`, with its id (over the inputs without proofs) and its boxes' ids. */
export function generatedTransaction(inputs: ChainInput[], outputs: readonly GeneratedOutput[]): ChainTransaction {
  const id = blake2b(unsignedTransactionBytes(inputs, outputs));
  const tx: ChainTransaction = {
    id,
    inputs,
    dataInputs: [],
    outputs: outputs.map(({ value, ergoTree, creationHeight, assets, additionalRegisters }, index) => {
      const candidate = { value, ergoTree, creationHeight, assets, additionalRegisters };
      const boxId = blake2b(writer.reset().candidate(candidate).hex(id).vlq(index).bytes());
      return { boxId, transactionId: id, index, value, ergoTree, creationHeight, assets, additionalRegisters };
    }),
  };
  if (checked < CHECKED) {
    checked++;
    const unsigned = { inputs: inputs.map(({ boxId, extension }) => ({ boxId, extension })), dataInputs: [], outputs } as never;
    if (id !== transactionId(unsigned) || tx.outputs.some((box) => box.boxId !== boxIdOf(box))) throw new Error('generated ids differ from transaction-bytes.ts');
  }
  return tx;
}
