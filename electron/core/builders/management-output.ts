import type { Amount, Box } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import type { ManagementState } from '../contracts/lets-boxes';
import { encodeManagementRegisters } from '../contracts/registers';
import type { Lets } from '../lets/lets-parameters';

/** The recreated management box (management.es: OUTPUTS(0)) with a new pool size and committee key. */
export function recreateManagement(
  box: Box<Amount>,
  lets: Lets,
  state: ManagementState,
  change: { pool: bigint; committee?: string },
): OutputBuilder {
  return new OutputBuilder(box.value, box.ergoTree)
    .addTokens([
      { tokenId: lets.letsId, amount: 1n },
      { tokenId: lets.membershipTokenId, amount: change.pool },
    ])
    .setAdditionalRegisters(encodeManagementRegisters({ ...state, committee: change.committee ?? state.committee }));
}
