import type { NonMandatoryRegisters } from '@fleet-sdk/common';
import { SColl, SInt, SLong } from '@fleet-sdk/serializer';
import { decodeAccountRegisters, decodeLetsParameters, encodeAccountRegisters, encodeLetsParameters, readRegister, type AccountRegisters } from '../registers';
import type { CollateralTerms, TrustlessLetsParameters } from './trustless-parameters';

/** Register layouts documented in trustless-account.es and public-token.es. */
export interface TrustlessAccountRegisters extends AccountRegisters {
  /** From this height on the member may withdraw their collateral. */
  unlockHeight: number;
}

export function encodeTrustlessAccountRegisters(registers: TrustlessAccountRegisters): NonMandatoryRegisters {
  return { ...encodeAccountRegisters(registers), R6: SInt(registers.unlockHeight).toHex() };
}

export function decodeTrustlessAccountRegisters(registers: NonMandatoryRegisters): TrustlessAccountRegisters | undefined {
  const account = decodeAccountRegisters(registers);
  const unlockHeight = readRegister<number>(registers.R6, 'SInt');
  return account && unlockHeight !== undefined ? { ...account, unlockHeight } : undefined;
}

export function encodePublicTokenRegisters(parameters: TrustlessLetsParameters): NonMandatoryRegisters {
  const terms = [parameters.minimumCollateral, parameters.collateralPerUnit, BigInt(parameters.lockPeriod)];
  return { R4: SColl(SLong, terms).toHex(), ...encodeLetsParameters(parameters) };
}

export function decodePublicTokenRegisters(registers: NonMandatoryRegisters): TrustlessLetsParameters | undefined {
  const terms = decodeCollateralTerms(registers.R4);
  const parameters = decodeLetsParameters(registers);
  return terms && parameters ? { ...parameters, ...terms } : undefined;
}

function decodeCollateralTerms(register: string | undefined): CollateralTerms | undefined {
  const terms = readRegister<bigint[]>(register, 'SColl[SLong]');
  const [minimumCollateral, collateralPerUnit, lockPeriod] = terms ?? [];
  if (terms?.length !== 3 || minimumCollateral === undefined || collateralPerUnit === undefined || lockPeriod === undefined) return undefined;
  if (lockPeriod < 0n || lockPeriod > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { minimumCollateral, collateralPerUnit, lockPeriod: Number(lockPeriod) };
}
