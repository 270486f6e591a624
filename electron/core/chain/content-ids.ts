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

  /** The transaction's id from its content alone (inputs, data inputs, every output). */
  transactionId(tx: Pick<ChainTransaction, 'inputs' | 'dataInputs' | 'outputs'>): string {
    return this.#hash(this.#bytes.transaction(tx.inputs, tx.dataInputs, tx.outputs));
  }

  /** The id of a box from its content, as output `index` of the transaction `transactionId`. */
  boxId(output: ChainTransaction['outputs'][number], transactionId: string, index: number): string {
    return this.#hash(this.#bytes.box(output, transactionId, index));
  }

  /**
   * Why a transaction's id is not that of its content, or undefined when it is: a register, a value or a token changed
   * in transit, or an id made up, no longer matches, whatever the source claims. The id covers every output's content.
   */
  transactionProblem(tx: ChainTransaction): AppError | undefined {
    return this.transactionId(tx) === tx.id.toLowerCase() ? undefined : contentMismatch(tx.id);
  }

  /**
   * Why the id of output `index` is not that of its content in `tx` (whose id is checked already), or undefined. The
   * sync asks it of the boxes it stores: the ids later transactions spend them by.
   */
  boxProblem(tx: ChainTransaction, index: number): AppError | undefined {
    const output = tx.outputs[index];
    if (output && output.transactionId === tx.id && output.index === index && this.boxId(output, tx.id.toLowerCase(), index) === output.boxId.toLowerCase()) return undefined;
    return refusedAnswer(`a box whose content does not match its id (${shortId(output?.boxId ?? '')}, output ${index} of ${shortId(tx.id)})`);
  }
}

/** The refusal of a transaction whose content does not give its id. */
export const contentMismatch = (transactionId: string): AppError => refusedAnswer(`a transaction whose content does not match its id (${shortId(transactionId)})`);
