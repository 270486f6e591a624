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

/**
 * Ergo mints one token per transaction, with the id of the transaction's first input, so genesis is two
 * chained transactions, both signed by the committee:
 *  1. mint the membership tokens (capacity + 1: one always stays in the pool, see management.es) into a
 *     box of the committee, carrying exactly the ERG the second transaction needs;
 *  2. spend that box to mint the LETS id NFT (supply 1) straight into the new management box, together
 *     with the membership pool and the parameters in registers.
 */
export function buildGenesis(request: GenesisRequest): Genesis {
  const { parameters, memberCapacity } = request;
  validateLetsParameters(parameters);
  const committee = requirePublicKey(request.committeeKey, 'the committee');
  if (!Number.isSafeInteger(memberCapacity) || memberCapacity < 1 || memberCapacity > MAX_CAPACITY) {
    throw new AppError(
      'invalid-input',
      `A LETS can be founded for 1 to ${MAX_CAPACITY} members, not ${memberCapacity}.`,
      'Enter how many members the LETS may have.',
    );
  }
  const fee = request.fee ?? RECOMMENDED_MIN_FEE_VALUE;
  const pool = BigInt(memberCapacity) + 1n;

  const membership = new OutputBuilder(LETS_BOX_VALUE + fee, ErgoAddress.fromPublicKey(committee)).mintToken({
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
  const management = new OutputBuilder(LETS_BOX_VALUE, letsContracts(lets).management)
    .mintToken({ amount: 1n })
    .addTokens({ tokenId: membershipTokenId, amount: pool })
    .setAdditionalRegisters(encodeManagementRegisters({ ...parameters, committee }));
  const found = assembleTransaction([membershipBox], [management], { ...request, walletBoxes: [], fee });
  return { lets, transactions: [mint, found] };
}
