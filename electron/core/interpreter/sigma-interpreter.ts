import type { EIP12UnsignedTransaction, TokenAmount } from '@fleet-sdk/common';
import { utxoDiff, utxoSum } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { Address$, GroupElement$, ProverBuilder$, SigmaPropVerifier$, type BlockchainStateContext, type SigmaProp, type SigmaPropVerifier, type SigmaProver } from 'sigmastate-js/main';

/*
 * The one door to the real ErgoScript interpreter (sigmastate-js, the Scala interpreter the node runs, compiled
 * to JS). Reduction evaluates an input's script in its transaction down to the sigma proposition still to be
 * proven; verification checks a proof of that proposition over the transaction's bytes. Preflight, the devnet
 * and the signers all go through here, so "what the chain would accept" has exactly one definition.
 */

// Mainnet parameters: they only price the evaluation, and our contracts are far below every limit.
export const PARAMETERS = {
  storageFeeFactor: 1_250_000,
  minValuePerByte: 360,
  maxBlockSize: 1_271_009,
  tokenAccessCost: 100,
  inputCost: 2_407,
  dataInputCost: 100,
  outputCost: 197,
  maxBlockCost: 8_001_091,
  softForkStartingHeight: undefined,
  softForkVotesCollected: undefined,
  blockVersion: 3,
};
const MAINNET_PREFIX = 0;
const SECP256K1_GENERATOR = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

export const TRUE_TREE = '0008d3';
export const FALSE_TREE = '0008d2';

export interface NextBlock {
  /** Height of the block the transaction would be included in (tip height + 1). */
  height: number;
  parentId?: string;
  timestamp?: bigint;
}

/**
 * The context a script sees: the pre-header of the block that would include the transaction. Our contracts read
 * HEIGHT but no past headers, so none are supplied; a script that reads them fails here, which is the safe side.
 */
export function blockContext(next: NextBlock): BlockchainStateContext {
  return {
    sigmaLastHeaders: [],
    previousStateDigest: '00'.repeat(33),
    sigmaPreHeader: {
      version: PARAMETERS.blockVersion,
      parentId: next.parentId ?? '00'.repeat(32),
      timestamp: next.timestamp ?? 0n,
      nBits: 0n,
      height: next.height,
      minerPk: GroupElement$.fromPointHex(SECP256K1_GENERATOR),
      votes: '000000',
    },
  };
}

let reducer: SigmaProver | undefined;

/** A prover holding no secrets: reduction needs none, and nothing here may ever sign. */
function secretlessProver(): SigmaProver {
  reducer ??= ProverBuilder$.create(PARAMETERS, MAINNET_PREFIX).build();
  return reducer;
}

/** Tokens the transaction destroys, excluding a token it mints (whose id is the first input's box id). */
function burnedTokens(tx: EIP12UnsignedTransaction): TokenAmount<bigint>[] {
  const firstInput = tx.inputs[0]?.boxId;
  return utxoDiff(utxoSum(tx.inputs), utxoSum(tx.outputs)).tokens.filter((t) => t.tokenId !== firstInput);
}

export interface InputReduction {
  /** The proposition as an ErgoTree hex: TRUE_TREE, FALSE_TREE, a P2PK tree (0008cd + key) or something compound. */
  tree: string;
  proposition: SigmaProp;
}

/** Evaluates input `index`'s script; throws the interpreter's own error when the script fails outright. */
export function reduceInput(tx: EIP12UnsignedTransaction, index: number, next: NextBlock): InputReduction {
  // sigmastate-js bundles its own (older) @fleet-sdk/common typings; the EIP-12 shapes are the same.
  const reduced = secretlessProver().reduceTransactionInput(blockContext(next), tx as never, tx.inputs as never, tx.dataInputs as never, burnedTokens(tx) as never, index);
  const proposition = reduced.reductionResult.value;
  return { tree: Address$.fromSigmaProp(proposition, MAINNET_PREFIX).toErgoTree().toHex(), proposition };
}

/**
 * The transaction reduced (EIP-43 ReducedTransaction, as hex): every input's script evaluated down to the sigma
 * proposition its signer must prove, so a wallet without the chain's context (a phone scanning an ErgoPay QR code)
 * can sign it. The signatures cover the same bytes as the unsigned transaction's, so its id does not change.
 */
export function reduceTransaction(tx: EIP12UnsignedTransaction, next: NextBlock): string {
  return secretlessProver().reduce(blockContext(next), tx as never, tx.inputs as never, tx.dataInputs as never, burnedTokens(tx) as never, 0).toHex();
}

/** True when `proofHex` proves `proposition` over `message` (a transaction's bytes to sign). */
export function verifyProof(proposition: SigmaProp, message: Uint8Array, proofHex: string): boolean {
  // The .d.ts declares the companion as a class; at run time it is a Scala.js object with create().
  const verifier = (SigmaPropVerifier$ as unknown as { create(): SigmaPropVerifier }).create();
  return verifier.verifySignature(proposition, Int8Array.from(message), Int8Array.from(hex.decode(proofHex)));
}

/**
 * Whether `proofHex` satisfies input `index` of `tx` as the chain would judge it: the input's script is reduced in
 * the transaction's context first, so contract boxes (whose proposition depends on the outputs) are checked too.
 */
export function provesInput(tx: EIP12UnsignedTransaction, index: number, next: NextBlock, message: Uint8Array, proofHex: string): boolean {
  const { tree, proposition } = reduceInput(tx, index, next);
  if (tree === FALSE_TREE) return false;
  return tree === TRUE_TREE || verifyProof(proposition, message, proofHex);
}
