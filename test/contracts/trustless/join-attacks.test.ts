import { FEE_CONTRACT, type EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { SByte, SColl, SInt, SLong } from '@fleet-sdk/serializer';
import { describe, expect, it } from 'vitest';
import { JOIN_WINDOW } from '../../../electron/core/contracts/trustless/trustless-contracts';
import { rejection } from '../../helpers/lets-chain';
import { output, tamper } from '../../helpers/tamper';
import { aTrustlessLets, ERG, setAccount, TrustlessWorld } from '../../helpers/trustless-fixtures';

// PROTOCOL.md "Attacks" against a trustless join: each test starts from a join our builder makes, changes
// the one thing the attack needs, lets the attacker sign, and expects the real interpreter to refuse it
// for that reason. Join outputs: 0 public token box, 1 new account, 2 fee, 3 change.

const PUBLIC = 0;
const ACCOUNT = 1;
const CHANGE = 3;

function membership(world: TrustlessWorld, amount: bigint) {
  return { tokenId: world.lets.membershipTokenId, amount: amount.toString() };
}

/** Moves `nanoErg` from output `from` to output `to`, so the ERG still add up. */
function shiftErg(tx: EIP12UnsignedTransaction, from: number, to: number, nanoErg: bigint): void {
  output(tx, from).value = (BigInt(output(tx, from).value) - nanoErg).toString();
  output(tx, to).value = (BigInt(output(tx, to).value) + nanoErg).toString();
}

describe('attack 10: a joiner choosing their starting balance', () => {
  it('refuses a join that starts with credit, or with a debt nobody incurred', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const rich = tamper(world.joinTx(alice), (t) => setAccount(t, ACCOUNT, { balance: 100_00n }));
    expect(rejection(world.chain.submit(rich, [alice.party]))).toBe('contract-false');
    const indebted = tamper(world.joinTx(alice), (t) => setAccount(t, ACCOUNT, { balance: -1n }));
    expect(rejection(world.chain.submit(indebted, [alice.party]))).toBe('contract-false');
    expect(world.chain.submit(world.joinTx(alice), [alice.party])).toEqual({ accepted: true });
    expect(world.balance(alice)).toBe(0n);
  });
});

describe('attack 10: a join blocked by an output without tokens', () => {
  it('accepts the join as the builder makes it: the fee box, without tokens or registers, right after the account', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const tx = world.joinTx(alice);
    expect(output(tx, 2).ergoTree).toBe(FEE_CONTRACT);
    expect(output(tx, 2).assets).toEqual([]);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
  });

  it('accepts a join with more token-less outputs between the account and the fee', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const bob = world.person('Bob');
    const crowded = tamper(world.joinTx(alice), (t) => {
      const gift = { ...output(t, CHANGE), ergoTree: bob.party.ergoTree, value: '1000000', assets: [], additionalRegisters: {} };
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) - 2_000_000n).toString();
      t.outputs.splice(2, 0, gift, { ...gift });
    });
    expect(world.chain.submit(crowded, [alice.party])).toEqual({ accepted: true });
    expect(world.balance(alice)).toBe(0n);
  });

  it('accepts a withdrawal, whose output 2 is the token-less fee box where a join has its account', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    world.advanceTo(world.state(alice).unlockHeight - 1);
    const tx = world.withdrawalTx(alice);
    expect(output(tx, ACCOUNT).ergoTree).toBe(FEE_CONTRACT);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
  });
});

