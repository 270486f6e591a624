import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { compile } from '@fleet-sdk/compiler';
import { FEE_CONTRACT, OutputBuilder, TransactionBuilder } from '@fleet-sdk/core';
import { mockUTxO } from '@fleet-sdk/mock-chain';
import { SGroupElement } from '@fleet-sdk/serializer';
import { describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { AppError } from '../../electron/core/errors/app-error';
import { preflight } from '../../electron/core/preflight/preflight';
import { checkSigningShape } from '../../electron/core/preflight/signing-shape';
import { LetsWorld } from '../helpers/lets-fixtures';
import { output, setBalance, tamper } from '../helpers/tamper';

function seedTrade() {
  const world = new LetsWorld();
  const alice = world.enrol('Alice');
  const bob = world.enrol('Bob');
  return { world, alice, bob, tx: world.tradeTx(alice, bob, 2_00n) };
}

function refusal(tx: EIP12UnsignedTransaction, height: number): AppError {
  try {
    preflight(tx, { height });
  } catch (error) {
    if (error instanceof AppError && error.code === 'preflight-failed') return error;
    throw error;
  }
  throw new Error('pre-flight let the transaction through');
}

const FEE = 2;
const CHANGE = 3;

describe('preflight', () => {
  it('passes what the builders make and tells the signer which keys each input needs', () => {
    const { world, alice, tx } = seedTrade();
    expect(() => preflight(tx, { height: world.chain.height })).not.toThrow();
    expect(checkSigningShape(tx, world.chain.height)).toEqual([
      { kind: 'key', publicKey: alice.key },
      { kind: 'none' },
      ...tx.inputs.slice(2).map(() => ({ kind: 'key', publicKey: alice.key })),
    ]);
  });

  it('refuses ERG that do not add up', () => {
    const { world, tx } = seedTrade();
    const minted = tamper(tx, (t) => {
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) + 1n).toString();
    });
    expect(refusal(minted, world.chain.height).message).toMatch(/^The ERG do not add up: inputs hold \d+ nanoERG, outputs and fee \d+ nanoERG\.$/);
  });

  it('refuses a transaction without a fee output, or with too small a fee', () => {
    const { world, tx } = seedTrade();
    const feeless = tamper(tx, (t) => {
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) + BigInt(output(t, FEE).value)).toString();
      t.outputs.splice(FEE, 1);
    });
    expect(refusal(feeless, world.chain.height).message).toBe('The transaction has no miner fee output, so no miner would include it.');
    const stingy = tamper(tx, (t) => {
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) + BigInt(output(t, FEE).value) - 1_000n).toString();
      output(t, FEE).value = '1000';
    });
    expect(refusal(stingy, world.chain.height).message).toBe('The miner fee of 1000 nanoERG is below the minimum of 1000000 nanoERG.');
  });

  it('refuses an output below the minimum value for its size', () => {
    const { world, tx } = seedTrade();
    const dust = tamper(tx, (t) => {
      output(t, CHANGE).value = (BigInt(output(t, CHANGE).value) + BigInt(output(t, 1).value) - 1_000n).toString();
      output(t, 1).value = '1000';
    });
    expect(refusal(dust, world.chain.height).message).toMatch(/^Output 2 holds 1000 nanoERG, below the \d+ nanoERG its size requires\.$/);
  });

  it('refuses more than 20 distinct tokens, the Ledger limit (membership token + 20 others)', () => {
    const { world, tx } = seedTrade();
    const crowded = tamper(tx, (t) => {
      for (let i = 0; i < 20; i++) output(t, CHANGE).assets.push({ tokenId: i.toString(16).padStart(64, '0'), amount: '1' });
    });
    expect(refusal(crowded, world.chain.height).message).toBe('The transaction moves 21 different tokens; the Ledger accepts at most 20.');
  });

  it('refuses destroying a LETS token and minting one out of nothing', () => {
    const { world, tx } = seedTrade();
    const burnt = tamper(tx, (t) => {
      output(t, 1).assets = [];
    });
    expect(refusal(burnt, world.chain.height).message).toMatch(/^The transaction would destroy token [0-9a-f]{8}…\.$/);
    const forged = tamper(tx, (t) => {
      output(t, CHANGE).assets.push({ tokenId: world.lets.letsId, amount: '1' });
    });
    expect(refusal(forged, world.chain.height).message).toMatch(/^The transaction creates token [0-9a-f]{8}… out of nothing\.$/);
  });

  it('refuses creation heights in the future or older than an input', () => {
    const { world, tx } = seedTrade();
    const height = world.chain.height;
    const future = tamper(tx, (t) => {
      output(t, 0).creationHeight = height + 1;
    });
    expect(refusal(future, height).message).toBe(`Output 1 claims creation height ${height + 1}, outside the allowed range ${height - 1}–${height}.`);
    const older = tamper(tx, (t) => {
      output(t, 0).creationHeight = height - 5;
    });
    expect(refusal(older, height).message).toContain(`Output 1 claims creation height ${height - 5}`);
  });

  it('refuses an input whose contract says no, or stops with an error', () => {
    const { world, alice, bob, tx } = seedTrade();
    const belowFloor = tamper(tx, (t) => {
      setBalance(t, 0, alice.key, -300_00n);
      setBalance(t, 1, bob.key, 300_00n);
    });
    expect(refusal(belowFloor, world.chain.height).message).toMatch(
      /^The blockchain would refuse this transaction: the contract guarding input 1 \(box [0-9a-f]{8}…\) does not allow it\.$/,
    );
    const unreadable = tamper(tx, (t) => {
      output(t, 0).additionalRegisters = { R4: output(t, 0).additionalRegisters.R4 ?? '', R5: SGroupElement(alice.key).toHex() };
    });
    expect(refusal(unreadable, world.chain.height).message).toMatch(/stops with an error\.$/);
  });

  it('refuses an input that needs two keys at once, which the Ledger cannot sign', () => {
    const { world, alice, bob } = seedTrade();
    const either = compile('proveDlog(SELF.R4[GroupElement].get) || proveDlog(SELF.R5[GroupElement].get)').toHex();
    const shared = world.chain.place(
      mockUTxO({
        ergoTree: either,
        value: 1_000_000_000n,
        creationHeight: world.chain.height,
        additionalRegisters: { R4: SGroupElement(alice.key).toHex(), R5: SGroupElement(bob.key).toHex() },
      }),
    );
    const tx = new TransactionBuilder(world.chain.height)
      .from(shared)
      .to(new OutputBuilder(500_000_000n, alice.party.address))
      .payMinFee()
      .sendChangeTo(alice.party.address)
      .build()
      .toEIP12Object();
    expect(refusal(tx, world.chain.height).message).toMatch(
      /^This transaction cannot be signed on a Ledger: input 1 \(box [0-9a-f]{8}…\) needs a combination of signatures\.$/,
    );
    expect(tx.outputs.some((box) => box.ergoTree === FEE_CONTRACT)).toBe(true);
  });

  it('runs inside every builder, so a bad transaction never reaches a signer', () => {
    const { world, alice, bob } = seedTrade();
    const request = { lets: world.lets, payer: world.account(alice), payee: world.account(bob), amount: 1n, ...world.funding(alice) };
    expect(() => buildTrade({ ...request, fee: 1_000n })).toThrow('The miner fee of 1000 nanoERG is below the minimum of 1000000 nanoERG.');
  });
});
