import type { ChainHeader, ChainTip } from './chain-source';
import { refusedHeader } from './refused-answer';

/**
 * The difficulty rules the app can check with a header and its parent alone. A valid proof of work only shows the work
 * the header itself declares (nBits): a node could serve a chain of its own, mined cheaply at a low difficulty. Against
 * that the app holds each header to a difficulty floor, and inside a difficulty epoch, where ergo keeps the parent's
 * difficulty, to its parent's. The recalculation at an epoch's start needs the headers of earlier epochs and is not
 * checked here; the floor bounds it.
 */

export type Network = ChainTip['network'];

/**
 * ergo's DifficultySerializer.decodeCompactBits (mining/difficulty/DifficultySerializer.scala): Bitcoin's compact form,
 * an exponent byte (the number's length in bytes) and three bytes of mantissa whose top bit is a sign.
 */
export function decodeCompactBits(nBits: number): bigint {
  const size = (nBits >>> 24) & 0xff;
  if (size === 0) return 0n;
  // Only as many mantissa bytes as the size allows are kept, then zeros to the size (decodeMPI of the padded bytes).
  let mantissa = (nBits >>> 16) & 0xff;
  if (size >= 2) mantissa = mantissa * 256 + ((nBits >>> 8) & 0xff);
  if (size >= 3) mantissa = mantissa * 256 + (nBits & 0xff);
  const negative = (nBits & 0x800000) !== 0;
  const magnitude = negative ? mantissa - 0x80 * 256 ** (Math.min(size, 3) - 1) : mantissa;
  const value = BigInt(magnitude) << BigInt(8 * Math.max(size - 3, 0));
  return negative ? -value : value;
}

/** DifficultySerializer.encodeCompactBits, for miners: the compact form of a non-negative difficulty. */
export function encodeCompactBits(difficulty: bigint): number {
  if (difficulty < 0n) throw new RangeError('A difficulty is never negative');
  // Java's BigInteger.toByteArray().length: the bytes of the number with room for a sign bit.
  let size = Math.ceil((difficulty.toString(2).length + (difficulty === 0n ? 0 : 1)) / 8);
  let mantissa = size <= 3 ? difficulty << BigInt(8 * (3 - size)) : difficulty >> BigInt(8 * (size - 3));
  if ((mantissa & 0x800000n) !== 0n) {
    mantissa >>= 8n;
    size += 1;
  }
  return Number(mantissa | (BigInt(size) << 24n));
}

/** The difficulty a header's nBits declares (Header.requiredDifficulty). */
const declaredDifficulty = (header: Pick<ChainHeader, 'nBits'>): bigint => decodeCompactBits(header.nBits);

/**
 * Mainnet's difficulty epochs (src/main/resources/mainnet.conf and application.conf; the rule itself in
 * src/main/scala/.../history/storage/modifierprocessors/HeadersProcessor.scala, requiredDifficultyAfter):
 * - 1024 blocks until EIP-37, which requiredDifficultyAfter hard-codes as active from height 844 673, and 128 blocks
 *   from there (eip37EpochLength);
 * - blocks 417 792 and 417 793, around the switch to Autolykos 2 (voting.version2ActivationHeight), take a fixed
 *   difficulty (version2ActivationDifficultyHex) rather than their parent's.
 */
const EIP37_ACTIVATION_HEIGHT = 844_673;
const MAINNET_EPOCH_BEFORE_EIP37 = 1024;
const MAINNET_EPOCH_FROM_EIP37 = 128;
const MAINNET_VERSION2_ACTIVATION_HEIGHT = 417_792;

/**
 * The lowest difficulty a mainnet header may declare: 1/64 of the difficulty of block 1 311 598 (mainnet, July 2024,
 * id b254f1576382…, nBits 117687036, difficulty 1 058 812 517 679 104; the most recent real header found in public
 * sources: rosen-bridge/sign-protocols, packages/ergo-multi-sig/tests/testData.ts).
 * - The margin is for hashrate that falls: EIP-37 lets the difficulty halve at most once per 128-block epoch
 *   (DifficultyAdjustment.eip37Calculate caps it at lastDiff / 2), so 1/64 takes six epochs of collapse in a row, and
 *   the floor is still 7 times below the difficulty ergo restarted Autolykos 2 with in 2021 for ~1 TH/s
 *   (version2ActivationDifficultyHex 6f98d5000000, about 1.2 × 10^14).
 * - Yet a header at the floor costs ~1.7 × 10^13 Autolykos hashes, about a day of one mining GPU, and a sync checks
 *   hundreds of them.
 */
