import type { Amount, Box } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import type { TrustlessLets } from '../../contracts/trustless/trustless-parameters';

/**
 * The recreated public token box (public-token.es: OUTPUTS(0)) with a new pool size. Script, ERG and
 * registers are copied byte for byte: the script demands them unchanged.
 */
export function recreatePublicTokenBox(box: Box<Amount>, lets: TrustlessLets, pool: bigint): OutputBuilder {
  return new OutputBuilder(box.value, box.ergoTree)
    .addTokens([
      { tokenId: lets.letsId, amount: 1n },
      { tokenId: lets.membershipTokenId, amount: pool },
    ])
    .setAdditionalRegisters(box.additionalRegisters);
}
