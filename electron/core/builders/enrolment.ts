import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import { letsContracts } from '../contracts/lets-contracts';
import { readManagementBox } from '../contracts/lets-boxes';
import { encodeAccountRegisters } from '../contracts/registers';
import { AppError } from '../errors/app-error';
import type { Lets } from '../lets/lets-parameters';
import { assembleTransaction, LETS_BOX_VALUE, type Funding } from './funding';
import { recreateManagement } from './management-output';
import { requirePublicKey } from './public-key';

export interface EnrolmentRequest extends Funding {
  lets: Lets;
  management: Box<Amount>;
  memberName: string;
  memberKey: string;
}

/** Committee signs: one membership token leaves the pool for a new account at balance 0. */
export function buildEnrolment(request: EnrolmentRequest): EIP12UnsignedTransaction {
  const { lets, management, memberName } = request;
  const owner = requirePublicKey(request.memberKey, memberName);
  const state = readManagementBox(management, lets);
  if (state.pool <= 1n) {
    throw new AppError(
      'limit-exceeded',
      `${lets.name} has no membership left to give to ${memberName}: every membership minted at genesis is in use.`,
      'Close an account whose balance is 0.00 to free a membership.',
    );
  }
  const account = new OutputBuilder(LETS_BOX_VALUE, letsContracts(lets).account)
    .addTokens({ tokenId: lets.membershipTokenId, amount: 1n })
    .setAdditionalRegisters(encodeAccountRegisters({ owner, balance: 0n }));
  return assembleTransaction(
    [management],
    [recreateManagement(management, lets, state, { pool: state.pool - 1n }), account],
    request,
  );
}
