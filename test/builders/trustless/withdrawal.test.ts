import { describe, expect, it } from 'vitest';
import { checkSigningShape } from '../../../electron/core/preflight/signing-shape';
import { ERG, TrustlessWorld } from '../../helpers/trustless-fixtures';

function walletErg(world: TrustlessWorld, member: ReturnType<TrustlessWorld['join']>): bigint {
  return world.chain.boxesAt(member.party.ergoTree).reduce((sum, box) => sum + BigInt(box.value), 0n);
}

describe('buildWithdrawal', () => {
  it('returns the collateral to the member’s wallet and the membership token to the pool; only the member signs', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice', 2n * ERG);
    world.advanceTo(world.state(alice).unlockHeight - 1);
    const [before, pool] = [walletErg(world, alice), world.pool()];
    const tx = world.withdrawalTx(alice);
    expect(checkSigningShape(tx, world.chain.height).slice(0, 2)).toEqual([{ kind: 'none' }, { kind: 'key', publicKey: alice.key }]);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    const fee = BigInt(tx.outputs[1]?.value ?? 0);
    expect(walletErg(world, alice)).toBe(before + 2n * ERG - fee);
    expect(world.pool()).toBe(pool + 1n);
  });

  it('says what the member must do first when the balance is not zero', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    const bob = world.join('Bob');
    world.trade(alice, bob, 12_00n);
    world.advanceTo(world.state(bob).unlockHeight);
    expect(() => world.withdrawalTx(bob)).toThrow('Bob’s balance is 12.00; collateral can only be withdrawn at 0.00.');
    expect(() => world.withdrawalTx(alice)).toThrow('Alice’s balance is −12.00');
  });

  it('says until which block the collateral is locked', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    const { unlockHeight } = world.state(alice);
    world.advanceTo(world.lastLockedTip(alice));
    expect(() => world.withdrawalTx(alice)).toThrow(`Alice’s collateral is locked until block ${unlockHeight}; the chain is at block ${unlockHeight - 2}.`);
    world.advanceTo(unlockHeight - 1);
    expect(() => world.withdrawalTx(alice)).not.toThrow();
  });
});
