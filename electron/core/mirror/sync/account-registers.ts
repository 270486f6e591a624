import type { ChainBox } from '../../chain/chain-source';
import { decodeAccountRegisters, type AccountRegisters } from '../../contracts/registers';

/*
 * Reading an account box's registers is done for every account box of a sync (200 000 in a 100 000-trade history),
 * and the general sigma decoder costs more there than the rest of classifying. Account registers are always written
 * the same way (contracts/registers.ts): R4 = 0x07 and the owner's 33-byte key, R5 = 0x05 and a zigzag VLQ long. This
 * reads exactly that form; anything else, valid or not, goes to decodeAccountRegisters, so the result is always the
 * one it gives.
 */

const CANONICAL_OWNER = /^07[0-9a-f]{66}$/;
const CANONICAL_LONG = /^05(?:[89a-f][0-9a-f])*[0-7][0-9a-f]$/;
/** A 64-bit value takes at most 10 VLQ bytes. */
const MAX_LONG_HEX = 2 + 2 * 10;

function readLong(hex: string): bigint {
  let value = 0n;
  let shift = 0n;
  for (let i = 2; i < hex.length; i += 2) {
    value |= BigInt(parseInt(hex.slice(i, i + 2), 16) & 0x7f) << shift;
    shift += 7n;
  }
  // Zigzag: the lowest bit carries the sign.
  return BigInt.asIntN(64, (value >> 1n) ^ -(value & 1n));
}

export function readAccountRegisters(registers: ChainBox['additionalRegisters']): AccountRegisters | undefined {
  const { R4, R5 } = registers;
  if (R4 !== undefined && R5 !== undefined && R5.length <= MAX_LONG_HEX && CANONICAL_OWNER.test(R4) && CANONICAL_LONG.test(R5)) {
    return { owner: R4.slice(2), balance: readLong(R5) };
  }
  return decodeAccountRegisters(registers);
}
