import { describe, expect, it } from 'vitest';
import { buildTrustlessTrade } from '../../../electron/core/builders/trustless/trustless-trade';
import { checkSigningShape } from '../../../electron/core/preflight/signing-shape';
import { aTrustlessLets, ERG, TrustlessWorld } from '../../helpers/trustless-fixtures';

function seedWorld() {
  const world = new TrustlessWorld();
  return { world, alice: world.join('Alice'), bob: world.join('Bob') };
}

describe('buildTrustlessTrade', () => {
  it('puts payer and payee at inputs 0 and 1, and only the payer signs', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n);
    expect(tx.inputs.slice(0, 2).map((input) => input.boxId)).toEqual([world.account(alice).box.boxId, world.account(bob).box.boxId]);
    expect(checkSigningShape(tx, world.chain.height).slice(0, 2)).toEqual([{ kind: 'key', publicKey: alice.key }, { kind: 'none' }]);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    expect([world.balance(alice), world.balance(bob)]).toEqual([-2_00n, 2_00n]);
  });

  it('names the collateral when it does not back the debt, and says how much more would', () => {
    const { world, alice, bob } = seedWorld();
    world.trade(alice, bob, 60_00n);
    expect(() => world.tradeTx(alice, bob, 90_00n)).toThrow(
      expect.objectContaining({
        code: 'collateral-too-low',
        message: 'Alice’s collateral of 1 ERG backs a debt of at most 100.00; this payment would take the balance to −150.00.',
        hint: 'Alice can pay at most 40.00 now, or add 0.5 ERG of collateral with this payment.',
      }),
    );
    expect(world.chain.submit(world.tradeTx(alice, bob, 90_00n, { collateralTopUp: ERG / 2n }), [alice.party])).toEqual({ accepted: true });
    expect(world.state(alice)).toMatchObject({ balance: -150_00n, collateral: ERG + ERG / 2n });
  });

  it('keeps each account’s owner, unlock height and token; the payee’s ERG stay as they were', () => {
    const { world, alice, bob } = seedWorld();
    const [aliceBefore, bobBefore] = [world.state(alice), world.state(bob)];
    world.chain.submit(world.tradeTx(alice, bob, 5_00n, { collateralTopUp: 1_000n }), [alice.party]);
    expect(world.state(alice)).toEqual({ ...aliceBefore, balance: -5_00n, collateral: aliceBefore.collateral + 1_000n });
    expect(world.state(bob)).toEqual({ ...bobBefore, balance: 5_00n });
  });

  it('refuses a negative top-up, a self-payment, and an account of another LETS', () => {
    const { world, alice, bob } = seedWorld();
    expect(() => world.tradeTx(alice, bob, 1n, { collateralTopUp: -1n })).toThrow('Collateral can only be added in a payment, never taken out.');
    expect(() => world.tradeTx(alice, alice, 1n)).toThrow('Alice cannot pay their own account.');
    const other = new TrustlessWorld(aTrustlessLets({ name: 'Other LETS' }), 10, world.chain);
    const dave = other.join('Dave');
    const request = { lets: world.lets, payer: world.account(alice), payee: other.account(dave), amount: 1n, ...world.funding(alice) };
    expect(() => buildTrustlessTrade(request)).toThrow('The box given for Dave is not an account of Seed LETS.');
  });

  it('runs pre-flight, so a bad transaction never reaches a signer', () => {
    const { world, alice, bob } = seedWorld();
    const request = { lets: world.lets, payer: world.account(alice), payee: world.account(bob), amount: 1n, ...world.funding(alice) };
    expect(() => buildTrustlessTrade({ ...request, fee: 1_000n })).toThrow('The miner fee of 1000 nanoERG is below the minimum of 1000000 nanoERG.');
  });
});
