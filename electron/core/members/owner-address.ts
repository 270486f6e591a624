import { Network } from '@fleet-sdk/common';
import { AddressType, ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import type { ErgoNetwork } from '../signers/signer';

const addressNetwork = (network: ErgoNetwork) => (network === 'mainnet' ? Network.Mainnet : Network.Testnet);

/** The member's wallet address: pay-to-public-key of the owner key their account box carries. */
export function ownerAddress(publicKey: string, network: ErgoNetwork): string {
  return ErgoAddress.fromPublicKey(publicKey, addressNetwork(network)).encode(addressNetwork(network));
}

export type KeyProblem = 'not-hex-33' | 'not-on-curve';

const P = 2n ** 256n - 2n ** 32n - 977n;

function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/**
 * A compressed key names a curve point by its x; it exists when x³ + 7 is a square mod p (Euler's criterion).
 * About half of all 32-byte strings fail, so this catches most mistyped keys, which would otherwise be enrolled
 * on chain as an account nobody can ever sign for. (Fleet's validateEcPoint checks only length and prefix.)
 */
function isCurveX(x: bigint): boolean {
  if (x >= P) return false;
  const rhs = (x ** 3n + 7n) % P;
  return rhs === 0n || powMod(rhs, (P - 1n) / 2n, P) === 1n;
}

/** Why a text is not a compressed secp256k1 public key (33 bytes of hex, 02/03 prefix, a point of the curve), or null. */
export function publicKeyProblem(text: string): KeyProblem | null {
  if (!/^[0-9a-fA-F]{66}$/.test(text)) return 'not-hex-33';
  if (!/^0[23]/.test(text) || !isCurveX(BigInt(`0x${text.slice(2)}`))) return 'not-on-curve';
  return null;
}

export type AddressProblem = 'invalid' | 'not-p2pk' | 'wrong-network';

/** The owner key of a P2PK address, or why the address cannot give one. */
export function keyFromAddress(address: string, network: ErgoNetwork): { key: string } | { problem: AddressProblem } {
  let decoded: ErgoAddress;
  try {
    decoded = ErgoAddress.decode(address);
  } catch {
    return { problem: 'invalid' };
  }
  if (decoded.network !== addressNetwork(network)) return { problem: 'wrong-network' };
  // A member's account is guarded by one key (PROTOCOL.md: every input reduces to one proveDlog); a script or
  // pay-to-script-hash address has no key the account box could carry.
  const [key] = decoded.getPublicKeys();
  if (decoded.type !== AddressType.P2PK || key === undefined) return { problem: 'not-p2pk' };
  return { key: hex.encode(key) };
}
