import { describe, expect, it } from 'vitest';
import { buildGenesis } from '../../electron/core/builders/genesis';
import { decodeManagementRegisters } from '../../electron/core/contracts/registers';
import { createdBoxes } from '../../electron/core/builders/created-boxes';
import { LetsTestChain } from '../helpers/lets-chain';
import { aLets, LetsWorld } from '../helpers/lets-fixtures';

describe('buildGenesis', () => {
  it('founds a LETS whose parameters, committee and tokens can be read back from the chain alone', () => {
    const world = new LetsWorld(aLets({ name: 'Seed LETS', unit: 'EUR-LETS', floor: -200_00n, cap: 500_00n }), 25);
    const management = world.management();
    expect(decodeManagementRegisters(management.additionalRegisters)).toEqual({
      committee: world.committee.key,
      name: 'Seed LETS',
      unit: 'EUR-LETS',
      floor: -200_00n,
      cap: 500_00n,
    });
    expect(management.assets).toEqual([
      { tokenId: world.lets.letsId, amount: '1' },
      { tokenId: world.lets.membershipTokenId, amount: '26' },
    ]);
  });

  it('mints the LETS id once (supply 1) and the membership tokens once, each in its own transaction', () => {
    const chain = new LetsTestChain();
    const committee = chain.wallet('Committee');
    const { lets, transactions } = buildGenesis({
      parameters: aLets(),
      committeeKey: Buffer.from(committee.key.publicKey).toString('hex'),
      memberCapacity: 3,
      walletBoxes: chain.boxesAt(committee.ergoTree),
      changeAddress: committee.address.encode(),
      height: chain.height,
    });
    const [mint, found] = transactions;
    expect(lets.membershipTokenId).toBe(mint.inputs[0]?.boxId);
    expect(lets.letsId).toBe(found.inputs[0]?.boxId);
    expect(found.inputs[0]?.boxId).toBe(createdBoxes(mint)[0]?.boxId);
    const minted = (tokenId: string) =>
      [mint, found].flatMap((tx) => tx.outputs.flatMap((box) => box.assets)).filter((token) => token.tokenId === tokenId);
    expect(minted(lets.letsId)).toEqual([{ tokenId: lets.letsId, amount: '1' }]);
    expect(minted(lets.membershipTokenId).map((token) => token.amount)).toEqual(['4', '4']);
    for (const tx of transactions) expect(chain.submit(tx, [committee])).toEqual({ accepted: true });
  });

  it('refuses a positive floor, a negative cap and an empty name before building anything', () => {
    const world = new LetsWorld();
    const request = (parameters = aLets()) => ({
      parameters,
      committeeKey: world.committee.key,
      memberCapacity: 3,
      ...world.funding(world.committee),
    });
    expect(() => buildGenesis(request(aLets({ floor: 1_00n })))).toThrow('The credit floor 1.00 is not possible');
    expect(() => buildGenesis(request(aLets({ cap: -1n })))).toThrow('The credit cap −0.01 is not possible');
    expect(() => buildGenesis(request(aLets({ name: ' ' })))).toThrow('The LETS name must be between 1 and 64 characters long.');
    expect(() => buildGenesis({ ...request(), committeeKey: '02abc' })).toThrow(
      'The public key given for the committee is not a valid Ergo public key.',
    );
    expect(() => buildGenesis({ ...request(), memberCapacity: 0 })).toThrow('A LETS can be founded for 1 to 1000000 members, not 0.');
  });
});
