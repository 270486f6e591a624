import { ErgoAddress, OutputBuilder, TransactionBuilder } from '@fleet-sdk/core';
import { describe, expect, it } from 'vitest';
import { LONG_MAX, LONG_MIN } from '../../../electron/core/lets/amount';
import { rejection } from '../../helpers/lets-chain';
import { asInput, output, tamper } from '../../helpers/tamper';
import { aTrustlessLets, ERG, setAccount, TrustlessWorld } from '../../helpers/trustless-fixtures';

// PROTOCOL.md "Attacks" against trustless trades, as in ../trade-attacks.test.ts: start from a trade our
// builder makes, change the one thing the attack needs, let the attacker sign. Trade outputs: 0 payer,
// 1 payee, 2 fee, 3 change. The seed LETS: floor −200.00; 1 ERG joins and backs a debt of 100.00.

const PAYER = 0;
const PAYEE = 1;
const CHANGE = 3;

function seedWorld(parameters = aTrustlessLets()) {
  const world = new TrustlessWorld(parameters);
  return { world, alice: world.join('Alice'), bob: world.join('Bob') };
}

/** The trade tampered so that the payer ends at `payer` and the payee at `payee`. */
function settingBalances(world: TrustlessWorld, tx: ReturnType<TrustlessWorld['tradeTx']>, payer: bigint, payee: bigint) {
  return tamper(tx, (t) => {
    setAccount(t, PAYER, { balance: payer });
    setAccount(t, PAYEE, { balance: payee });
  });
}

describe('attack 10 and 2: a debt without collateral, or below the floor', () => {
  it('refuses a debt one minor unit beyond what the payer’s collateral backs, though the floor allows it', () => {
    const { world, alice, bob } = seedWorld();
    const unbacked = settingBalances(world, world.tradeTx(alice, bob, 100_00n), -100_01n, 100_01n);
    expect(rejection(world.chain.submit(unbacked, [alice.party]))).toBe('contract-false');
    expect(() => world.tradeTx(alice, bob, 150_00n)).toThrow(
      'Alice’s collateral of 1 ERG backs a debt of at most 100.00; this payment would take the balance to −150.00.',
    );
  });

  it('refuses going below the floor however much collateral backs it', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice', 5n * ERG);
    const bob = world.join('Bob');
    const belowFloor = settingBalances(world, world.tradeTx(alice, bob, 200_00n), -200_01n, 200_01n);
    expect(rejection(world.chain.submit(belowFloor, [alice.party]))).toBe('contract-false');
    expect(() => world.tradeTx(alice, bob, 200_01n)).toThrow('Alice would go below the credit floor of −200.00');
  });

  it('refuses taking collateral out of the payer’s box while in debt', () => {
    const { world, alice, bob } = seedWorld();
    world.trade(alice, bob, 50_00n);
    const withdrawn = tamper(world.tradeTx(alice, bob, 1n), (t) => {
      output(t, PAYER).value = (BigInt(output(t, PAYER).value) - ERG / 2n).toString();
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) + ERG / 2n).toString();
    });
    expect(rejection(world.chain.submit(withdrawn, [alice.party]))).toBe('contract-false');
  });

  it('accepts a larger debt when the payer adds the collateral for it in the same payment', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 150_00n, { collateralTopUp: ERG / 2n });
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    expect(world.state(alice)).toMatchObject({ balance: -150_00n, collateral: 3n * (ERG / 2n) });
  });
});

