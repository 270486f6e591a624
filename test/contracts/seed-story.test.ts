import { describe, expect, it } from 'vitest';
import { LetsWorld } from '../helpers/lets-fixtures';

describe('the seed story on the real interpreter', () => {
  it('Alice buys milk from Bob for 2.00, then Bob buys beer from Charlie', () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    const charlie = world.enrol('Charlie');

    expect(world.trade(alice, bob, 2_00n)).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob), world.balance(charlie)]).toEqual([-2_00n, 2_00n, 0n]);

    expect(world.trade(bob, charlie, 3_50n)).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob), world.balance(charlie)]).toEqual([-2_00n, -1_50n, 3_50n]);
  });
});
