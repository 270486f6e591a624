import { ErgoAddress, OutputBuilder, TransactionBuilder } from '@fleet-sdk/core';
import { SByte, SColl, SLong } from '@fleet-sdk/serializer';
import { describe, expect, it } from 'vitest';
import { recreateManagement } from '../../electron/core/builders/management-output';
import { readManagementBox } from '../../electron/core/contracts/lets-boxes';
import { encodeAccountRegisters } from '../../electron/core/contracts/registers';
import { rejection } from '../helpers/lets-chain';
import { LetsWorld } from '../helpers/lets-fixtures';
import { asInput, output, setBalance, tamper } from '../helpers/tamper';

// PROTOCOL.md "Attacks" against the management box and the membership tokens. As in trade-attacks: start
// from a transaction our builder makes, change the one thing the attack needs, let the attacker sign.

const POOL = 0;

function p2pk(key: string): string {
  return ErgoAddress.fromPublicKey(key).ergoTree;
}

function membershipOf(world: LetsWorld, amount: bigint) {
  return { tokenId: world.lets.membershipTokenId, amount: amount.toString() };
}

describe('attack 1: taking over the management box', () => {
  it('an outsider cannot rotate the committee key to their own, though the output names them', () => {
    const world = new LetsWorld();
    const mallory = world.person('Mallory');
    const takeover = world.rotationTx(mallory, mallory);
    expect(rejection(world.chain.submit(takeover, [mallory.party]))).toBe('signature-missing');
    expect(world.committeeKeyOnChain()).toBe(world.committee.key);
  });

  it('an outsider cannot enrol themselves', () => {
    const world = new LetsWorld();
    const mallory = world.person('Mallory');
    const tx = world.enrolmentTx(mallory, mallory);
    expect(rejection(world.chain.submit(tx, [mallory.party]))).toBe('signature-missing');
  });

  it('the committee cannot change the LETS parameters while enrolling', () => {
    const world = new LetsWorld();
    const tx = tamper(world.enrolmentTx(world.person('Alice')), (t) => {
      output(t, POOL).additionalRegisters.R5 = SLong(-1_000_000_00n).toHex();
    });
    expect(rejection(world.chain.submit(tx, [world.committee.party]))).toBe('contract-false');
  });
});

describe('attack 3: a membership token escaping into an ordinary wallet box', () => {
  it('a member cannot move their account token to their wallet and walk away from a debt', () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    world.trade(alice, bob, 50_00n);
    const escape = tamper(world.tradeTx(alice, bob, 1n), (t) => {
      output(t, 0).ergoTree = p2pk(alice.key);
    });
    expect(rejection(world.chain.submit(escape, [alice.party, bob.party]))).toBe('contract-false');
  });

  it("a payee's token cannot be paid out to the payee's wallet", () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    const escape = tamper(world.tradeTx(alice, bob, 1_00n), (t) => {
      output(t, 1).ergoTree = p2pk(bob.key);
    });
    expect(rejection(world.chain.submit(escape, [alice.party, bob.party]))).toBe('contract-false');
  });

  it('enrolment cannot put the new membership token in a wallet box', () => {
    const world = new LetsWorld();
    const alice = world.person('Alice');
    const escape = tamper(world.enrolmentTx(alice), (t) => {
      output(t, 1).ergoTree = p2pk(alice.key);
    });
    expect(rejection(world.chain.submit(escape, [world.committee.party]))).toBe('contract-false');
  });

  it("closing cannot keep the member's token out of the pool", () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const pool = world.pool();
    const escape = tamper(world.closingTx(alice), (t) => {
      output(t, POOL).assets[1] = membershipOf(world, pool);
      output(t, 2).assets.push(membershipOf(world, 1n));
    });
    expect(rejection(world.chain.submit(escape, [world.committee.party]))).toBe('contract-false');
  });
});

