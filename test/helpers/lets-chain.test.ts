import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder, TransactionBuilder } from '@fleet-sdk/core';
import { describe, expect, it } from 'vitest';
import { LetsTestChain, rejection } from './lets-chain';
import { output, tamper } from './tamper';

// The attack suites' chain must refuse what the devnet (and a node) refuses before any script runs, so that an attack
// "accepted" there would be accepted by a node, and an attack refused there is refused for a reason that names the rule.

const ERG = 1_000_000_000n;

function aPayment() {
  const chain = new LetsTestChain();
  const alice = chain.wallet('Alice');
  const bob = chain.wallet('Bob');
  const tx = new TransactionBuilder(chain.height)
    .from(chain.boxesAt(alice.ergoTree))
    .to(new OutputBuilder(ERG, bob.address))
    .sendChangeTo(alice.address)
    .payMinFee()
    .build()
    .toEIP12Object();
  const submit = (candidate: EIP12UnsignedTransaction) => rejection(chain.submit(candidate, [alice]));
  return { tx, submit };
}

/** Moves `nanoergs` from the payment (output 1) to the change (output 3): the total stays the same. */
function shift(tx: EIP12UnsignedTransaction, nanoergs: bigint): void {
  output(tx, 0).value = (BigInt(output(tx, 0).value) - nanoergs).toString();
  output(tx, 2).value = (BigInt(output(tx, 2).value) + nanoergs).toString();
}

describe('the attack suites’ test chain', () => {
  it('accepts the honest payment it is tampered from', () => {
    const { tx, submit } = aPayment();
    expect(submit(tx)).toBe('accepted');
  });

  it('refuses a transaction that creates ERG, though every signature is there', () => {
    const { tx, submit } = aPayment();
    expect(submit(tamper(tx, (t) => void (output(t, 0).value = (ERG + 1n).toString())))).toBe('erg-not-conserved');
  });

  it('refuses a transaction that destroys ERG', () => {
    const { tx, submit } = aPayment();
    expect(submit(tamper(tx, (t) => void (output(t, 0).value = (ERG - 1n).toString())))).toBe('erg-not-conserved');
  });

  it('refuses a token created under any id but the first input’s', () => {
    const { tx, submit } = aPayment();
    expect(submit(tamper(tx, (t) => void output(t, 0).assets.push({ tokenId: 'ab'.repeat(32), amount: '1' })))).toBe('token-created');
    expect(submit(tamper(tx, (t) => void output(t, 0).assets.push({ tokenId: t.inputs[0]?.boxId ?? '', amount: '1' })))).toBe('accepted');
  });

  it('refuses a box below the minimum value for its size', () => {
    const { tx, submit } = aPayment();
    expect(submit(tamper(tx, (t) => shift(t, ERG - 1_000n)))).toBe('box-below-minimum');
  });
});
