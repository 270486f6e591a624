import { describe, expect, it } from 'vitest';
import {
  decodeAccountRegisters,
  decodeManagementRegisters,
  encodeAccountRegisters,
  encodeManagementRegisters,
} from '../../electron/core/contracts/registers';
import { LONG_MAX, LONG_MIN } from '../../electron/core/lets/amount';
import { aLets } from '../helpers/lets-fixtures';

const KEY = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

describe('register layouts', () => {
  it('round-trips an account at the Long extremes', () => {
    for (const balance of [LONG_MIN, 0n, LONG_MAX]) {
      expect(decodeAccountRegisters(encodeAccountRegisters({ owner: KEY, balance }))).toEqual({ owner: KEY, balance });
    }
  });

  it('round-trips the management parameters, "no cap" included, with UTF-8 names', () => {
    for (const cap of [null, 300_00n]) {
      const registers = { ...aLets({ name: 'Échange Noël', unit: 'heures', cap }), committee: KEY };
      expect(decodeManagementRegisters(encodeManagementRegisters(registers))).toEqual(registers);
    }
  });

  it('does not take a box with missing or mistyped registers for one of ours', () => {
    const { R4, R5 } = encodeAccountRegisters({ owner: KEY, balance: 1n });
    expect(decodeAccountRegisters({ R4 })).toBeUndefined();
    expect(decodeAccountRegisters({ R4: R5, R5: R4 })).toBeUndefined();
    expect(decodeManagementRegisters({ R4, R5 })).toBeUndefined();
  });
});
