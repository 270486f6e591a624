import { describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { aLets, LetsWorld } from '../helpers/lets-fixtures';
import { refusalOf } from '../helpers/refusal';

function cappedWorld() {
  const world = new LetsWorld(aLets({ floor: -200_00n, cap: 300_00n }));
  return { world, alice: world.enrol('Alice'), bob: world.enrol('Bob'), charlie: world.enrol('Charlie') };
}

describe('buildTrade', () => {
  it('builds a trade with payer and payee at inputs 0 and 1 and only the payer signing', () => {
    const { world, alice, bob } = cappedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n);
    expect(tx.inputs.slice(0, 2).map((input) => input.boxId)).toEqual([world.account(alice).box.boxId, world.account(bob).box.boxId]);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob)]).toEqual([-2_00n, 2_00n]);
  });

  it('allows exactly the floor and names the floor when one unit more is asked', () => {
    const { world, alice, bob } = cappedWorld();
    const error = refusalOf(() => world.tradeTx(alice, bob, 200_01n));
    expect(error.code).toBe('below-credit-floor');
    expect(error.message).toBe('Alice would go below the credit floor of −200.00: balance 0.00, amount 200.01.');
    expect(error.hint).toBe('Alice can pay at most 200.00 now.');
    expect(world.trade(alice, bob, 200_00n)).toEqual({ accepted: true });
  });

  it('allows exactly the cap and names the cap when one unit more is asked', () => {
    const { world, alice, bob, charlie } = cappedWorld();
    world.trade(alice, bob, 200_00n);
    const error = refusalOf(() => world.tradeTx(charlie, bob, 100_01n));
    expect(error.code).toBe('above-credit-cap');
    expect(error.message).toBe('Bob would go above the credit cap of 300.00: balance 200.00, amount 100.01.');
    expect(world.trade(charlie, bob, 100_00n)).toEqual({ accepted: true });
  });

  it('refuses a negative amount and a self-payment', () => {
    const { world, alice, bob } = cappedWorld();
    expect(() => world.tradeTx(alice, bob, -5n)).toThrow('The amount must be more than 0.00, not −0.05.');
    expect(() => world.tradeTx(alice, alice, 1n)).toThrow('Alice cannot pay their own account.');
  });

  it('refuses an account box of another LETS', () => {
    const { world, alice } = cappedWorld();
    const other = new LetsWorld(aLets({ name: 'Other LETS' }), 10, world.chain);
    const dave = other.enrol('Dave');
    const request = { lets: world.lets, payer: world.account(alice), payee: other.account(dave), amount: 1n, ...world.funding(alice) };
    expect(() => buildTrade(request)).toThrow('The box given for Dave is not an account of Seed LETS.');
  });
});
