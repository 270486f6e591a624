import { describe, expect, it } from 'vitest';
import { rejection } from '../helpers/lets-chain';
import { aLets, LetsWorld } from '../helpers/lets-fixtures';
import { setBalance, tamper } from '../helpers/tamper';

// Floor −200.00 and cap +300.00: the chain's checks are inclusive, one minor unit past them is refused.
function cappedWorld() {
  const world = new LetsWorld(aLets({ floor: -200_00n, cap: 300_00n }));
  return { world, alice: world.enrol('Alice'), bob: world.enrol('Bob') };
}

describe('credit floor and cap boundaries on the real interpreter', () => {
  it('accepts a payment that lands exactly on the floor', () => {
    const { world, alice, bob } = cappedWorld();
    expect(world.trade(alice, bob, 200_00n)).toEqual({ accepted: true });
    expect(world.balance(alice)).toBe(-200_00n);
  });

  it('refuses one minor unit below the floor', () => {
    const { world, alice, bob } = cappedWorld();
    const oneBelow = tamper(world.tradeTx(alice, bob, 200_00n), (t) => {
      setBalance(t, 0, alice.key, -200_01n);
      setBalance(t, 1, bob.key, 200_01n);
    });
    expect(rejection(world.chain.submit(oneBelow, [alice.party]))).toBe('contract-false');
  });

  it('accepts a payment that lands exactly on the cap', () => {
    const { world, alice, bob } = cappedWorld();
    const charlie = world.enrol('Charlie');
    world.trade(alice, bob, 200_00n);
    expect(world.trade(charlie, bob, 100_00n)).toEqual({ accepted: true });
    expect(world.balance(bob)).toBe(300_00n);
  });

  it('refuses one minor unit above the cap', () => {
    const { world, alice, bob } = cappedWorld();
    const charlie = world.enrol('Charlie');
    world.trade(alice, bob, 200_00n);
    const oneAbove = tamper(world.tradeTx(charlie, bob, 100_00n), (t) => {
      setBalance(t, 0, charlie.key, -100_01n);
      setBalance(t, 1, bob.key, 300_01n);
    });
    expect(rejection(world.chain.submit(oneAbove, [charlie.party]))).toBe('contract-false');
  });
});
