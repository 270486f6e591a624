import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { readAccountBox, readManagementBox } from '../contracts/lets-boxes';
import { AppError } from '../errors/app-error';
import { formatAmount } from '../lets/amount';
import type { Lets } from '../lets/lets-parameters';
import type { MemberAccount } from '../lets/member-account';
import { assembleTransaction, type Funding } from './funding';
import { recreateManagement } from './management-output';

export interface AccountClosingRequest extends Funding {
  lets: Lets;
  management: Box<Amount>;
  account: MemberAccount;
}

/**
 * Committee signs: an account at exactly 0.00 is closed and its membership token returns to the pool
 * (management input 0, account input 1). The account's ERG goes to the change address.
 */
export function buildAccountClosing(request: AccountClosingRequest): EIP12UnsignedTransaction {
  const { lets, management, account } = request;
  const state = readManagementBox(management, lets);
  const { balance } = readAccountBox(account.box, lets, account.name);
  if (balance !== 0n) {
    throw new AppError(
      'conflict',
      `${account.name}’s balance is ${formatAmount(balance)}; an account can only be closed at 0.00.`,
      `${account.name} must first ${balance < 0n ? 'earn' : 'spend'} ${formatAmount(balance < 0n ? -balance : balance)} in trades.`,
    );
  }
  return assembleTransaction(
    [management, account.box],
    [recreateManagement(management, lets, state, { pool: state.pool + 1n })],
    request,
  );
}
