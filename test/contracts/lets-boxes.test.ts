import { describe, expect, it } from 'vitest';
import { mockUTxO } from '@fleet-sdk/mock-chain';
import { recoverLets } from '../../electron/core/contracts/lets-boxes';
import { encodeManagementRegisters } from '../../electron/core/contracts/registers';
import { aLets, LetsWorld } from '../helpers/lets-fixtures';

describe('recoverLets', () => {
  it('recovers the parameters, tokens and committee of a LETS from its management box alone', () => {
    const world = new LetsWorld(aLets({ cap: 500_00n }));
    expect(recoverLets(world.management())).toEqual({ ...world.lets, committee: world.committee.key });
  });

  it('does not believe a look-alike box whose script is not the one its contents compile to', () => {
    const world = new LetsWorld();
    const genuine = world.management();
    const lookAlike = mockUTxO({
      ergoTree: world.committee.party.ergoTree,
      assets: genuine.assets.map(({ tokenId, amount }) => ({ tokenId, amount: BigInt(amount) })),
      additionalRegisters: encodeManagementRegisters({ ...aLets({ floor: -1_000_00n }), committee: world.committee.key }),
    });
    expect(() => recoverLets(lookAlike)).toThrow('This box is not the management box of a LETS made by this app.');
  });
});
