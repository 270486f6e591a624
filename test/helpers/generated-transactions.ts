import { FEE_CONTRACT, RECOMMENDED_MIN_FEE_VALUE } from '@fleet-sdk/core';
import { blake2b256 } from '@fleet-sdk/crypto';
import type { ChainBox, ChainInput, ChainTransaction } from '../../electron/core/chain/chain-source';
import { IdBytes } from '../../electron/core/transactions/id-bytes';
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

/** The bytes ids hash, as the mirror writes them to check ids (transactions/id-bytes.ts), reused buffer and all. */
const idBytes = new IdBytes();

/** Generated transactions whose ids are compared with transaction-bytes.ts before the rest are trusted. */
const CHECKED = 2_000;
let checked = 0;

/** The transaction spending `inputs` into `outputs`, with its id (over the inputs without proofs) and its boxes' ids. */
export function generatedTransaction(inputs: ChainInput[], outputs: readonly GeneratedOutput[]): ChainTransaction {
  const id = blake2b(idBytes.transaction(inputs, [], outputs));
  const tx: ChainTransaction = {
    id,
    inputs,
    dataInputs: [],
    outputs: outputs.map(({ value, ergoTree, creationHeight, assets, additionalRegisters }, index) => {
      const candidate = { value, ergoTree, creationHeight, assets, additionalRegisters };
      const boxId = blake2b(idBytes.box(candidate, id, index));
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
