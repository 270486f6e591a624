import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { ErgoAddress, OutputBuilder, RECOMMENDED_MIN_FEE_VALUE } from '@fleet-sdk/core';
import { letsContracts } from '../contracts/lets-contracts';
import { encodeManagementRegisters } from '../contracts/registers';
import { AppError } from '../errors/app-error';
import { validateLetsParameters, type Lets, type LetsParameters } from '../lets/lets-parameters';
import { createdBoxes } from './created-boxes';
import { assembleTransaction, LETS_BOX_VALUE, type Funding } from './funding';
import { requirePublicKey } from './public-key';

export interface GenesisRequest extends Funding {
  parameters: LetsParameters;
  committeeKey: string;
  /** How many members may hold an account at the same time. */
  memberCapacity: number;
}

export interface Genesis {
  lets: Lets;
  /** Sign and submit in this order; the second spends an output of the first. */
  transactions: [EIP12UnsignedTransaction, EIP12UnsignedTransaction];
}

const MAX_CAPACITY = 1_000_000;

/** The committee founds the LETS and keeps the management box (management.es). */
export function buildGenesis(request: GenesisRequest): Genesis {
  validateLetsParameters(request.parameters);
  const committee = requirePublicKey(request.committeeKey, 'the committee');
  return foundLets({ ...request, founderKey: committee }, (lets) =>
    new OutputBuilder(LETS_BOX_VALUE, letsContracts(lets).management).setAdditionalRegisters(
      encodeManagementRegisters({ ...request.parameters, committee }),
    ),
  );
}

export interface FoundingRequest extends Funding {
  parameters: LetsParameters;
  /** Signs both transactions; holds the membership tokens between them. */
  founderKey: string;
  /** How many members may hold an account at the same time. */
  memberCapacity: number;
}

/**
 * Ergo mints one token per transaction, with the id of the transaction's first input, so genesis is two
 * chained transactions, both signed by the founder:
 *  1. mint the membership tokens (capacity + 1: one always stays in the pool, see management.es and
 *     public-token.es) into a box of the founder, carrying exactly the ERG the second transaction needs;
 *  2. spend that box to mint the LETS id NFT (supply 1) straight into the box `holder` makes for the
 *     model (script, value and registers), together with the membership pool.
 */
export function foundLets(request: FoundingRequest, holder: (lets: Lets) => OutputBuilder): Genesis {
  const { parameters, memberCapacity } = request;
  if (!Number.isSafeInteger(memberCapacity) || memberCapacity < 1 || memberCapacity > MAX_CAPACITY) {
    throw new AppError(
      'invalid-input',
      `A LETS can be founded for 1 to ${MAX_CAPACITY} members, not ${memberCapacity}.`,
      'Enter how many members the LETS may have.',
    );
  }
  const fee = request.fee ?? RECOMMENDED_MIN_FEE_VALUE;
  const pool = BigInt(memberCapacity) + 1n;

  const membership = new OutputBuilder(LETS_BOX_VALUE + fee, ErgoAddress.fromPublicKey(request.founderKey)).mintToken({
    amount: pool,
    name: `${parameters.name} membership`,
    description: `Membership tokens of the LETS ${parameters.name}; an account box holds exactly one.`,
    decimals: 0,
  });
  const mint = assembleTransaction([], [membership], request);
  const [membershipBox] = createdBoxes(mint);
  const membershipTokenId = membershipBox?.assets[0]?.tokenId;
  if (!membershipBox || !membershipTokenId) throw new Error('genesis: the mint output is missing');

  const lets: Lets = { ...parameters, letsId: membershipBox.boxId, membershipTokenId };
  const letsIdHolder = holder(lets).mintToken({ amount: 1n }).addTokens({ tokenId: membershipTokenId, amount: pool });
  const found = assembleTransaction([membershipBox], [letsIdHolder], { ...request, walletBoxes: [], fee });
  return { lets, transactions: [mint, found] };
}
