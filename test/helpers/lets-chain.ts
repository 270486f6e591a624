import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { serializeBox } from '@fleet-sdk/serializer';
import { BLOCKCHAIN_PARAMETERS, execute, MockChain, mockBlockchainStateContext, mockUTxO, type KeyedMockChainParty } from '@fleet-sdk/mock-chain';
import { createdBoxes } from '../../electron/core/builders/created-boxes';

export type Submission = { accepted: true } | { accepted: false; reason: string };

/**
 * Why the chain said no, so an attack test fails if the transaction dies for an incidental reason:
 * a contract evaluated to false, a contract aborted (e.g. Long overflow), a required signature could not
 * be produced by the signers, an input was already spent, or one of the node's own rules that the devnet also
 * applies (transaction-rules.ts): ERG in ≠ ERG out, a token created out of nothing, a box below the minimum value.
 */
export type Rejection = 'contract-false' | 'contract-error' | 'signature-missing' | 'input-spent' | 'erg-not-conserved' | 'token-created' | 'box-below-minimum';

export function rejection(submission: Submission): Rejection | 'accepted' | `unexpected: ${string}` {
  if (submission.accepted) return 'accepted';
  const { reason } = submission;
  if (reason.includes('Script reduced to false')) return 'contract-false';
  if (/ArithmeticException|NoSuchElementException|IndexOutOfBoundsException|InvalidType/.test(reason)) return 'contract-error';
  if (reason.includes('Tree root should be real')) return 'signature-missing';
  if (reason.includes('is not unspent')) return 'input-spent';
  if (reason.startsWith('ERG not conserved')) return 'erg-not-conserved';
  if (reason.includes('is created out of nothing')) return 'token-created';
  if (reason.includes('below the minimum box value')) return 'box-below-minimum';
  return `unexpected: ${reason}`;
}

/** Mainnet `minValuePerByte`, as the devnet and a node apply it (rule txDust). */
const MIN_VALUE_PER_BYTE = 360n;

/**
 * The node rules the interpreter does not apply, checked as the devnet checks them (electron/core/devnet/
 * transaction-rules.ts): mock-chain's `execute` reduces and signs and never compares ERG in and out or box sizes, so
 * without these an attack could pay itself ERG out of nothing or leave a dust box and still be "accepted"; a token
 * minted under a foreign id would die in sigmastate's reduce with a TokenBalanceException that no Rejection names.
 */
function nodeRuleViolation(tx: EIP12UnsignedTransaction, inputs: Box<Amount>[]): string | undefined {
  const ergIn = inputs.reduce((sum, box) => sum + BigInt(box.value), 0n);
  const ergOut = tx.outputs.reduce((sum, box) => sum + BigInt(box.value), 0n);
  if (ergIn !== ergOut) return `ERG not conserved: ${ergIn} nanoERG in, ${ergOut} out`;
  const available = new Map<string, bigint>();
  for (const token of inputs.flatMap((box) => box.assets)) available.set(token.tokenId, (available.get(token.tokenId) ?? 0n) + BigInt(token.amount));
  const created = new Map<string, bigint>();
  for (const token of tx.outputs.flatMap((box) => box.assets)) created.set(token.tokenId, (created.get(token.tokenId) ?? 0n) + BigInt(token.amount));
  for (const [tokenId, amount] of created) {
    // The one token a transaction may mint has the first input's box id.
    if (tokenId !== inputs[0]?.boxId && amount > (available.get(tokenId) ?? 0n)) return `token ${tokenId} is created out of nothing`;
  }
  for (const [index, box] of createdBoxes(tx).entries()) {
    const minimum = BigInt(serializeBox(box).toBytes().length) * MIN_VALUE_PER_BYTE;
    if (BigInt(box.value) < minimum) return `output ${index + 1} holds ${box.value} nanoERG, below the minimum box value of ${minimum}`;
  }
  return undefined;
}

/**
 * A tiny ledger around the real interpreter. mock-chain's `execute` runs every input's script through
 * sigmastate-js (and checks token balance), but it neither keeps a UTxO set nor derives real box ids, so
 * this keeps one: inputs must be unspent, outputs are stored under the ids the chain would give them. The node's
 * value rules (ERG conserved, no token out of nothing, minimum box value) are checked first, as a node does.
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
    // The stored boxes, not the copies the transaction carries: those are the boxes the chain holds.
    const violation = nodeRuleViolation(tx, tx.inputs.map((input) => this.#unspent.get(input.boxId) as Box<Amount>));
    if (violation) return { accepted: false, reason: violation };
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
