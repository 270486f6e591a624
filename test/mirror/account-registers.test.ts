import { describe, expect, it } from 'vitest';
import { decodeAccountRegisters, encodeAccountRegisters } from '../../electron/core/contracts/registers';
import { readAccountRegisters } from '../../electron/core/mirror/sync/account-registers';

const OWNER = '02' + 'ab'.repeat(32);

describe('reading account registers on the sync’s fast path', () => {
  it.each([0n, 1n, -1n, 63n, -64n, 64n, 200_00n, -200_00n, 9_223_372_036_854_775_807n, -9_223_372_036_854_775_808n])(
    'reads balance %s exactly as the general decoder does',
    (balance) => {
      const registers = encodeAccountRegisters({ owner: OWNER, balance });
      expect(readAccountRegisters(registers)).toEqual({ owner: OWNER, balance });
      expect(readAccountRegisters(registers)).toEqual(decodeAccountRegisters(registers));
    },
  );

  it.each([
    ['uppercase hex', { R4: `07${OWNER.toUpperCase()}`, R5: '0502' }],
    ['a trailing byte after the key', { R4: `07${OWNER}00`, R5: '0502' }],
    ['a trailing byte after the long', { R4: `07${OWNER}`, R5: '050200' }],
    ['a long that never ends', { R4: `07${OWNER}`, R5: '0580' }],
    ['an int instead of a long', { R4: `07${OWNER}`, R5: '0402' }],
    ['a missing balance', { R4: `07${OWNER}` }],
    ['a key of the wrong type', { R4: `0e21${OWNER}`, R5: '0502' }],
  ])('leaves %s to the general decoder and agrees with it', (_name, registers) => {
    expect(readAccountRegisters(registers)).toEqual(decodeAccountRegisters(registers));
  });
});
