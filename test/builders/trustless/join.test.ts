import { describe, expect, it } from 'vitest';
import { buildJoin } from '../../../electron/core/builders/trustless/join';
import { JOIN_WINDOW } from '../../../electron/core/contracts/trustless/trustless-contracts';
import { checkSigningShape } from '../../../electron/core/preflight/signing-shape';
import { ERG, TrustlessWorld } from '../../helpers/trustless-fixtures';

describe('buildJoin', () => {
  it('takes one token from the public pool for a new account at 0.00, locking the minimum collateral', () => {
    const world = new TrustlessWorld(undefined, 5);
    const alice = world.person('Alice');
    const joinedAt = world.chain.height;
    const tx = world.joinTx(alice);
    expect(checkSigningShape(tx, world.chain.height)[0]).toEqual({ kind: 'key', publicKey: alice.key });
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    expect(world.state(alice)).toEqual({
      owner: alice.key,
      balance: 0n,
      unlockHeight: joinedAt + 1 + world.lets.lockPeriod + JOIN_WINDOW,
      collateral: world.lets.minimumCollateral,
    });
    expect(world.account(alice).box.assets).toEqual([{ tokenId: world.lets.membershipTokenId, amount: '1' }]);
    expect(world.pool()).toBe(5n);
  });

  it('locks more collateral when asked, and refuses less than the minimum', () => {
    const world = new TrustlessWorld();
    expect(world.state(world.join('Alice', 2n * ERG)).collateral).toBe(2n * ERG);
    expect(() => world.joinTx(world.person('Bob'), ERG / 2n)).toThrow(
      expect.objectContaining({
        code: 'collateral-too-low',
        message: 'Seed LETS asks every member to lock at least 1 ERG, not 0.5 ERG.',
        hint: 'Lock 1 ERG or more.',
      }),
    );
  });

  it('lets members join up to the capacity, then says that no membership is left', () => {
    const world = new TrustlessWorld(undefined, 2);
    world.join('Alice');
    world.join('Bob');
    expect(world.pool()).toBe(1n);
    expect(() => world.joinTx(world.person('Charlie'))).toThrow(
      'Seed LETS has no membership left for Charlie: every membership minted at genesis is in use.',
    );
  });

  it('refuses a malformed key and a box that is not the public token box', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    expect(() => world.joinTx({ ...world.person('Bob'), key: '04'.padEnd(66, '0') })).toThrow(
      'The public key given for Bob is not a valid Ergo public key.',
    );
    const bob = world.person('Bob');
    const request = { lets: world.lets, publicTokenBox: world.account(alice).box, memberName: 'Bob', memberKey: bob.key, ...world.funding(bob) };
    expect(() => buildJoin(request)).toThrow('The box given as the public token box is not the public token box of Seed LETS.');
  });
});
