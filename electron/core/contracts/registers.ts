import { hex, utf8 } from '@fleet-sdk/crypto';
import { decode, SByte, SColl, SGroupElement, SLong } from '@fleet-sdk/serializer';
import type { NonMandatoryRegisters } from '@fleet-sdk/common';
import type { LetsParameters } from '../lets/lets-parameters';
import { capFromChain, capOnChain } from './lets-contracts';

/** Register layouts documented in account.es and management.es. Keys are compressed points, hex. */
export interface AccountRegisters {
  owner: string;
  balance: bigint;
}

export interface ManagementRegisters extends LetsParameters {
  committee: string;
}

export function encodeAccountRegisters({ owner, balance }: AccountRegisters): NonMandatoryRegisters {
  return { R4: SGroupElement(owner).toHex(), R5: SLong(balance).toHex() };
}

export function encodeManagementRegisters(registers: ManagementRegisters): NonMandatoryRegisters {
  return { R4: SGroupElement(registers.committee).toHex(), ...encodeLetsParameters(registers) };
}

/** R5–R8 of the box holding a LETS id, in both models (management box, trustless public token box). */
export function encodeLetsParameters(parameters: LetsParameters): NonMandatoryRegisters {
  return {
    R5: SLong(parameters.floor).toHex(),
    R6: SLong(capOnChain(parameters.cap)).toHex(),
    R7: SColl(SByte, utf8.decode(parameters.unit)).toHex(),
    R8: SColl(SByte, utf8.decode(parameters.name)).toHex(),
  };
}

/** Undefined when a register is missing or of the wrong type: such a box is not one of ours. */
export function decodeAccountRegisters(registers: NonMandatoryRegisters): AccountRegisters | undefined {
  const owner = readBytes(registers.R4, 'SGroupElement');
  const balance = readLong(registers.R5);
  if (owner === undefined || balance === undefined) return undefined;
  return { owner: hex.encode(owner), balance };
}

export function decodeManagementRegisters(registers: NonMandatoryRegisters): ManagementRegisters | undefined {
  const committee = readBytes(registers.R4, 'SGroupElement');
  const parameters = decodeLetsParameters(registers);
  if (!committee || !parameters) return undefined;
  return { committee: hex.encode(committee), ...parameters };
}

export function decodeLetsParameters(registers: NonMandatoryRegisters): LetsParameters | undefined {
  const floor = readLong(registers.R5);
  const cap = readLong(registers.R6);
  const unit = readBytes(registers.R7, 'SColl[SByte]');
  const name = readBytes(registers.R8, 'SColl[SByte]');
  if (floor === undefined || cap === undefined || !unit || !name) return undefined;
  return { floor, cap: capFromChain(cap), unit: utf8.encode(unit), name: utf8.encode(name) };
}

/** The register's value when it holds a constant of `type` (as sigma names it, e.g. 'SColl[SLong]'). */
export function readRegister<T>(register: string | undefined, type: string): T | undefined {
  const constant = safeDecode(register);
  return constant?.type.toString() === type ? (constant.data as T) : undefined;
}

function readLong(register: string | undefined): bigint | undefined {
  return readRegister<bigint>(register, 'SLong');
}

function readBytes(register: string | undefined, type: 'SGroupElement' | 'SColl[SByte]'): Uint8Array | undefined {
  return readRegister<Uint8Array>(register, type);
}

function safeDecode(register: string | undefined): ReturnType<typeof decode> {
  try {
    return decode(register);
  } catch {
    return undefined;
  }
}