export const MAINNET_DIFFICULTY_FLOOR = 1_058_812_517_679_104n / 64n;

/** Testnet's difficulty epoch (src/main/resources/testnet.conf, epochLength); its version 2 switch is disabled there. */
const TESTNET_EPOCH = 128;

/**
 * A devnet as ergo's src/main/resources/devnet.conf runs one: epochs of 16 blocks and the version 2 switch at 128. The
 * app's own demo chain keeps one difficulty throughout, which these rules accept too.
 */
const DEVNET_EPOCH = 16;
const DEVNET_VERSION2_ACTIVATION_HEIGHT = 128;

/**
 * The floor of each network. Testnet and devnet have none beyond ergo's minimum of 1: testnet's difficulty is whatever
 * a few volunteers' machines produce and starts again from 1 (testnet.conf, initialDifficultyHex "01"), and a devnet,
 * the app's demo chain included, mines at difficulty 1 on purpose. Their coins are worth nothing, so a forged chain
 * there costs nobody anything; the proof of work and the epoch rule still hold the node to its own chain.
 */
export const DIFFICULTY_FLOOR: Readonly<Record<Network, bigint>> = {
  mainnet: MAINNET_DIFFICULTY_FLOOR,
  testnet: 1n,
  devnet: 1n,
};

/** The length of the difficulty epoch the block at `height` belongs to. */
export function difficultyEpochLength(network: Network, height: number): number {
  if (network === 'testnet') return TESTNET_EPOCH;
  if (network === 'devnet') return DEVNET_EPOCH;
  return height >= EIP37_ACTIVATION_HEIGHT ? MAINNET_EPOCH_FROM_EIP37 : MAINNET_EPOCH_BEFORE_EIP37;
}

/**
 * Whether ergo gives the block at `height` its parent's difficulty: it recalculates only after a parent whose height is
 * a multiple of the epoch length (requiredDifficultyAfter: parentHeight % epochLength == 0), and sets a fixed
 * difficulty at the version 2 switch (mainnet and devnet).
 */
export function keepsParentDifficulty(network: Network, height: number): boolean {
  const parentHeight = height - 1;
  const switchHeight = network === 'mainnet' ? MAINNET_VERSION2_ACTIVATION_HEIGHT : network === 'devnet' ? DEVNET_VERSION2_ACTIVATION_HEIGHT : undefined;
  // The EIP-37 branch comes first in ergo, and the switch only applies before it.
  const beforeEip37 = network !== 'mainnet' || height < EIP37_ACTIVATION_HEIGHT;
  if (beforeEip37 && switchHeight !== undefined && (parentHeight === switchHeight || height === switchHeight)) return false;
  return parentHeight % difficultyEpochLength(network, height) !== 0;
}

/**
 * Refuses a header that declares less difficulty than the network's floor, or, inside an epoch, another difficulty
 * than its parent's (ergo's HeaderValidator: hdrRequiredDifficulty, comparing decoded difficulties). `parent` is the
 * header's parent, or null when the app holds none (the first header of a sync, or genesis): then only the floor holds.
 */
export function checkDifficulty(header: ChainHeader, parent: Pick<ChainHeader, 'nBits'> | null, network: Network): void {
  const difficulty = declaredDifficulty(header);
  if (difficulty < DIFFICULTY_FLOOR[network]) {
    throw refusedHeader(
      header,
      `that claims far less proof of work than the ${network === 'mainnet' ? 'Ergo network does' : 'least Ergo allows'}`,
      'A node can serve a chain of its own, mined cheaply at a low difficulty. Use another node you trust, then sync again.',
    );
  }
  if (parent !== null && keepsParentDifficulty(network, header.height) && difficulty !== declaredDifficulty(parent)) {
    throw refusedHeader(header, 'whose difficulty differs from its parent’s inside a difficulty epoch, where Ergo keeps it');
  }
}

/**
 * Refuses a header that does not follow `parent`: ergo's HeaderValidator requires the parent's id, the next height and
 * a later timestamp (hdrParent, hdrHeight, hdrNonIncreasingTimestamp).
 */
export function checkParentLink(header: ChainHeader, parent: Pick<ChainHeader, 'id' | 'height' | 'timestamp'>): void {
  if (header.parentId.toLowerCase() !== parent.id.toLowerCase() || header.height !== parent.height + 1) {
    throw refusedHeader(header, `that does not follow the block before it (height ${parent.height}, id ${parent.id.slice(0, 12)}…)`);
  }
  if (header.timestamp <= parent.timestamp) {
    throw refusedHeader(header, 'whose time is not after the time of the block before it');
  }
}
