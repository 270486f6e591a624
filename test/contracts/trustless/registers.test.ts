import { describe, expect, it } from 'vitest';
import { SColl, SLong } from '@fleet-sdk/serializer';
import {
  decodePublicTokenRegisters,
  decodeTrustlessAccountRegisters,
  encodePublicTokenRegisters,
  encodeTrustlessAccountRegisters,
} from '../../../electron/core/contracts/trustless/trustless-registers';
import { decodeAccountRegisters, decodeLetsParameters } from '../../../electron/core/contracts/registers';
import { LONG_MAX, LONG_MIN } from '../../../electron/core/lets/amount';
import { aTrustlessLets } from '../../helpers/trustless-fixtures';

const KEY = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

describe('trustless register layouts', () => {
  it('round-trips an account at the Long extremes, and its R4/R5 read as a committee account', () => {
    for (const balance of [LONG_MIN, 0n, LONG_MAX]) {
      const account = { owner: KEY, balance, unlockHeight: 1_234_567 };
      const registers = encodeTrustlessAccountRegisters(account);
      expect(decodeTrustlessAccountRegisters(registers)).toEqual(account);
      expect(decodeAccountRegisters(registers)).toEqual({ owner: KEY, balance });
    }
  });

  it('round-trips the public token box, "no cap" included, with R5–R8 laid out as in the management box', () => {
    for (const cap of [null, 300_00n]) {
      const parameters = aTrustlessLets({ name: 'Échange Noël', unit: 'heures', cap, lockPeriod: 21_600 });
      const registers = encodePublicTokenRegisters(parameters);
      expect(decodePublicTokenRegisters(registers)).toEqual(parameters);
      expect(decodeLetsParameters(registers)).toEqual({ name: 'Échange Noël', unit: 'heures', floor: parameters.floor, cap });
    }
  });

  it('does not take a box with missing, mistyped or short registers for one of ours', () => {
    const account = encodeTrustlessAccountRegisters({ owner: KEY, balance: 1n, unlockHeight: 5 });
    expect(decodeTrustlessAccountRegisters({ R4: account.R4, R5: account.R5 })).toBeUndefined();
    expect(decodeTrustlessAccountRegisters({ ...account, R6: SLong(5n).toHex() })).toBeUndefined();
    const box = encodePublicTokenRegisters(aTrustlessLets());
    expect(decodePublicTokenRegisters({ ...box, R4: SColl(SLong, [1n, 2n]).toHex() })).toBeUndefined();
    expect(decodePublicTokenRegisters({ ...box, R4: SColl(SLong, [1n, 2n, -3n]).toHex() })).toBeUndefined();
    expect(decodePublicTokenRegisters({ ...box, R8: undefined })).toBeUndefined();
  });
});