describe('attack 10: a trade that shortens a time lock', () => {
  it('refuses lowering the payer’s or the payee’s unlock height', () => {
    const { world, alice, bob } = seedWorld();
    const now = world.chain.height;
    const payerUnlocked = tamper(world.tradeTx(alice, bob, 1_00n), (t) => setAccount(t, PAYER, { unlockHeight: now }));
    expect(rejection(world.chain.submit(payerUnlocked, [alice.party]))).toBe('contract-false');
    const payeeUnlocked = tamper(world.tradeTx(alice, bob, 1_00n), (t) => setAccount(t, PAYEE, { unlockHeight: now }));
    expect(rejection(world.chain.submit(payeeUnlocked, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 10: the owner’s signature alone skipping the checks (`&&`/`||` precedence)', () => {
  it('a payer who signs still cannot create credit for the payee out of nothing', () => {
    const { world, alice, bob } = seedWorld();
    const inflated = settingBalances(world, world.tradeTx(alice, bob, 2_00n), -2_00n, 50_00n);
    expect(rejection(world.chain.submit(inflated, [alice.party, bob.party]))).toBe('contract-false');
  });

  it('an owner who signs cannot spend their account into their wallet, even at balance 0', () => {
    const { world, alice } = seedWorld();
    const account = world.account(alice).box;
    const walkAway = new TransactionBuilder(world.chain.height)
      .from([account], { ensureInclusion: true })
      .and.from(world.funding(alice).walletBoxes)
      .to(new OutputBuilder(account.value, alice.party.address).addTokens(account.assets))
      .payMinFee()
      .sendChangeTo(alice.party.address)
      .build()
      .toEIP12Object();
    expect(rejection(world.chain.submit(walkAway, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 3: the membership token escaping in a trade', () => {
  it('neither the payer’s nor the payee’s token can go to a wallet', () => {
    const { world, alice, bob } = seedWorld();
    world.trade(alice, bob, 50_00n);
    for (const index of [PAYER, PAYEE]) {
      const escape = tamper(world.tradeTx(alice, bob, 1n), (t) => {
        output(t, index).ergoTree = ErgoAddress.fromPublicKey(alice.key).ergoTree;
      });
      expect(rejection(world.chain.submit(escape, [alice.party, bob.party]))).toBe('contract-false');
    }
  });
});

describe('attack 4: changing owner key, script or ERG of an account in a trade', () => {
  it('neither account can be handed to another key', () => {
    const { world, alice, bob } = seedWorld();
    const mallory = world.person('Mallory');
    for (const index of [PAYER, PAYEE]) {
      const stolen = tamper(world.tradeTx(alice, bob, 2_00n), (t) => setAccount(t, index, { owner: mallory.key }));
      expect(rejection(world.chain.submit(stolen, [alice.party]))).toBe('contract-false');
    }
  });

  it('an account cannot move to the account script of a LETS with laxer collateral', () => {
    const { world, alice, bob } = seedWorld();
    const lax = new TrustlessWorld(aTrustlessLets({ collateralPerUnit: 1n }), 10, world.chain);
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => {
      output(t, PAYER).ergoTree = lax.contracts.account;
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it("the payer cannot take ERG out of the payee's account", () => {
    const { world, alice, bob } = seedWorld();
    const tx = tamper(world.tradeTx(alice, bob, 2_00n), (t) => {
      output(t, PAYEE).value = (BigInt(output(t, PAYEE).value) - 100_000n).toString();
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) + 100_000n).toString();
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 5: amounts that are zero, negative or at the edges of Long', () => {
  it('refuses a zero or a negative amount', () => {
    const { world, alice, bob } = seedWorld();
    const zero = settingBalances(world, world.tradeTx(alice, bob, 2_00n), 0n, 0n);
    expect(rejection(world.chain.submit(zero, [alice.party]))).toBe('contract-false');
    const pull = settingBalances(world, world.tradeTx(alice, bob, 2_00n), 50_00n, -50_00n);
    expect(rejection(world.chain.submit(pull, [alice.party]))).toBe('contract-false');
  });

  it('refuses a payee balance that wraps past Long.MaxValue, and accepts landing exactly on it', () => {
    const world = new TrustlessWorld(aTrustlessLets({ floor: LONG_MIN, collateralPerUnit: 1n }));
    const alice = world.join('Alice', 5n * ERG);
    const bob = world.joinAt('Bob', LONG_MAX - 10n);
    const wrapped = settingBalances(world, world.tradeTx(alice, bob, 10n), -11n, LONG_MIN); // LONG_MAX − 10 + 11, wrapped
    expect(rejection(world.chain.submit(wrapped, [alice.party]))).toBe('contract-error');
    expect(() => world.tradeTx(alice, bob, 11n)).toThrow('Bob would go above the largest balance the chain can hold');
    expect(world.trade(alice, bob, 10n)).toEqual({ accepted: true });
    expect(world.balance(bob)).toBe(LONG_MAX);
  });

  it('refuses a payer balance that wraps past Long.MinValue', () => {
    const world = new TrustlessWorld(aTrustlessLets({ floor: LONG_MIN, collateralPerUnit: 1n }));
    const alice = world.joinAt('Alice', LONG_MIN + 5n); // set by fiat: no collateral on chain backs such a debt
    const bob = world.join('Bob');
    // The builder cannot make Alice the payer here (no collateral backs her debt), so start from Bob
    // paying Alice and swap the two accounts' places.
    const tx = tamper(world.tradeTx(bob, alice, 5n), (t) => {
      const [bobIn, aliceIn, ...funding] = t.inputs;
      const [bobOut, aliceOut, ...rest] = t.outputs;
      if (!bobIn || !aliceIn || !bobOut || !aliceOut) throw new Error('not a trade');
      t.inputs = [aliceIn, bobIn, ...funding];
      t.outputs = [aliceOut, bobOut, ...rest];
      setAccount(t, PAYER, { balance: LONG_MAX - 4n }); // LONG_MIN + 5 − 10, wrapped
      setAccount(t, PAYEE, { balance: 10n });
    });
    expect(rejection(world.chain.submit(tx, [alice.party, bob.party]))).toBe('contract-error');
  });
});

describe('attack 8: moving value without the payer’s signature', () => {
  it('the payee alone cannot take a payment, even paying the fee', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n, { funder: bob });
    expect(rejection(world.chain.submit(tx, [bob.party]))).toBe('signature-missing');
  });

  it('the payee cannot swap places to pay themselves from the payer', () => {
    const { world, alice, bob } = seedWorld();
    const swapped = settingBalances(world, world.tradeTx(bob, alice, 2_00n), 2_00n, -2_00n);
    expect(rejection(world.chain.submit(swapped, [bob.party]))).toBe('contract-false');
  });

  it('the founder has no power over the accounts', () => {
    const { world, alice, bob } = seedWorld();
    const tx = world.tradeTx(alice, bob, 2_00n, { funder: world.founder });
    expect(rejection(world.chain.submit(tx, [world.founder.party]))).toBe('signature-missing');
  });
});

describe('attack 9: boxes of two LETS in one trade', () => {
  it('an account of one trustless LETS cannot pay an account of another', () => {
    const { world, alice } = seedWorld();
    const other = new TrustlessWorld(aTrustlessLets({ name: 'Other LETS' }), 10, world.chain);
    const carol = other.join('Carol');
    const dave = world.join('Dave');
    const mixed = tamper(world.tradeTx(alice, dave, 2_00n), (t) => {
      const carolBox = other.account(carol).box;
      t.inputs[1] = asInput(carolBox);
      const carolOut = output(t, PAYEE);
      carolOut.ergoTree = carolBox.ergoTree;
      carolOut.assets = [{ tokenId: other.lets.membershipTokenId, amount: '1' }];
      setAccount(t, PAYEE, { owner: carol.key, unlockHeight: other.state(carol).unlockHeight, balance: 2_00n });
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
