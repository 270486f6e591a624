import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { BLOCKCHAIN_PARAMETERS, execute, MockChain, mockBlockchainStateContext, mockUTxO, type KeyedMockChainParty } from '@fleet-sdk/mock-chain';
import { createdBoxes } from '../../electron/core/builders/created-boxes';

export type Submission = { accepted: true } | { accepted: false; reason: string };

/**
 * Why the chain said no, so an attack test fails if the transaction dies for an incidental reason:
 * a contract evaluated to false, a contract aborted (e.g. Long overflow), a required signature could not
 * be produced by the signers, or an input was already spent.
 */
export type Rejection = 'contract-false' | 'contract-error' | 'signature-missing' | 'input-spent';

export function rejection(submission: Submission): Rejection | 'accepted' | `unexpected: ${string}` {
  if (submission.accepted) return 'accepted';
  const { reason } = submission;
  if (reason.includes('Script reduced to false')) return 'contract-false';
  if (/ArithmeticException|NoSuchElementException|IndexOutOfBoundsException|InvalidType/.test(reason)) return 'contract-error';
  if (reason.includes('Tree root should be real')) return 'signature-missing';
  if (reason.includes('is not unspent')) return 'input-spent';
  return `unexpected: ${reason}`;
}

/**
 * A tiny ledger around the real interpreter. mock-chain's `execute` runs every input's script through
 * sigmastate-js (and checks token balance), but it neither keeps a UTxO set nor derives real box ids, so
 * this keeps one: inputs must be unspent, outputs are stored under the ids the chain would give them.
 */
export class LetsTestChain {
  readonly mock = new MockChain({ height: 1_000 });
  readonly #unspent = new Map<string, Box<Amount>>();

  get height(): number {
    return this.mock.height;
  }

  /** A person with a key and a funded P2PK box. */
  wallet(name: string, nanoergs = 10_000_000_000n): KeyedMockChainParty {
    const party = this.mock.newParty(name);
    this.place(mockUTxO({ ergoTree: party.ergoTree, value: nanoergs, creationHeight: this.height }));
    return party;
  }

  /** Puts a box in the UTxO set as if an earlier transaction had created it (fixture set-up only). */
  place(box: Box<Amount>): Box<Amount> {
    this.#unspent.set(box.boxId, box);
    return box;
  }

  forget(boxId: string): void {
    this.#unspent.delete(boxId);
  }

  boxesAt(ergoTree: string): Box<Amount>[] {
    return [...this.#unspent.values()].filter((box) => box.ergoTree === ergoTree);
  }

  isUnspent(boxId: string): boolean {
    return this.#unspent.has(boxId);
  }

  submit(tx: EIP12UnsignedTransaction, signers: KeyedMockChainParty[]): Submission {
    const missing = tx.inputs.find((input) => !this.#unspent.has(input.boxId));
    if (missing) return { accepted: false, reason: `input ${missing.boxId} is not unspent` };
    const result = execute(structuredClone(tx), signers.map((party) => party.key), {
      context: mockBlockchainStateContext({
        headers: { quantity: 10, fromHeight: this.height, fromTimestamp: this.mock.timestamp },
      }),
      parameters: BLOCKCHAIN_PARAMETERS,
    });
    if (!result.success) return { accepted: false, reason: String(result.reason) };
    for (const input of tx.inputs) this.#unspent.delete(input.boxId);
    for (const box of createdBoxes(tx)) this.#unspent.set(box.boxId, box);
    this.mock.newBlock();
    return { accepted: true };
  }
}

export function publicKeyOf(party: KeyedMockChainParty): string {
  return hex.encode(party.key.publicKey);
}