describe('attack 10: a time lock that is back-dated or chosen freely', () => {
  // The join goes into the next block: HEIGHT = tip + 1. The unlock height must be in
  // [HEIGHT + lock period, HEIGHT + lock period + JOIN_WINDOW].
  it('refuses an unlock height one block earlier than HEIGHT + lock period, or in the past', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const earliest = world.chain.height + 1 + world.lets.lockPeriod;
    for (const unlockHeight of [earliest - 1, world.chain.height, 0]) {
      const backDated = tamper(world.joinTx(alice), (t) => setAccount(t, ACCOUNT, { unlockHeight }));
      expect(rejection(world.chain.submit(backDated, [alice.party]))).toBe('contract-false');
    }
  });

  it('refuses an unlock height one block beyond the join window', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const latest = world.chain.height + 1 + world.lets.lockPeriod + JOIN_WINDOW;
    const tooLate = tamper(world.joinTx(alice), (t) => setAccount(t, ACCOUNT, { unlockHeight: latest + 1 }));
    expect(rejection(world.chain.submit(tooLate, [alice.party]))).toBe('contract-false');
  });

  it('accepts the earliest and the latest unlock heights of the window', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const earliest = world.chain.height + 1 + world.lets.lockPeriod;
    const atEarliest = tamper(world.joinTx(alice), (t) => setAccount(t, ACCOUNT, { unlockHeight: earliest }));
    expect(world.chain.submit(atEarliest, [alice.party])).toEqual({ accepted: true });
    const bob = world.person('Bob');
    const latest = world.chain.height + 1 + world.lets.lockPeriod + JOIN_WINDOW;
    const atLatest = tamper(world.joinTx(bob), (t) => setAccount(t, ACCOUNT, { unlockHeight: latest }));
    expect(world.chain.submit(atLatest, [bob.party])).toEqual({ accepted: true });
    expect([world.state(alice).unlockHeight, world.state(bob).unlockHeight]).toEqual([earliest, latest]);
  });

  it('refuses a join whose lock register is not an Int height', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const tx = tamper(world.joinTx(alice), (t) => {
      output(t, ACCOUNT).additionalRegisters.R6 = SLong(BigInt(world.chain.height + 1_000)).toHex();
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-error');
  });
});

describe('attack 10: a balance created without collateral (join)', () => {
  it('refuses an account locking one nanoERG less than the minimum collateral', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const stingy = tamper(world.joinTx(alice), (t) => shiftErg(t, ACCOUNT, CHANGE, 1n));
    expect(rejection(world.chain.submit(stingy, [alice.party]))).toBe('contract-false');
  });

  it('accepts exactly the minimum, and more', () => {
    const world = new TrustlessWorld();
    const alice = world.join('Alice');
    const bob = world.join('Bob', 3n * ERG);
    expect([world.state(alice).collateral, world.state(bob).collateral]).toEqual([world.lets.minimumCollateral, 3n * ERG]);
  });
});

describe('attack 6: an account with no owner key, or a key its holder never used', () => {
  it('refuses an account box without registers', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const keyless = tamper(world.joinTx(alice), (t) => {
      output(t, ACCOUNT).additionalRegisters = {};
    });
    expect(rejection(world.chain.submit(keyless, [alice.party]))).toBe('contract-false');
  });

  it('refuses an owner register that is not a key (the script aborts on the type)', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const keyless = tamper(world.joinTx(alice), (t) => {
      output(t, ACCOUNT).additionalRegisters = {
        R4: SColl(SByte, []).toHex(),
        R5: SLong(0n).toHex(),
        R6: SInt(world.chain.height + 1 + world.lets.lockPeriod).toHex(),
      };
    });
    expect(rejection(world.chain.submit(keyless, [alice.party]))).toBe('contract-error');
  });

  it('refuses an account made for someone else’s key without their signature', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const mallory = world.person('Mallory');
    const imposed = tamper(world.joinTx(mallory), (t) => setAccount(t, ACCOUNT, { owner: alice.key }));
    expect(rejection(world.chain.submit(imposed, [mallory.party]))).toBe('signature-missing');
  });
});

