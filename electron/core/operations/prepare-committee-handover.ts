import type { PreparedTransaction } from '../api/calls/outbox-types';
import { buildCommitteeRotation } from '../builders/committee-rotation';
import { AppError } from '../errors/app-error';
import { keyFromText } from '../members/member-check';
import { ownerAddress } from '../members/owner-address';
import { prepareCommitteeAction } from './committee-action';
import type { ChainContext } from './operations-context';
import { addressNetwork } from './signing-keys';

/**
 * Builds the hand-over of the treasurer role (committee key rotation) to the key given as a public key or address,
 * and files it in the outbox for the current committee key to sign. A key nobody can sign for is refused here:
 * once the management box is locked to it, no enrolment, closing or further hand-over could ever happen.
 */
export async function prepareCommitteeHandover(ctx: ChainContext, letsId: number, newKeyText: string): Promise<PreparedTransaction> {
  const network = addressNetwork(ctx.chain.network);
  const parsed = keyFromText(newKeyText, network);
  if ('problem' in parsed) {
    throw new AppError(
      'invalid-input',
      `The new committee key cannot be used: ${parsed.problem}.`,
      'Copy the public key or address again from the new treasurer’s wallet, or read it from their Ledger.',
    );
  }
  return prepareCommitteeAction(ctx, letsId, {
    purpose: 'handover',
    build: (funding, state) => buildCommitteeRotation({ ...funding, lets: state.lets, management: state.management, newCommitteeKey: parsed.key }),
    describe: (state) => `The committee key of ${state.lets.name} passes to ${ownerAddress(parsed.key, network)}`,
  });
}
