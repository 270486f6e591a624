import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { readManagementBox } from '../contracts/lets-boxes';
import { AppError } from '../errors/app-error';
import type { Lets } from '../lets/lets-parameters';
import { assembleTransaction, type Funding } from './funding';
import { recreateManagement } from './management-output';
import { requirePublicKey } from './public-key';

export interface CommitteeRotationRequest extends Funding {
  lets: Lets;
  management: Box<Amount>;
  newCommitteeKey: string;
}

/** The current committee key signs over the management box to a new key; nothing else changes. */
export function buildCommitteeRotation(request: CommitteeRotationRequest): EIP12UnsignedTransaction {
  const { lets, management } = request;
  const committee = requirePublicKey(request.newCommitteeKey, 'the new committee');
  const state = readManagementBox(management, lets);
  if (committee === state.committee) {
    throw new AppError('invalid-input', 'The new committee key is the key already in charge.', 'Enter the new committee’s public key.');
  }
  return assembleTransaction([management], [recreateManagement(management, lets, state, { pool: state.pool, committee })], request);
}
