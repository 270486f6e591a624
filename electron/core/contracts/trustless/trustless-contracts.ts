import { compile } from '@fleet-sdk/compiler';
import { SByte, SColl, SInt, SLong } from '@fleet-sdk/serializer';
import { compileOnce } from '../compile-once';
import { accountConstants, capOnChain, compileAccount } from '../lets-contracts';
import type { TrustlessLets } from './trustless-parameters';
import accountSource from './trustless-account.es?raw';
import publicTokenSource from './public-token.es?raw';

/** The ErgoTrees (hex) guarding one trustless LETS's boxes, unique to it through the named constants. */
export interface TrustlessContracts {
  account: string;
  publicToken: string;
  /** blake2b256 of the account ErgoTree, embedded in the public token box script. */
  accountScriptHash: string;
}

/**
 * Blocks a join may wait in the mempool (about two hours): a new account's unlock height must lie within
 * [HEIGHT + lock period, HEIGHT + lock period + JOIN_WINDOW] of the block that includes it (public-token.es).
 * A protocol constant, not a LETS parameter: it only trades mempool patience against a slightly longer lock.
 */
export const JOIN_WINDOW = 60;

/** The trees of one trustless LETS (see compileOnce). */
export const trustlessContracts = compileOnce(
  (lets: TrustlessLets) => [lets.letsId, lets.membershipTokenId, lets.floor, capOnChain(lets.cap), lets.minimumCollateral, lets.collateralPerUnit, lets.lockPeriod],
  compileTrustlessContracts,
);

function compileTrustlessContracts(lets: TrustlessLets): TrustlessContracts {
  const { account, accountScriptHash } = compileAccount(accountSource, { ...accountConstants(lets), _collateralPerUnit: SLong(lets.collateralPerUnit).toHex() });
  const publicToken = compile(publicTokenSource, {
    map: {
      _accountScriptHash: SColl(SByte, accountScriptHash).toHex(),
      _minCollateral: SLong(lets.minimumCollateral).toHex(),
      _lockPeriod: SInt(lets.lockPeriod).toHex(),
      _joinWindow: SInt(JOIN_WINDOW).toHex(),
    },
  }).toHex();
  return { account, publicToken, accountScriptHash };
}