describe('attack 3: the membership token escaping at join', () => {
  it('refuses a join that puts the membership token in the joiner’s wallet', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const escape = tamper(world.joinTx(alice), (t) => {
      output(t, ACCOUNT).ergoTree = ErgoAddress.fromPublicKey(alice.key).ergoTree;
    });
    expect(rejection(world.chain.submit(escape, [alice.party]))).toBe('contract-false');
  });

  it('refuses taking a membership token without creating an account', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const taken = tamper(world.joinTx(alice), (t) => {
      output(t, ACCOUNT).assets = [];
      output(t, CHANGE).assets.push(membership(world, 1n));
    });
    expect(rejection(world.chain.submit(taken, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 7: inflating the supply, or changing the public token box', () => {
  it('a join cannot hand out two membership tokens, or create two accounts', () => {
    const world = new TrustlessWorld();
    const pool = world.pool();
    const alice = world.person('Alice');
    const bob = world.person('Bob');
    const double = tamper(world.joinTx(alice), (t) => {
      output(t, PUBLIC).assets[1] = membership(world, pool - 2n);
      output(t, ACCOUNT).assets = [membership(world, 2n)];
    });
    expect(rejection(world.chain.submit(double, [alice.party]))).toBe('contract-false');
    const twoAccounts = tamper(world.joinTx(alice), (t) => {
      output(t, PUBLIC).assets[1] = membership(world, pool - 2n);
      t.outputs.splice(2, 0, structuredClone(output(t, ACCOUNT)));
      setAccount(t, 2, { owner: bob.key });
      output(t, CHANGE + 1).value = (BigInt(output(t, CHANGE + 1).value) - BigInt(output(t, 2).value)).toString();
    });
    expect(rejection(world.chain.submit(twoAccounts, [alice.party, bob.party]))).toBe('contract-false');
  });

  it('no second LETS id: the public token box refuses a token minted beside it', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const tx = tamper(world.joinTx(alice), (t) => {
      output(t, PUBLIC).assets.push({ tokenId: t.inputs[0]?.boxId ?? '', amount: '1' });
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it('a join cannot take ERG out of the public token box or change the LETS rules in its registers', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const drained = tamper(world.joinTx(alice), (t) => shiftErg(t, PUBLIC, CHANGE, 1n));
    expect(rejection(world.chain.submit(drained, [alice.party]))).toBe('contract-false');
    const laxer = tamper(world.joinTx(alice), (t) => {
      output(t, PUBLIC).additionalRegisters.R5 = SLong(-1_000_000_00n).toHex();
    });
    expect(rejection(world.chain.submit(laxer, [alice.party]))).toBe('contract-false');
    const cheaper = tamper(world.joinTx(alice), (t) => {
      output(t, PUBLIC).additionalRegisters.R4 = SColl(SLong, [1_000_000n, 1n, 0n]).toHex();
    });
    expect(rejection(world.chain.submit(cheaper, [alice.party]))).toBe('contract-false');
  });

  it('nobody can spend the public token box without taking or returning exactly one token', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const idle = tamper(world.joinTx(alice), (t) => {
      output(t, PUBLIC).assets[1] = membership(world, world.pool());
      const [account] = t.outputs.splice(ACCOUNT, 1);
      output(t, CHANGE - 1).value = (BigInt(output(t, CHANGE - 1).value) + BigInt(account?.value ?? 0)).toString();
    });
    expect(rejection(world.chain.submit(idle, [alice.party]))).toBe('contract-false');
  });
});

describe('attack 9: mixing two LETS in a join', () => {
  it('refuses a join whose account is on the account script of another LETS with laxer rules', () => {
    const world = new TrustlessWorld();
    const lax = new TrustlessWorld(aTrustlessLets({ name: 'Lax LETS', collateralPerUnit: 1n, floor: -1_000_000_00n }), 10, world.chain);
    const alice = world.person('Alice');
    const tx = tamper(world.joinTx(alice), (t) => {
      output(t, ACCOUNT).ergoTree = lax.contracts.account;
    });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('contract-false');
  });

  it('a join cannot be replayed once the public token box is spent', () => {
    const world = new TrustlessWorld();
    const alice = world.person('Alice');
    const tx = world.joinTx(alice);
    expect(world.chain.submit(tx, [alice.party])).toEqual({ accepted: true });
    expect(rejection(world.chain.submit(tx, [alice.party]))).toBe('input-spent');
    expect(world.pool()).toBe(10n);
  });
});
