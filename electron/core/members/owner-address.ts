import { Network } from '@fleet-sdk/common';
import { AddressType, ErgoAddress } from '@fleet-sdk/core';
import { base58, blake2b256, hex } from '@fleet-sdk/crypto';
import type { ErgoNetwork } from '../signers/signer';

const addressNetwork = (network: ErgoNetwork) => (network === 'mainnet' ? Network.Mainnet : Network.Testnet);

/** The member's wallet address: pay-to-public-key of the owner key their account box carries. */
export function ownerAddress(publicKey: string, network: ErgoNetwork): string {
  return ErgoAddress.fromPublicKey(publicKey, addressNetwork(network)).encode(addressNetwork(network));
}

/**
 * The address a paper prints for a member on the chain the app follows, or null before it knows which (the devnet is
 * a test chain: its addresses take the testnet form, as the signers show them).
 */
export function addressOf(publicKey: string, network: ErgoNetwork | 'devnet' | null): string | null {
  return network === null ? null : memberAddress(publicKey, network === 'mainnet' ? 'mainnet' : 'testnet');
}

/** Addresses already written: the member lists ask for every member's on each refresh, and keys do not change. */
const written = new Map<string, string>();
const WRITTEN_LIMIT = 10_000;

/** ownerAddress, remembered. */
export function memberAddress(publicKey: string, network: ErgoNetwork): string {
  const key = `${network}:${publicKey}`;
  let address = written.get(key);
  if (address === undefined) {
    if (written.size >= WRITTEN_LIMIT) written.clear();
    address = ownerAddress(publicKey, network);
    written.set(key, address);
  }
  return address;
}

export type KeyProblem = 'not-hex-33' | 'identity' | 'not-on-curve';

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

/**
 * Why a text is not a compressed secp256k1 public key (33 bytes of hex, 02/03 prefix, a point of the curve), or null.
 * 33 zero bytes is how sigma writes the group's identity point: a valid GroupElement on chain, yet nobody has its
 * secret, so a box locked to it can never be spent (a LETS handed to it would be frozen for ever).
 */
export function publicKeyProblem(text: string): KeyProblem | null {
  if (!/^[0-9a-fA-F]{66}$/.test(text)) return 'not-hex-33';
  if (/^0{66}$/.test(text)) return 'identity';
  if (!/^0[23]/.test(text) || !isCurveX(BigInt(`0x${text.slice(2)}`))) return 'not-on-curve';
  return null;
}

export type AddressProblem = 'invalid' | 'not-p2pk' | 'wrong-network';

const P2PK_TYPE = 1;
const CHECKSUM_BYTES = 4;

/**
 * A well-formed P2PK address of the identity point (its key 33 zero bytes), which Fleet refuses to decode as an
 * invalid key: recognised here so the treasurer hears why it can never be used, not that it is mistyped.
 */
function isIdentityPointAddress(address: string): boolean {
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(address);
  } catch {
    return false;
  }
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  const checksum = blake2b256(body).subarray(0, CHECKSUM_BYTES);
  return (
    bytes.length === 1 + 33 + CHECKSUM_BYTES &&
    ((bytes[0] ?? 0) & 0x0f) === P2PK_TYPE &&
    body.subarray(1).every((b) => b === 0) &&
    checksum.every((b, i) => b === bytes[body.length + i])
  );
}

/** The owner key of a P2PK address, or why the address cannot give one (its key is checked as a typed key is). */
export function keyFromAddress(address: string, network: ErgoNetwork): { key: string } | { problem: AddressProblem | KeyProblem } {
  let decoded: ErgoAddress;
  try {
    decoded = ErgoAddress.decode(address);
  } catch {
    return { problem: isIdentityPointAddress(address) ? 'identity' : 'invalid' };
  }
  if (decoded.network !== addressNetwork(network)) return { problem: 'wrong-network' };
  // A member's account is guarded by one key (PROTOCOL.md: every input reduces to one proveDlog); a script or
  // pay-to-script-hash address has no key the account box could carry.
  const [key] = decoded.getPublicKeys();
  if (decoded.type !== AddressType.P2PK || key === undefined) return { problem: 'not-p2pk' };
  const keyHex = hex.encode(key);
  const problem = publicKeyProblem(keyHex);
  return problem ? { problem } : { key: keyHex };
}

/** One field that takes either: a public key is plain hex, an address is base58 (never all hex digits). */
export function splitKeyText(text: string): { publicKey: string; address: string } {
  const isHex = /^[0-9a-fA-F]+$/.test(text);
  return { publicKey: isHex ? text : '', address: isHex ? '' : text };
}
