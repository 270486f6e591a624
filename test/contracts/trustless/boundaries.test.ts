import { describe, expect, it } from 'vitest';
import { rejection } from '../../helpers/lets-chain';
import { tamper } from '../../helpers/tamper';
import { aTrustlessLets, ERG, setAccount, TrustlessWorld } from '../../helpers/trustless-fixtures';

// The collateral rule, balance ≥ −(collateral ÷ 100 000 nanoERG), next to the floor of −200.00: every
// check is inclusive and the division rounds the allowed debt down, so one nanoERG short of backing a
// unit of debt does not back it.

function overdraw(world: TrustlessWorld, payer: ReturnType<TrustlessWorld['join']>, payee: ReturnType<TrustlessWorld['join']>, balance: bigint) {
  return tamper(world.tradeTx(payer, payee, 1n), (t) => {
    setAccount(t, 0, { balance });
    setAccount(t, 1, { balance: -balance });
  });
}

describe('collateral and floor boundaries on the real interpreter', () => {
  it('accepts a debt exactly as large as the collateral backs (1 ERG backs 100.00)', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    const bob = world.join('Bob');
    expect(world.trade(alice, bob, 100_00n)).toEqual({ accepted: true });
    expect(world.balance(alice)).toBe(-100_00n);
  });

  it('rounds the backed debt down: 1 ERG + 99 999 nanoERG still backs only 100.00', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice', ERG + 99_999n);
    const bob = world.join('Bob');
    expect(rejection(world.chain.submit(overdraw(world, alice, bob, -100_01n), [alice.party]))).toBe('contract-false');
    expect(() => world.tradeTx(alice, bob, 100_01n)).toThrow('backs a debt of at most 100.00');
  });

  it('1 ERG + 100 000 nanoERG backs 100.01', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice', ERG + 100_000n);
    const bob = world.join('Bob');
    expect(world.trade(alice, bob, 100_01n)).toEqual({ accepted: true });
  });

  it('the floor binds when the collateral would back more: exactly −200.00 is accepted, one unit less is not', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice', 3n * ERG);
    const bob = world.join('Bob');
    expect(rejection(world.chain.submit(overdraw(world, alice, bob, -200_01n), [alice.party]))).toBe('contract-false');
    expect(world.trade(alice, bob, 200_00n)).toEqual({ accepted: true });
  });

  it('a cap binds the payee as in the committee model', () => {
    const world = new TrustlessWorld(aTrustlessLets({ cap: 50_00n }));
    const alice = world.join('Alice');
    const bob = world.join('Bob');
    expect(rejection(world.chain.submit(overdraw(world, alice, bob, -50_01n), [alice.party]))).toBe('contract-false');
    expect(world.trade(alice, bob, 50_00n)).toEqual({ accepted: true });
    expect(() => world.tradeTx(alice, bob, 1n)).toThrow('Bob would go above the credit cap of 50.00');
  });
});
