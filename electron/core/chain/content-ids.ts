import { createBLAKE2b, type IHasher } from 'hash-wasm';
import { AppError } from '../errors/app-error';
import { IdBytes } from '../transactions/id-bytes';
import type { ChainTransaction } from './chain-source';

const short = (id: string) => `${id.slice(0, 12)}…`;
function refused(what: string): AppError {
  return new AppError(
    'chain-response-invalid',
    `The chain source sent ${what}: nothing of it was stored.`,
    'The node, or something between it and this computer, changed its answer. Use another node you trust, then sync again.',
  );
}

/**
 * Recomputes ids from content, as the chain defines them (IdBytes), hashed with BLAKE2b-256 in WebAssembly: the sync
 * checks every transaction of its LETS, 100 000 of them in a long history, and Fleet's serializer with a JavaScript
 * BLAKE2b takes 0.4 ms each, this about 36 µs.
 */
export class ContentIds {
  private constructor(private readonly hasher: IHasher) {}

  static async create(): Promise<ContentIds> {
    return new ContentIds(await createBLAKE2b(256));
  }

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
   * Refuses a transaction whose id or output box ids are not those of its content: a register, a value or a token
   * changed in transit, or an id made up, no longer matches, whatever the source claims.
   */
  require(tx: ChainTransaction): void {
    const { transactionId, boxIds } = this.ids(tx);
    if (transactionId !== tx.id.toLowerCase()) throw refused(`a transaction whose content does not match its id (${short(tx.id)})`);
    tx.outputs.forEach((output, index) => {
      if (output.transactionId !== tx.id || output.index !== index || boxIds[index] !== output.boxId.toLowerCase()) {
        throw refused(`a box whose content does not match its id (${short(output.boxId)}, output ${index} of ${short(tx.id)})`);
      }
    });
  }
}

let shared: Promise<ContentIds> | undefined;

/** The checker, made once per process (its WebAssembly is compiled on first use). */
export function contentIds(): Promise<ContentIds> {
  shared ??= ContentIds.create();
  return shared;
}
