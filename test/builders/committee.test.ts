import { describe, expect, it } from 'vitest';
import { rejection } from '../helpers/lets-chain';
import { LetsWorld } from '../helpers/lets-fixtures';

describe('buildCommitteeRotation', () => {
  it('hands the management box to the new committee, which alone can enrol from then on', () => {
    const world = new LetsWorld();
    const oldCommittee = world.committee;
    const newCommittee = world.person('New committee');
    expect(world.chain.submit(world.rotationTx(newCommittee), [oldCommittee.party])).toEqual({ accepted: true });
    expect(world.committeeKeyOnChain()).toBe(newCommittee.key);

    const alice = world.person('Alice');
    expect(rejection(world.chain.submit(world.enrolmentTx(alice), [oldCommittee.party]))).toBe('signature-missing');
    expect(world.chain.submit(world.enrolmentTx(alice, newCommittee), [newCommittee.party])).toEqual({ accepted: true });
  });

  it('refuses rotating to the key already in charge', () => {
    const world = new LetsWorld();
    expect(() => world.rotationTx(world.committee)).toThrow('The new committee key is the key already in charge.');
  });
});

describe('buildAccountClosing', () => {
  it('closes an account at 0.00 and returns its membership token to the pool', () => {
    const world = new LetsWorld(undefined, 5);
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    world.trade(alice, bob, 2_00n);
    world.trade(bob, alice, 2_00n);
    expect(world.pool()).toBe(4n);
    expect(world.chain.submit(world.closingTx(alice), [world.committee.party])).toEqual({ accepted: true });
    expect(world.pool()).toBe(5n);
    expect(() => world.account(alice)).toThrow('Alice has no account');
  });

  it('says what the member must do first when the balance is not zero', () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    world.trade(alice, bob, 12_00n);
    expect(() => world.closingTx(bob)).toThrow('Bob’s balance is 12.00; an account can only be closed at 0.00.');
    expect(() => world.closingTx(alice)).toThrow('Alice’s balance is −12.00');
  });
});
