import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { readPublicTokenPool, readTrustlessAccount } from '../../contracts/trustless/trustless-boxes';
import type { TrustlessLets } from '../../contracts/trustless/trustless-parameters';
import { AppError } from '../../errors/app-error';
import { formatAmount } from '../../lets/amount';
import type { MemberAccount } from '../../lets/member-account';
import { assembleTransaction, type Funding } from '../funding';
import { recreatePublicTokenBox } from './public-token-output';

export interface WithdrawalRequest extends Funding {
  lets: TrustlessLets;
  publicTokenBox: Box<Amount>;
  account: MemberAccount;
}

/**
 * The member signs: their account at exactly 0.00, once unlocked, is closed; its membership token returns
 * to the public pool (public token box input 0, account input 1) and its collateral goes to the change
 * address.
 */
export function buildWithdrawal(request: WithdrawalRequest): EIP12UnsignedTransaction {
  const { lets, publicTokenBox, account } = request;
  const pool = readPublicTokenPool(publicTokenBox, lets);
  const { balance, unlockHeight } = readTrustlessAccount(account.box, lets, account.name);
  if (balance !== 0n) {
    throw new AppError(
      'conflict',
      `${account.name}’s balance is ${formatAmount(balance)}; collateral can only be withdrawn at 0.00.`,
      `${account.name} must first ${balance < 0n ? 'earn' : 'spend'} ${formatAmount(balance < 0n ? -balance : balance)} in trades.`,
    );
  }
  // The chain checks the height of the block that includes the withdrawal: the next one at the earliest.
  const blocksLeft = unlockHeight - (request.height + 1);
  if (blocksLeft > 0) {
    throw new AppError(
      'collateral-locked',
      `${account.name}’s collateral is locked until block ${unlockHeight}; the chain is at block ${request.height}.`,
      `Try again in ${blocksLeft} blocks (${roughly(blocksLeft)}).`,
    );
  }
  return assembleTransaction([publicTokenBox, account.box], [recreatePublicTokenBox(publicTokenBox, lets, pool + 1n)], request);
}

/** Ergo aims at one block every two minutes, so 30 blocks are about an hour. */
function roughly(blocks: number): string {
  const hours = Math.ceil(blocks / 30);
  return hours === 1 ? 'about an hour' : `about ${hours} hours`;
}
