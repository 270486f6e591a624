import { blake2b } from '@noble/hashes/blake2';
import { describe, expect, it } from 'vitest';
import { blake2b256 } from '../../electron/core/chain/blake2b';

/** Another implementation to compare with: @noble/hashes, in JavaScript, written apart from ours. */
const reference = (bytes: Uint8Array) => Buffer.from(blake2b(bytes, { dkLen: 32 })).toString('hex');
const bytesOf = (length: number, seed: number) => new Uint8Array(length).map((_, i) => (i * 131 + seed * 7 + 1) & 0xff);

describe('BLAKE2b-256 in our WebAssembly', () => {
  const hasher = blake2b256();

  it('gives the standard digests of the empty message and of "abc"', () => {
    expect(hasher.init().digest('hex')).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
    expect(hasher.init().update('abc').digest('hex')).toBe('bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319');
  });

  it('agrees with another implementation on every length across the first five blocks', () => {
    for (let length = 0; length <= 5 * 128 + 1; length++) {
      const bytes = bytesOf(length, length);
      expect(Buffer.from(hasher.init().update(bytes).digest('binary')).toString('hex'), `${length} bytes`).toBe(reference(bytes));
    }
  });

  it('hashes a message fed in pieces as the whole, and one larger than its first memory', () => {
    const large = bytesOf(300_000, 3);
    const pieces = [0, 1, 127, 128, 129, 4_000, 65_536, 300_000];
    hasher.init();
    for (let i = 1; i < pieces.length; i++) hasher.update(large.subarray(pieces[i - 1], pieces[i]));
    expect(hasher.digest('hex')).toBe(reference(large));
    // And a short one after it, from the same memory: nothing of the long message is left in it.
    expect(hasher.init().update(bytesOf(5, 1)).digest('hex')).toBe(reference(bytesOf(5, 1)));
  });

  it('answers a digest of its own each time, which the next hash does not change', () => {
    const first = hasher.init().update(bytesOf(40, 1)).digest('binary');
    const copy = Buffer.from(first).toString('hex');
    hasher.init().update(bytesOf(40, 2)).digest('binary');
    expect(Buffer.from(first).toString('hex')).toBe(copy);
  });
});
