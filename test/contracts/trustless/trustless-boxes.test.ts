import { describe, expect, it } from 'vitest';
import { mockUTxO } from '@fleet-sdk/mock-chain';
import { recoverTrustlessLets } from '../../../electron/core/contracts/trustless/trustless-boxes';
import { encodePublicTokenRegisters } from '../../../electron/core/contracts/trustless/trustless-registers';
import { aTrustlessLets, TrustlessWorld } from '../../helpers/trustless-fixtures';

describe('recoverTrustlessLets', () => {
  it('does not believe a look-alike box whose script is not the one its contents compile to', () => {
    const world = new TrustlessWorld();
    const genuine = world.publicTokenBox();
    const assets = genuine.assets.map(({ tokenId, amount }) => ({ tokenId, amount: BigInt(amount) }));
    const cheaper = encodePublicTokenRegisters(aTrustlessLets({ minimumCollateral: 1_000_000n }));
    const lookAlikes = [
      mockUTxO({ ergoTree: world.founder.party.ergoTree, assets, additionalRegisters: genuine.additionalRegisters }),
      mockUTxO({ ergoTree: genuine.ergoTree, assets, additionalRegisters: cheaper }),
      mockUTxO({ ergoTree: genuine.ergoTree, assets: assets.slice(1), additionalRegisters: genuine.additionalRegisters }),
    ];
    for (const box of lookAlikes) {
      expect(() => recoverTrustlessLets(box)).toThrow('This box is not the public token box of a trustless LETS made by this app.');
    }
  });
});
