import type { HeaderCheck } from '../../electron/core/chain/autolykos';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import { encodeCompactBits } from '../../electron/core/chain/difficulty';

/**
 * A test-only Autolykos 2 miner: searches nonces for `draft` at `difficulty` until its proof of work holds, and sets the
 * id. At a difficulty of a few hundred it takes a few hundred tries (some 0.6 ms each); it is how a test makes a header
 * that is correctly mined yet claims far less work than the network does.
 */
export function mineForTest(checks: HeaderCheck, draft: Omit<ChainHeader, 'id' | 'nBits'>, difficulty: bigint, firstNonce = 0n): ChainHeader {
  const nBits = encodeCompactBits(difficulty);
  const limit = firstNonce + difficulty * 64n;
  for (let nonce = firstNonce; nonce < limit; nonce++) {
    const candidate: ChainHeader = { ...draft, id: '', nBits, powSolutions: { ...draft.powSolutions, n: nonce.toString(16).padStart(16, '0') } };
    if (checks.proofOfWorkHolds(candidate)) return { ...candidate, id: checks.id(candidate) };
  }
  throw new Error(`no nonce from ${firstNonce} to ${limit} solves the header at difficulty ${difficulty}`);
}

/** The nonce of `header` as a number, to tell the miner where to search next. */
export const nonceOf = (header: ChainHeader): bigint => BigInt(`0x${header.powSolutions.n}`);
