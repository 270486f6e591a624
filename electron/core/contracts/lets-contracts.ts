import { compile } from '@fleet-sdk/compiler';
import { blake2b256, hex } from '@fleet-sdk/crypto';
import { SByte, SColl, SLong } from '@fleet-sdk/serializer';
import type { Lets } from '../lets/lets-parameters';
import { LONG_MAX } from '../lets/amount';
import { compileOnce } from './compile-once';
import accountSource from './account.es?raw';
import managementSource from './management.es?raw';

/** The ErgoTrees (hex) guarding one LETS's boxes. Each is unique to its LETS through the named constants. */
export interface LetsContracts {
  account: string;
  management: string;
  /** blake2b256 of the account ErgoTree, embedded in the management script. */
  accountScriptHash: string;
}

/** On chain "no cap" is Long.MaxValue: the cap check then never binds and the script stays one shape. */
export function capOnChain(cap: bigint | null): bigint {
  return cap ?? LONG_MAX;
}

export function capFromChain(cap: bigint): bigint | null {
  return cap === LONG_MAX ? null : cap;
}

/** The trees of one LETS (see compileOnce). */
export const letsContracts = compileOnce((lets: Lets) => [lets.letsId, lets.membershipTokenId, lets.floor, capOnChain(lets.cap)], compileLetsContracts);

/** The named constants of a LETS that every account script carries, in either model. */
export function accountConstants(lets: Lets): Record<string, string> {
  return {
    _membershipTokenId: SColl(SByte, lets.membershipTokenId).toHex(),
    _letsId: SColl(SByte, lets.letsId).toHex(),
    _floor: SLong(lets.floor).toHex(),
    _cap: SLong(capOnChain(lets.cap)).toHex(),
  };
}

/** An account ErgoTree and its blake2b256, which the LETS's other script (management or public token) embeds. */
export function compileAccount(source: string, constants: Record<string, string>): { account: string; accountScriptHash: string } {
  const account = compile(source, { map: constants }).toHex();
  return { account, accountScriptHash: hex.encode(blake2b256(hex.decode(account))) };
}

function compileLetsContracts(lets: Lets): LetsContracts {
  const { account, accountScriptHash } = compileAccount(accountSource, accountConstants(lets));
  const management = compile(managementSource, {
    map: { _accountScriptHash: SColl(SByte, accountScriptHash).toHex() },
  }).toHex();
  return { account, management, accountScriptHash };
}
