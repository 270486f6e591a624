import { describe, expect, it } from 'vitest';
import { readAccountBox } from '../../electron/core/contracts/lets-boxes';
import { LetsWorld } from '../helpers/lets-fixtures';

describe('buildEnrolment', () => {
  it('takes one token from the pool for a new account at 0.00 owned by the member', () => {
    const world = new LetsWorld(undefined, 5);
    const alice = world.enrol('Alice');
    const { box } = world.account(alice);
    expect(readAccountBox(box, world.lets, 'Alice')).toEqual({ owner: alice.key, balance: 0n });
    expect(box.assets).toEqual([{ tokenId: world.lets.membershipTokenId, amount: '1' }]);
    expect(world.pool()).toBe(5n);
  });

  it('enrols up to the capacity, then says that no membership is left', () => {
    const world = new LetsWorld(undefined, 2);
    world.enrol('Alice');
    world.enrol('Bob');
    expect(world.pool()).toBe(1n);
    expect(() => world.enrolmentTx(world.person('Charlie'))).toThrow(
      'Seed LETS has no membership left to give to Charlie: every membership minted at genesis is in use.',
    );
  });

  it('refuses a malformed member key', () => {
    const world = new LetsWorld();
    const alice = { ...world.person('Alice'), key: '04'.padEnd(66, '0') };
    expect(() => world.enrolmentTx(alice)).toThrow('The public key given for Alice is not a valid Ergo public key.');
  });
});
