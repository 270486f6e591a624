import { describe, expect, it } from 'vitest';
import { rejection } from '../../helpers/lets-chain';
import { output, tamper } from '../../helpers/tamper';
import { aTrustlessLets, TrustlessWorld } from '../../helpers/trustless-fixtures';

// PROTOCOL.md "Attacks" against leaving a trustless LETS. Withdrawal: input 0 public token box, input 1 the
// account; outputs 0 public token box, then fee and change. Attacks the builder refuses to make start
// from `rawWithdrawalTx`, which skips the builder's checks and pre-flight.

const PUBLIC = 0;

function settledWorld() {
  const world = new TrustlessWorld();
  const alice = world.join('Alice');
  const bob = world.join('Bob');
  return { world, alice, bob };
}

describe('attack 10: a time lock bypassed', () => {
  it('refuses a withdrawal included one block before the unlock height, and accepts it at the unlock height', () => {
    const { world, alice } = settledWorld();
    world.advanceTo(world.lastLockedTip(alice));
    const early = world.rawWithdrawalTx(alice, [world.account(alice).box]);
    expect(rejection(world.chain.submit(early, [alice.party]))).toBe('contract-false');
    world.advanceTo(world.lastLockedTip(alice) + 1);
    expect(world.chain.submit(world.withdrawalTx(alice), [alice.party])).toEqual({ accepted: true });
  });

  it('refuses a withdrawal right after joining', () => {
    const { world, alice } = settledWorld();
    const early = world.rawWithdrawalTx(alice, [world.account(alice).box]);
    expect(rejection(world.chain.submit(early, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 10: the owner’s signature alone skipping the checks (`&&`/`||` precedence)', () => {
  it('an unlocked owner who signs cannot withdraw while in debt, nor while in credit', () => {
    const { world, alice, bob } = settledWorld();
    world.trade(alice, bob, 2_00n);
    world.advanceTo(Math.max(world.state(alice).unlockHeight, world.state(bob).unlockHeight));
    const inDebt = world.rawWithdrawalTx(alice, [world.account(alice).box]);
    expect(rejection(world.chain.submit(inDebt, [alice.party]))).toBe('contract-false');
    const inCredit = world.rawWithdrawalTx(bob, [world.account(bob).box]);
    expect(rejection(world.chain.submit(inCredit, [bob.party]))).toBe('contract-false');
    expect(world.balance(alice)).toBe(-2_00n);
  });
});

describe('attack 3: the membership token escaping at withdrawal', () => {
  it('refuses a withdrawal that keeps the token out of the pool', () => {
    const { world, alice } = settledWorld();
    world.advanceTo(world.state(alice).unlockHeight);
    const pool = world.pool();
    const kept = tamper(world.withdrawalTx(alice), (t) => {
      output(t, PUBLIC).assets[1] = { tokenId: world.lets.membershipTokenId, amount: pool.toString() };
      output(t, t.outputs.length - 1).assets.push({ tokenId: world.lets.membershipTokenId, amount: '1' });
    });
    expect(rejection(world.chain.submit(kept, [alice.party]))).toBe('contract-false');
  });

  it('refuses two accounts leaving with a single token returned, and with both returned', () => {
    const { world, alice, bob } = settledWorld();
    world.advanceTo(world.state(bob).unlockHeight);
    const both = [world.account(alice).box, world.account(bob).box];
    // The builder sends the token left over to the change box, i.e. Alice's wallet.
    const oneReturned = world.rawWithdrawalTx(alice, both, world.pool() + 1n);
    expect(output(oneReturned, oneReturned.outputs.length - 1).assets).toEqual([{ tokenId: world.lets.membershipTokenId, amount: '1' }]);
    expect(rejection(world.chain.submit(oneReturned, [alice.party, bob.party]))).toBe('contract-false');
    const bothReturned = world.rawWithdrawalTx(alice, both);
    expect(rejection(world.chain.submit(bothReturned, [alice.party, bob.party]))).toBe('contract-false');
  });
});

describe('attack 8: someone else withdrawing a member’s collateral', () => {
  it('nobody but the owner can withdraw a settled, unlocked account, not even the founder', () => {
    const { world, alice } = settledWorld();
    world.advanceTo(world.state(alice).unlockHeight);
    const mallory = world.person('Mallory');
    const theft = world.rawWithdrawalTx(mallory, [world.account(alice).box]);
    expect(rejection(world.chain.submit(theft, [mallory.party]))).toBe('signature-missing');
    const founders = world.rawWithdrawalTx(world.founder, [world.account(alice).box]);
    expect(rejection(world.chain.submit(founders, [world.founder.party]))).toBe('signature-missing');
  });
});

describe('attack 9: leaving through another LETS', () => {
  it('an account cannot leave through the public token box of another LETS (its token would go to a wallet)', () => {
    const { world, alice } = settledWorld();
    const other = new TrustlessWorld(aTrustlessLets({ name: 'Other LETS' }), 10, world.chain);
    world.advanceTo(world.state(alice).unlockHeight);
    const intoOther = other.rawWithdrawalTx(alice, [world.account(alice).box], other.pool());
    expect(output(intoOther, intoOther.outputs.length - 1).assets).toEqual([{ tokenId: world.lets.membershipTokenId, amount: '1' }]);
    expect(rejection(world.chain.submit(intoOther, [alice.party]))).toBe('contract-false');
  });
});
