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
  return {
    R4: SGroupElement(registers.committee).toHex(),
    R5: SLong(registers.floor).toHex(),
    R6: SLong(capOnChain(registers.cap)).toHex(),
    R7: SColl(SByte, utf8.decode(registers.unit)).toHex(),
    R8: SColl(SByte, utf8.decode(registers.name)).toHex(),
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
  const floor = readLong(registers.R5);
  const cap = readLong(registers.R6);
  const unit = readBytes(registers.R7, 'SColl[SByte]');
  const name = readBytes(registers.R8, 'SColl[SByte]');
  if (!committee || floor === undefined || cap === undefined || !unit || !name) return undefined;
  return { committee: hex.encode(committee), floor, cap: capFromChain(cap), unit: utf8.encode(unit), name: utf8.encode(name) };
}

function readLong(register: string | undefined): bigint | undefined {
  const constant = safeDecode(register);
  return constant?.type.toString() === 'SLong' ? (constant.data as bigint) : undefined;
}

function readBytes(register: string | undefined, type: 'SGroupElement' | 'SColl[SByte]'): Uint8Array | undefined {
  const constant = safeDecode(register);
  return constant?.type.toString() === type ? (constant.data as Uint8Array) : undefined;
}

function safeDecode(register: string | undefined): ReturnType<typeof decode> {
  try {
    return decode(register);
  } catch {
    return undefined;
  }
}
