import { HeaderCheck } from '../chain/autolykos';
import { blake2b256 } from '../chain/blake2b';
import { SECP256K1_GENERATOR, type ChainHeader, type ChainTransaction } from '../chain/chain-source';
import { encodeCompactBits } from '../chain/difficulty';
import { INITIAL_VERSION } from '../chain/header-bytes';
import { TransactionsRoots } from '../chain/transactions-root';

/**
 * The demo chain mines its blocks for real, so the headers it serves pass the same checks as a node's (chain-checks.ts):
 * at difficulty 1, Ergo's least, where the target is q itself and almost every nonce wins.
 */
export const DEVNET_NBITS = encodeCompactBits(1n);

/** The miner's key the demo chain puts in its headers: secp256k1's generator, a valid point no one mines with. */
export const DEVNET_MINER_PK = SECP256K1_GENERATOR;

/** The block version the demo chain mines: Autolykos 2, and a transactions root over ids and witness ids. */
export const DEVNET_BLOCK_VERSION = 2;

/** Nonces tried before giving up; at difficulty 1 the first wins but for a chance of about 2^-128. */
const MAX_TRIES = 1_000;

export type UnminedHeader = Omit<ChainHeader, 'id' | 'nBits' | 'powSolutions'>;

const blake2b = blake2b256();
const hashing = { headers: new HeaderCheck(blake2b), roots: new TransactionsRoots(blake2b) };

/**
 * Mines `draft` as an Autolykos 2 header at difficulty 1: tries nonces from `firstNonce` until the hit is below the
 * target, then sets the id from the header's bytes. The version must be 2 or later (version 1 solutions need the
 * miner's secret).
 */
export function mineDevnetHeader(draft: UnminedHeader, firstNonce = 0n): ChainHeader {
  if (draft.version <= INITIAL_VERSION) throw new RangeError('The devnet mines Autolykos 2 headers (block version 2 or later)');
  for (let nonce = firstNonce; nonce < firstNonce + BigInt(MAX_TRIES); nonce++) {
    const candidate: ChainHeader = {
      ...draft,
      id: '',
      nBits: DEVNET_NBITS,
      powSolutions: { pk: DEVNET_MINER_PK, w: SECP256K1_GENERATOR, n: BigInt.asUintN(64, nonce).toString(16).padStart(16, '0'), d: 0n },
    };
    if (hashing.headers.proofOfWorkHolds(candidate)) return { ...candidate, id: hashing.headers.id(candidate) };
  }
  throw new Error(`No nonce below ${MAX_TRIES} solves the devnet block at height ${draft.height}`);
}

/** A root a devnet header commits to that the demo chain has no data for (proofs of its UTXO set, its extension). */
const placeholderDigest = (what: string, height: number) => blake2b.init().update(`${what} ${height}`).digest('hex');

/** The header of a devnet block of these transactions, mined. */
export function devnetHeader(
  fields: Pick<ChainHeader, 'parentId' | 'height' | 'timestamp'>,
  transactions: readonly ChainTransaction[],
  firstNonce: bigint,
): ChainHeader {
  return mineDevnetHeader(
    {
      ...fields,
      version: DEVNET_BLOCK_VERSION,
      transactionsRoot: hashing.roots.transactionsRootOf(DEVNET_BLOCK_VERSION, transactions),
      adProofsRoot: placeholderDigest('ad proofs', fields.height),
      // The AVL+ digest's last byte is the tree's height.
      stateRoot: `${placeholderDigest('state', fields.height)}01`,
      extensionHash: placeholderDigest('extension', fields.height),
      votes: '000000',
      unparsedBytes: '',
    },
    firstNonce,
  );
}

/** The node's answer to GET /blocks/{headerId}/proofFor/{txId} for a devnet block. */
export function devnetProofFor(header: ChainHeader, transactions: readonly ChainTransaction[], transactionId: string) {
  return hashing.roots.proofFor(header.version, transactions, transactionId);
}
