import { describe, expect, it } from 'vitest';
import { buildTrustlessGenesis } from '../../../electron/core/builders/trustless/trustless-genesis';
import { recoverTrustlessLets } from '../../../electron/core/contracts/trustless/trustless-boxes';
import { decodePublicTokenRegisters } from '../../../electron/core/contracts/trustless/trustless-registers';
import { aTrustlessLets, TrustlessWorld } from '../../helpers/trustless-fixtures';

describe('buildTrustlessGenesis', () => {
  it('founds a LETS whose rules and tokens can be read back from the public token box alone', () => {
    const parameters = aTrustlessLets({ name: 'Open LETS', cap: 500_00n, lockPeriod: 720 });
    const world = new TrustlessWorld(parameters, 25);
    const box = world.publicTokenBox();
    expect(decodePublicTokenRegisters(box.additionalRegisters)).toEqual(parameters);
    expect(box.assets).toEqual([
      { tokenId: world.lets.letsId, amount: '1' },
      { tokenId: world.lets.membershipTokenId, amount: '26' },
    ]);
    expect(recoverTrustlessLets(box)).toEqual(world.lets);
  });

  it('leaves the founder no power: no key of theirs is in the public token box', () => {
    const world = new TrustlessWorld();
    const box = world.publicTokenBox();
    expect(box.ergoTree).not.toContain(world.founder.key);
    expect(Object.values(box.additionalRegisters).join('')).not.toContain(world.founder.key);
  });

  it('refuses collateral terms the contracts cannot enforce, before building anything', () => {
    const world = new TrustlessWorld();
    const request = (overrides = {}) => ({
      parameters: aTrustlessLets(overrides),
      founderKey: world.founder.key,
      memberCapacity: 3,
      ...world.funding(world.founder),
    });
    expect(() => buildTrustlessGenesis(request({ minimumCollateral: 999_999n }))).toThrow(
      'The minimum collateral of 0.000999999 ERG is not possible: an account box holds at least 0.001 ERG.',
    );
    expect(() => buildTrustlessGenesis(request({ collateralPerUnit: 0n }))).toThrow('The collateral per unit of debt must be at least 1 nanoERG.');
    expect(() => buildTrustlessGenesis(request({ lockPeriod: -1 }))).toThrow('The lock period must be between 0 and 2628000 blocks, not -1.');
    expect(() => buildTrustlessGenesis(request({ floor: 1n }))).toThrow('The credit floor 0.01 is not possible');
    expect(() => buildTrustlessGenesis({ ...request(), founderKey: '02abc' })).toThrow('The public key given for the founder is not a valid Ergo public key.');
    expect(() => buildTrustlessGenesis({ ...request(), memberCapacity: 0 })).toThrow('A LETS can be founded for 1 to 1000000 members, not 0.');
  });
});