describe('attack 6: an account with no owner key or a non-zero starting balance', () => {
  it('refuses an enrolment that starts the member with credit', () => {
    const world = new LetsWorld();
    const alice = world.person('Alice');
    const rich = tamper(world.enrolmentTx(alice), (t) => setBalance(t, 1, alice.key, 100_00n));
    expect(rejection(world.chain.submit(rich, [world.committee.party]))).toBe('contract-false');
  });

  it('refuses an account box without registers', () => {
    const world = new LetsWorld();
    const keyless = tamper(world.enrolmentTx(world.person('Alice')), (t) => {
      output(t, 1).additionalRegisters = {};
    });
    expect(rejection(world.chain.submit(keyless, [world.committee.party]))).toBe('contract-false');
  });

  it('refuses an account whose owner register is not a key (the script aborts on the type)', () => {
    const world = new LetsWorld();
    const keyless = tamper(world.enrolmentTx(world.person('Alice')), (t) => {
      output(t, 1).additionalRegisters = { R4: SColl(SByte, []).toHex(), R5: SLong(0n).toHex() };
    });
    expect(rejection(world.chain.submit(keyless, [world.committee.party]))).toBe('contract-error');
  });
});

describe('attack 7: inflating the supply', () => {
  it('an enrolment cannot hand out two membership tokens', () => {
    const world = new LetsWorld();
    const pool = world.pool();
    const tx = tamper(world.enrolmentTx(world.person('Alice')), (t) => {
      output(t, POOL).assets[1] = membershipOf(world, pool - 2n);
      output(t, 1).assets = [membershipOf(world, 2n)];
    });
    expect(rejection(world.chain.submit(tx, [world.committee.party]))).toBe('contract-false');
  });

  it('an enrolment cannot create two accounts', () => {
    const world = new LetsWorld();
    const pool = world.pool();
    const bob = world.person('Bob');
    const tx = tamper(world.enrolmentTx(world.person('Alice')), (t) => {
      output(t, POOL).assets[1] = membershipOf(world, pool - 2n);
      const second = { ...output(t, 1), additionalRegisters: encodeAccountRegisters({ owner: bob.key, balance: 0n }) };
      // The second account's ERG comes out of the committee's change, so only the contract can refuse it.
      const change = t.outputs.at(-1) as (typeof t.outputs)[0];
      change.value = String(BigInt(change.value) - BigInt(second.value));
      t.outputs.splice(2, 0, second);
    });
    expect(rejection(world.chain.submit(tx, [world.committee.party]))).toBe('contract-false');
  });

  it('no second LETS id: the management box refuses a token minted beside it', () => {
    const world = new LetsWorld();
    const tx = tamper(world.enrolmentTx(world.person('Alice')), (t) => {
      const mintable = t.inputs[0]?.boxId ?? '';
      output(t, POOL).assets.push({ tokenId: mintable, amount: '1' });
    });
    expect(rejection(world.chain.submit(tx, [world.committee.party]))).toBe('contract-false');
  });
});

describe('attack 8: the committee moving a balance', () => {
  it('cannot close an account in debt (erasing the debt)', () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    world.trade(alice, bob, 2_00n);
    const zeroAccountClose = world.closingTx(world.enrol('Charlie'));
    const erase = tamper(zeroAccountClose, (t) => {
      t.inputs[1] = asInput(world.account(alice).box);
    });
    expect(rejection(world.chain.submit(erase, [world.committee.party]))).toBe('contract-false');
    expect(() => world.closingTx(alice)).toThrow('Alice’s balance is −2.00; an account can only be closed at 0.00.');
  });

  it("cannot rewrite a member's balance", () => {
    const world = new LetsWorld();
    const alice = world.enrol('Alice');
    const bob = world.enrol('Bob');
    world.trade(alice, bob, 2_00n);
    const management = world.management();
    const aliceBox = world.account(alice).box;
    const state = readManagementBox(management, world.lets);
    const rewrite = new TransactionBuilder(world.chain.height)
      .from([management, aliceBox], { ensureInclusion: true })
      .and.from(world.funding(world.committee).walletBoxes)
      .to([
        recreateManagement(management, world.lets, state, { pool: state.pool }),
        new OutputBuilder(aliceBox.value, aliceBox.ergoTree)
          .addTokens(aliceBox.assets)
          .setAdditionalRegisters(encodeAccountRegisters({ owner: alice.key, balance: 0n })),
      ])
      .payMinFee()
      .sendChangeTo(world.committee.party.address)
      .build()
      .toEIP12Object();
    expect(rejection(world.chain.submit(rewrite, [world.committee.party]))).toBe('contract-false');
    expect(world.balance(alice)).toBe(-2_00n);
  });
});
