import { ByteWriter, writeTransaction } from '../transactions/id-bytes';
import { HeaderCheck } from './autolykos';
import type { Blake2b256 } from './blake2b';
import type { ChainHeader, ChainTransaction } from './chain-source';
import type { Network } from './difficulty';
import { INITIAL_VERSION } from './header-bytes';
import { bytesOfHex, DIGEST_BYTES, Merkle, sameBytes } from './merkle';

/*
 * A batch of blocks as the checks thread (checks-worker.ts) takes it: the headers as they are (a few fields each), and
 * of every transaction only the bytes its ids hash, written into one buffer the sync hands over without copying. The
 * thread does the hashing, which is most of what checking costs, while the sync writes the batch before; it answers
 * which header, root or transaction failed, and the sync checks that block again itself to say why (chain-checks.ts).
 */

/** What the checks thread is sent. `counts` is null where the transactions are checked elsewhere (an index catch-up). */
export interface PackedBlocks {
  headers: ChainHeader[];
  /** How many transactions each block has in `bytes`. */
  counts: number[] | null;
  /**
   * Per transaction: its id bytes' length (uint32) and the bytes, its id (32 bytes), its proofs' length and bytes, where
   * its token ids start in its id bytes, how many outputs it has and, per output, its four places in them (writeTransaction's
   * marks) and its id.
   */
  bytes: ArrayBuffer;
}

/** The places of what failed: headers and roots by block, transactions by block and position, boxes by output too. */
export interface PackedVerdict {
  headers: number[];
  roots: number[];
  transactions: [block: number, position: number][];
  boxes: [block: number, position: number, output: number][];
}

const writer = new ByteWriter();

/**
 * Packs blocks for the checks thread; throws a TypeError if an id or proof is not hexadecimal, which the sync's own
 * checks then refuse in words.
 */
export function packBlocks(blocks: readonly { header: ChainHeader; transactions: readonly ChainTransaction[] }[]): PackedBlocks {
  const w = writer.reset();
  const marks: number[] = [];
  for (const { transactions } of blocks) {
    for (const tx of transactions) {
      const idLengthAt = w.length;
      marks.length = 0;
      writeTransaction(w.skip(4), tx.inputs, tx.dataInputs, tx.outputs, marks);
      const idStart = idLengthAt + 4;
      w.uint32(w.length - idStart, idLengthAt);
      w.hex(requireDigest(tx.id));
      const proofsLengthAt = w.length;
      w.skip(4);
      for (const { proofBytes } of tx.inputs) w.hexOnce(proofBytes);
      w.uint32(w.length - proofsLengthAt - 4, proofsLengthAt);
      // Where the token ids start, then per output its four places and its id.
      w.uint32((marks[0] as number) - idStart).uint32(tx.outputs.length);
      tx.outputs.forEach((output, index) => {
        // A box that names another transaction or place than its own is refused in words by the sync's own checks.
        if (output.transactionId !== tx.id || output.index !== index) throw new TypeError(`box ${output.boxId} is not output ${index} of ${tx.id}`);
        for (let mark = 1 + 4 * index; mark < 5 + 4 * index; mark++) w.uint32((marks[mark] as number) - idStart);
        w.hex(requireDigest(output.boxId));
      });
    }
  }
  // A copy of its own, so the buffer can be handed over while the writer is used again.
  const bytes = new Uint8Array(w.bytes).buffer;
  return { headers: blocks.map((block) => block.header), counts: blocks.map((block) => block.transactions.length), bytes };
}

function requireDigest(id: string): string {
  if (id.length !== 2 * DIGEST_BYTES) throw new TypeError(`not an id: ${id.slice(0, 80)}`);
  return id;
}

/** Headers alone, for the thread to check their ids and proofs of work. */
export const packHeaders = (headers: readonly ChainHeader[]): PackedBlocks => ({ headers: [...headers], counts: null, bytes: new ArrayBuffer(0) });

