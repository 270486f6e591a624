import type { Blake2b256 } from './blake2b';
import type { AppError } from '../errors/app-error';
import { refusedAnswer, shortId } from './refused-answer';
import { IdBytes } from '../transactions/id-bytes';
import type { ChainTransaction } from './chain-source';


/**
 * Recomputes ids from content, as the chain defines them (IdBytes): the sync checks every transaction it reads, 100 000
 * of them in a long history, and Fleet's serializer with a JavaScript BLAKE2b takes 0.4 ms each, this with BLAKE2b-256
 * in WebAssembly (blake2b.ts) about 36 µs.
 */
export class ContentIds {
  constructor(private readonly hasher: Blake2b256) {}

  readonly #bytes = new IdBytes();

  #hash(bytes: Uint8Array): string {
    return this.hasher.init().update(bytes).digest('hex');
  }

  /** The transaction's id and its outputs' ids, from their content alone. */
  ids(tx: ChainTransaction): { transactionId: string; boxIds: string[] } {
    const transactionId = this.#hash(this.#bytes.transaction(tx.inputs, tx.dataInputs, tx.outputs));
    return { transactionId, boxIds: tx.outputs.map((output, index) => this.#hash(this.#bytes.box(output, transactionId, index))) };
  }

  /**
   * Why a transaction's id or output box ids are not those of its content, or undefined when they are: a register, a
   * value or a token changed in transit, or an id made up, no longer matches, whatever the source claims.
   */
  problem(tx: ChainTransaction): AppError | undefined {
    const { transactionId, boxIds } = this.ids(tx);
    if (transactionId !== tx.id.toLowerCase()) return contentMismatch(tx.id);
    const wrong = tx.outputs.findIndex((output, index) => output.transactionId !== tx.id || output.index !== index || boxIds[index] !== output.boxId.toLowerCase());
    const output = tx.outputs[wrong];
    return output && refusedAnswer(`a box whose content does not match its id (${shortId(output.boxId)}, output ${wrong} of ${shortId(tx.id)})`);
  }

  /** Refuses a transaction whose ids are not those of its content (see problem). */
  require(tx: ChainTransaction): void {
    const problem = this.problem(tx);
    if (problem) throw problem;
  }
}

/** The refusal of a transaction whose content does not give its id. */
export const contentMismatch = (transactionId: string): AppError => refusedAnswer(`a transaction whose content does not match its id (${shortId(transactionId)})`);
