import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import { formatErg } from '../../lets/amount';
import { readPublicTokenPool } from '../../contracts/trustless/trustless-boxes';
import { JOIN_WINDOW, trustlessContracts } from '../../contracts/trustless/trustless-contracts';
import type { TrustlessLets } from '../../contracts/trustless/trustless-parameters';
import { encodeTrustlessAccountRegisters } from '../../contracts/trustless/trustless-registers';
import { AppError } from '../../errors/app-error';
import { assembleTransaction, type Funding } from '../funding';
import { requirePublicKey } from '../public-key';
import { recreatePublicTokenBox } from './public-token-output';

export interface JoinRequest extends Funding {
  lets: TrustlessLets;
  publicTokenBox: Box<Amount>;
  memberName: string;
  /** The joiner's key: they sign the join (public-token.es) and, from then on, every payment they make. */
  memberKey: string;
  /** nanoERG to lock in the new account; the LETS's minimum when left out. More backs a larger debt. */
  collateral?: bigint;
}

/**
 * The unlock height a join built at chain height `height` writes: the latest public-token.es accepts when
 * the join is included in the very next block, so the join stays valid for JOIN_WINDOW more blocks.
 */
export function unlockHeightOfJoinAt(height: number, lets: TrustlessLets): number {
  return height + 1 + lets.lockPeriod + JOIN_WINDOW;
}

/** The joiner signs: one membership token leaves the public pool for their new account at 0.00. */
export function buildJoin(request: JoinRequest): EIP12UnsignedTransaction {
  const { lets, publicTokenBox, memberName } = request;
  const owner = requirePublicKey(request.memberKey, memberName);
  const pool = readPublicTokenPool(publicTokenBox, lets);
  if (pool <= 1n) {
    throw new AppError(
      'limit-exceeded',
      `${lets.name} has no membership left for ${memberName}: every membership minted at genesis is in use.`,
      'A membership frees up when a member withdraws their collateral; try again later.',
    );
  }
  const collateral = request.collateral ?? lets.minimumCollateral;
  if (collateral < lets.minimumCollateral) {
    throw new AppError(
      'collateral-too-low',
      `${lets.name} asks every member to lock at least ${formatErg(lets.minimumCollateral)}, not ${formatErg(collateral)}.`,
      `Lock ${formatErg(lets.minimumCollateral)} or more.`,
    );
  }
  const account = new OutputBuilder(collateral, trustlessContracts(lets).account)
    .addTokens({ tokenId: lets.membershipTokenId, amount: 1n })
    .setAdditionalRegisters(encodeTrustlessAccountRegisters({ owner, balance: 0n, unlockHeight: unlockHeightOfJoinAt(request.height, lets) }));
  return assembleTransaction([publicTokenBox], [recreatePublicTokenBox(publicTokenBox, lets, pool - 1n), account], request);
}
