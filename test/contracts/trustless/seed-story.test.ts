import { describe, expect, it } from 'vitest';
import { TrustlessWorld } from '../../helpers/trustless-fixtures';

describe('the seed story in a trustless LETS, on the real interpreter', () => {
  it('Alice, Bob and Charlie join, trade milk and beer, settle, and take their collateral back after the lock', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    const bob = world.join('Bob');
    const charlie = world.join('Charlie');

    expect(world.trade(alice, bob, 2_00n)).toEqual({ accepted: true });
    expect(world.trade(bob, charlie, 3_50n)).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob), world.balance(charlie)]).toEqual([-2_00n, -1_50n, 3_50n]);

    expect(world.trade(charlie, alice, 2_00n)).toEqual({ accepted: true });
    expect(world.trade(charlie, bob, 1_50n)).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob), world.balance(charlie)]).toEqual([0n, 0n, 0n]);

    const pool = world.pool();
    world.advanceTo(world.state(alice).unlockHeight - 1);
    expect(world.chain.submit(world.withdrawalTx(alice), [alice.party])).toEqual({ accepted: true });
    expect(world.pool()).toBe(pool + 1n);
    expect(() => world.account(alice)).toThrow('Alice has no account');
    expect(world.trade(bob, charlie, 1n)).toEqual({ accepted: true });
  });
});
