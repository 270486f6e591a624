import { blake2b } from '@noble/hashes/blake2';
import { createBLAKE2b } from 'hash-wasm';

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

/** In WebAssembly, about four times as fast as in JavaScript: the one the checks of a sync use. Compiled on creation. */
export const wasmBlake2b256 = (): Promise<Blake2b256> => createBLAKE2b(256);

/**
 * In JavaScript, ready at once: for the demo chain, which mines a block whenever asked, without waiting for
 * WebAssembly to compile.
 */
export function jsBlake2b256(): Blake2b256 {
  let state = blake2b.create({ dkLen: 32 });
  const hasher: Blake2b256 = {
    init() {
      state = blake2b.create({ dkLen: 32 });
      return hasher;
    },
    update(data) {
      state.update(typeof data === 'string' ? new TextEncoder().encode(data) : data);
      return hasher;
    },
    digest: ((outputType: 'binary' | 'hex') => {
      const bytes = state.digest();
      return outputType === 'hex' ? Buffer.from(bytes).toString('hex') : bytes;
    }) as Blake2b256['digest'],
  };
  return hasher;
}