/** What the checks thread runs: the hashing half of ChainChecks, answering places rather than refusals. */
export class PackedChecks {
  readonly #headers: HeaderCheck;
  readonly #merkle: Merkle;
  readonly #boxBytes = new BoxBytes();

  constructor(hasher: Blake2b256) {
    this.#headers = new HeaderCheck(hasher);
    this.#merkle = new Merkle(hasher);
  }

  check({ headers, counts, bytes }: PackedBlocks, network: Network): PackedVerdict {
    const verdict: PackedVerdict = { headers: [], roots: [], transactions: [], boxes: [] };
    headers.forEach((header, block) => {
      try {
        this.#headers.checkOnItsOwn(header, network);
      } catch {
        verdict.headers.push(block);
      }
    });
    if (counts === null) return verdict;
    const view = new DataView(bytes);
    const all = new Uint8Array(bytes);
    let at = 0;
    const take = (length: number) => all.subarray(at, (at += length));
    const uint32 = () => {
      const value = view.getUint32(at);
      at += 4;
      return value;
    };
    counts.forEach((count, block) => {
      const ids: Uint8Array[] = [];
      const witnessIds: Uint8Array[] = [];
      for (let position = 0; position < count; position++) {
        const content = take(uint32());
        const id = take(DIGEST_BYTES);
        if (!sameBytes(this.#merkle.hash(content), id)) verdict.transactions.push([block, position]);
        ids.push(id);
        witnessIds.push(this.#merkle.hash(take(uint32())).subarray(1));
        const tokenIds = uint32();
        const outputs = uint32();
        for (let output = 0; output < outputs; output++) {
          const places = [uint32(), uint32(), uint32(), uint32()] as const;
          const boxBytes = this.#boxBytes.of(content, tokenIds, places, id, output);
          if (!sameBytes(this.#merkle.hash(boxBytes), take(DIGEST_BYTES))) verdict.boxes.push([block, position, output]);
        }
      }
      const header = headers[block] as ChainHeader;
      const leaves = header.version === INITIAL_VERSION ? ids : ids.concat(witnessIds);
      const root = bytesOfHex(header.transactionsRoot);
      if (root === undefined || !sameBytes(this.#merkle.root(leaves), root)) verdict.roots.push(block);
    });
    return verdict;
  }
}

/**
 * An output's own bytes, as its box id hashes them (IdBytes.box), rebuilt from its transaction's id bytes: the same
 * head, each token by its id rather than its index in the transaction's list, the same registers, then the
 * transaction's id and the output's index.
 */
class BoxBytes {
  readonly #writer = new ByteWriter();

  of(tx: Uint8Array, tokenIds: number, [start, tokensStart, registersStart, registersEnd]: readonly [number, number, number, number], txId: Uint8Array, index: number): Uint8Array {
    const w = this.#writer.reset().raw(tx.subarray(start, tokensStart));
    const tokens = tx[tokensStart - 1] as number;
    let at = tokensStart;
    const vlqEnd = (from: number) => {
      let end = from;
      while (((tx[end] as number) & 0x80) !== 0) end++;
      return end + 1;
    };
    for (let token = 0; token < tokens; token++) {
      const indexEnd = vlqEnd(at);
      let tokenIndex = 0;
      for (let i = indexEnd - 1; i >= at; i--) tokenIndex = tokenIndex * 128 + ((tx[i] as number) & 0x7f);
      const amountEnd = vlqEnd(indexEnd);
      w.raw(tx.subarray(tokenIds + DIGEST_BYTES * tokenIndex, tokenIds + DIGEST_BYTES * (tokenIndex + 1))).raw(tx.subarray(indexEnd, amountEnd));
      at = amountEnd;
    }
    return w.raw(tx.subarray(registersStart, registersEnd)).raw(txId).vlq(index).bytes;
  }
}

export const passed = (verdict: PackedVerdict): boolean => verdict.headers.length + verdict.roots.length + verdict.transactions.length + verdict.boxes.length === 0;
