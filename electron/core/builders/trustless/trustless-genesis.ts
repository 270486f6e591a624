import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import { trustlessContracts } from '../../contracts/trustless/trustless-contracts';
import { validateTrustlessParameters, type TrustlessLets, type TrustlessLetsParameters } from '../../contracts/trustless/trustless-parameters';
import { encodePublicTokenRegisters } from '../../contracts/trustless/trustless-registers';
import type { Lets } from '../../lets/lets-parameters';
import { LETS_BOX_VALUE, type Funding } from '../funding';
import { foundLets } from '../genesis';
import { requirePublicKey } from '../public-key';

export interface TrustlessGenesisRequest extends Funding {
  parameters: TrustlessLetsParameters;
  /** Signs the two genesis transactions and has no power over the LETS afterwards. */
  founderKey: string;
  /** How many members may hold an account at the same time. */
  memberCapacity: number;
}

export interface TrustlessGenesis {
  lets: TrustlessLets;
  /** Sign and submit in this order; the second spends an output of the first. */
  transactions: [EIP12UnsignedTransaction, EIP12UnsignedTransaction];
}

/**
 * Founds a trustless LETS: the same two minting transactions as the committee model (foundLets), but the
 * LETS id NFT and the membership pool go into the public token box, which nobody owns.
 */
export function buildTrustlessGenesis(request: TrustlessGenesisRequest): TrustlessGenesis {
  const { parameters } = request;
  validateTrustlessParameters(parameters, LETS_BOX_VALUE);
  const founderKey = requirePublicKey(request.founderKey, 'the founder');
  const { minimumCollateral, collateralPerUnit, lockPeriod } = parameters;
  const withTerms = (lets: Lets): TrustlessLets => ({
    ...lets,
    minimumCollateral,
    collateralPerUnit,
    lockPeriod,
  });
  const { lets, transactions } = foundLets({ ...request, founderKey }, (founded) =>
    new OutputBuilder(LETS_BOX_VALUE, trustlessContracts(withTerms(founded)).publicToken).setAdditionalRegisters(
      encodePublicTokenRegisters(parameters),
    ),
  );
  return { lets: withTerms(lets), transactions };
}
