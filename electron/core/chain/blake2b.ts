import { WasmBlake2b256 } from './blake2b-wasm';

/**
 * BLAKE2b-256, Ergo's hash for every id, Merkle tree and proof of work, as the checks use it: reset, feed, digest.
 * Node's crypto cannot give it (OpenSSL 3.0 has BLAKE2b-512 only, and its output length is part of the hash).
 */
export interface Blake2b256 {
  init(): Blake2b256;
  update(data: Uint8Array | string): Blake2b256;
  digest(outputType: 'binary'): Uint8Array;
  digest(outputType: 'hex'): string;
}

/** A hasher of its own (blake2b-wasm.ts): one for each user that keeps one, as a hash is fed in several calls. */
export const blake2b256 = (): Blake2b256 => new WasmBlake2b256();
