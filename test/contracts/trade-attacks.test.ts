import { describe, expect, it } from 'vitest';
import { LONG_MAX, LONG_MIN } from '../../electron/core/lets/amount';
import { rejection } from '../helpers/lets-chain';
import { aLets, LetsWorld } from '../helpers/lets-fixtures';
import { output, setBalance, tamper } from '../helpers/tamper';

// PROTOCOL.md "Attacks": each test starts from a transaction our builder makes, changes the one thing the
// attack needs, has the attacker sign, and expects the real interpreter to refuse it for that reason.

function seedWorld(parameters = aLets()) {
  const world = new LetsWorld(parameters);
  return { world, alice: world.enrol('Alice'), bob: world.enrol('Bob') };
}

describe('attack 2: unlimited debt', () => {
  it('the chain refuses a payment that takes the payer below the floor', () => {
    const { world, alice, bob } = seedWorld();
    world.trade(alice, bob, 150_00n);
    const atFloor = world.tradeTx(alice, bob, 50_00n);
    const below = tamper(atFloor, (tx) => {
      setBalance(tx, 0, alice.key, -225_00n);
      setBalance(tx, 1, bob.key, 225_00n);
    });
    expect(rejection(world.chain.submit(below, [alice.party]))).toBe('contract-false');
  });

  it('the builder refuses it first, in words a treasurer can read', () => {
    const { world, alice, bob } = seedWorld();
    world.trade(alice, bob, 150_00n);
    expect(() => world.tradeTx(alice, bob, 75_00n)).toThrow(
      'Alice would go below the credit floor of −200.00: balance −150.00, amount 75.00',
    );
  });
});

describe('attack 4: changing owner key, script or ERG of an account in a trade', () => {
  it('the payer cannot hand their account to another key', () => {
    const { world, alice, bob } = seedWorld();
    const mallory = world.person('Mallory');
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => setBalance(t, 0, mallory.key, -2_00n));
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it("the payer cannot take over the payee's account", () => {
    const { world, alice, bob } = seedWorld();
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => setBalance(t, 1, alice.key, 2_00n));
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it("the payee's account cannot move to another script, even a LETS account script with a lower floor", () => {
    const { world, alice, bob } = seedWorld();
    const lax = new LetsWorld(aLets({ floor: -1_000_000_00n }), 10, world.chain);
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => {
      output(t, 1).ergoTree = lax.contracts.account;
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it("the payer cannot take ERG out of the payee's account", () => {
    const { world, alice, bob } = seedWorld();
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => {
      const taken = 100_000n;
      output(t, 1).value = (BigInt(output(t, 1).value) - taken).toString();
      const change = output(t, 3);
      change.value = (BigInt(change.value) + taken).toString();
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 5: amounts that are zero, negative or at the edges of Long', () => {
  it('refuses a zero amount', () => {
    const { world, alice, bob } = seedWorld();
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => {
      setBalance(t, 0, alice.key, 0n);
      setBalance(t, 1, bob.key, 0n);
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
    expect(() => world.tradeTx(alice, bob, 0n)).toThrow('The amount must be more than 0.00');
  });

  it('refuses a negative amount: the signer cannot pull credit from the other account', () => {
    const { world, alice, bob } = seedWorld();
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => {
      setBalance(t, 0, alice.key, 50_00n);
      setBalance(t, 1, bob.key, -50_00n);
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it('refuses a payee balance that wraps past Long.MaxValue', () => {
    const world = new LetsWorld(aLets({ floor: LONG_MIN, cap: null }));
    const alice = world.enrolAt('Alice', LONG_MIN + 100n);
    const bob = world.enrolAt('Bob', LONG_MAX - 10n);
    const tx = tamper(world.tradeTx(alice, bob, 10n), (t) => {
      setBalance(t, 0, alice.key, LONG_MIN + 89n);
      setBalance(t, 1, bob.key, LONG_MIN); // LONG_MAX − 10 + 11, wrapped as 64-bit arithmetic would
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-error');
    expect(() => world.tradeTx(alice, bob, 11n)).toThrow('Bob would go above the largest balance the chain can hold');
  });

  it('refuses a payer balance that wraps past Long.MinValue', () => {
    const world = new LetsWorld(aLets({ floor: LONG_MIN, cap: null }));
    const alice = world.enrolAt('Alice', LONG_MIN + 5n);
    const bob = world.enrol('Bob');
    const tx = tamper(world.tradeTx(alice, bob, 5n), (t) => {
      setBalance(t, 0, alice.key, LONG_MAX - 4n); // LONG_MIN + 5 − 10, wrapped
      setBalance(t, 1, bob.key, 10n);
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-error');
  });

  it('accepts trades that land exactly on Long.MinValue and Long.MaxValue', () => {
    const world = new LetsWorld(aLets({ floor: LONG_MIN, cap: null }));
    const alice = world.enrolAt('Alice', LONG_MIN + 10n);
    const bob = world.enrolAt('Bob', LONG_MAX - 10n);
    expect(world.trade(alice, bob, 10n)).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob)]).toEqual([LONG_MIN, LONG_MAX]);
  });
});

describe('attack 8: moving value without the payer’s signature', () => {
  it('the payee alone cannot take a payment, even paying the fee', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n, bob);
    expect(rejection(world.chain.submit(tx, [bob.party]))).toBe('signature-missing');
  });

  it('the payee cannot swap places to pay themselves from the payer', () => {
    const { world, alice, bob } = seedWorld();
    const tx = tamper(world.tradeTx(bob, alice, 2_00n), (t) => {
      setBalance(t, 0, bob.key, 2_00n);
      setBalance(t, 1, alice.key, -2_00n);
    });
    expect(rejection(world.chain.submit(tx, [bob.party]))).toBe('contract-false');
  });

  it('the committee alone cannot move value between members', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n, world.committee);
    expect(rejection(world.chain.submit(tx, [world.committee.party]))).toBe('signature-missing');
  });
});

describe('attack 9: boxes of two LETS in one trade', () => {
  it('an account of one LETS cannot pay an account of another', () => {
    const { world, alice } = seedWorld();
    const other = new LetsWorld(aLets({ name: 'Other LETS' }), 10, world.chain);
    const bob = other.enrol('Bob');
    const bobsTrade = other.tradeTx(bob, other.enrol('Carol'), 1n);
    const aliceTrade = world.tradeTx(alice, world.enrol('Dave'), 2_00n);
    const mixed = tamper(aliceTrade, (t) => {
      const [, bobIn] = bobsTrade.inputs;
      if (!bobIn) throw new Error('no payee input');
      t.inputs[1] = { ...bobIn, extension: {} };
      const bobOut = output(t, 1);
      bobOut.ergoTree = bobIn.ergoTree;
      bobOut.assets = bobIn.assets;
      setBalance(t, 1, bob.key, 2_00n);
    });
    expect(rejection(world.chain.submit(mixed, [alice.party]))).toBe('contract-false');
  });

  it('a trade cannot be replayed once its boxes are spent', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('input-spent');
    expect(world.balance(bob)).toBe(2_00n);
  });
});
