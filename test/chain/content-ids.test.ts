import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { createdBoxes } from '../../electron/core/builders/created-boxes';
import type { ChainTransaction } from '../../electron/core/chain/chain-source';
import { ContentIds } from '../../electron/core/chain/content-ids';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { transactionId } from '../../electron/core/transactions/transaction-bytes';
import { tradeGenerator } from '../helpers/generated-trades';
import { aPayment, aToken, extensionGuardedBox, member, p2pkBox, SEVEN_IN_VAR_0 } from '../signers/fixtures';
import { blake2b256 } from '../../electron/core/chain/blake2b';

/** An unsigned transaction as a node would list it once included: ids from Fleet's own serializer. */
function asIncluded(tx: EIP12UnsignedTransaction): ChainTransaction {
  return {
    id: transactionId(tx),
    inputs: tx.inputs.map(({ boxId, extension }) => ({ boxId, proofBytes: '', extension: extension as Record<string, string> })),
    dataInputs: tx.dataInputs.map(({ boxId }) => ({ boxId })),
    outputs: createdBoxes(tx).map((box) => ({ ...box, value: BigInt(box.value), assets: box.assets.map((a) => ({ tokenId: a.tokenId, amount: BigInt(a.amount) })) })),
  };
}

/**
 * The mirror's own serializer and WebAssembly BLAKE2b must give the chain's ids exactly: checked against Fleet's
 * serializer (which builds and signs every transaction of the app) on every kind of transaction the demo chain holds.
 */
describe('ids recomputed from content', () => {
  let ids: ContentIds;
  let chain: DevnetChain;
  let demo: DemoLets;

  beforeAll(async () => {
    ids = new ContentIds(blake2b256());
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
  }, 60_000);

  const idsOf = (tx: ChainTransaction) => {
    const transactionId = ids.transactionId(tx);
    return { transactionId, boxIds: tx.outputs.map((output, index) => ids.boxId(output, transactionId, index)) };
  };
  const expectIdsOf = (tx: ChainTransaction) => expect(idsOf(tx)).toEqual({ transactionId: tx.id, boxIds: tx.outputs.map((o) => o.boxId) });
  /** The first refusal of a transaction's id or any of its box ids, as the sync makes them. */
  const problemOf = (tx: ChainTransaction) => ids.transactionProblem(tx) ?? tx.outputs.map((_output, index) => ids.boxProblem(tx, index)).find((found) => found !== undefined);

  it('gives the ids of every transaction of the demo chain: faucet payments, genesis, enrolments, trades', async () => {
    let count = 0;
    for (let height = 1; height <= chain.height; height++) {
      const [headerId] = await chain.headerIdsAt(height);
      for (const tx of await chain.blockTransactions(headerId ?? '')) {
        expectIdsOf(tx);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(8);
  });

  it('gives the ids of generated trades, and of a transaction with tokens, registers, a data input and a context extension', async () => {
    const generator = await tradeGenerator(chain, demo, {});
    for (let i = 0; i < 50; i++) expectIdsOf(generator.next(chain.height + 1));
    const tokens = [1, 2, 3].map((seed) => ({ tokenId: aToken(seed), amount: BigInt(seed) * 1000n }));
    const request = aPayment({
      inputs: [
        { box: p2pkBox(1, { tokens }), owner: 1 },
        { box: extensionGuardedBox(2), owner: 2, extension: SEVEN_IN_VAR_0 },
      ],
      dataInputs: [p2pkBox(9)],
      to: member(5).address,
      tokens: [{ tokenId: aToken(2), amount: 500n }],
      registers: { R4: '0e0548656c6c6f', R5: '0580897a' },
    });
    expectIdsOf(asIncluded(request.transaction));
  });

  it('refuses a changed register, a made-up box id or a made-up transaction id', async () => {
    const [headerId] = await chain.headerIdsAt(chain.height);
    const [tx] = await chain.blockTransactions(headerId ?? '');
    if (!tx) throw new Error('the tip block is empty');
    const copy = () => structuredClone(tx);
    expect(problemOf(copy())).toBeUndefined();
    const register = copy();
    (register.outputs[0] as ChainTransaction['outputs'][number]).additionalRegisters.R5 = '0580897a';
    expect(problemOf(register)?.message).toMatch(/a transaction whose content does not match its id/);
    const boxId = copy();
    (boxId.outputs[1] as ChainTransaction['outputs'][number]).boxId = 'ab'.repeat(32);
    expect(problemOf(boxId)?.message).toMatch(/a box whose content does not match its id \(abababababab…, output 1 of/);
    // A register added after a gap (none at R6) is still content: the id covers every register the box has.
    const gap = copy();
    (gap.outputs[0] as ChainTransaction['outputs'][number]).additionalRegisters.R7 = '0580897a';
    expect(problemOf(gap)?.message).toMatch(/a transaction whose content does not match its id/);
    const txId = copy();
    txId.id = 'cd'.repeat(32);
    expect(problemOf(txId)?.message).toMatch(/a transaction whose content does not match its id \(cdcdcdcdcdcd…\)/);
  });

  it('refuses hex that is not whole hexadecimal bytes, long or short, rather than hashing what a decoder made of it', async () => {
    const [headerId] = await chain.headerIdsAt(chain.height);
    const [tx] = await chain.blockTransactions(headerId ?? '');
    if (!tx) throw new Error('the tip block is empty');
    const changed = (change: (copy: ChainTransaction) => void) => {
      const copy = structuredClone(tx);
      change(copy);
      return () => ids.transactionId(copy);
    };
    const input = (copy: ChainTransaction) => copy.inputs[0] as ChainTransaction['inputs'][number];
    const output = (copy: ChainTransaction) => copy.outputs[0] as ChainTransaction['outputs'][number];
    // An id is decoded by Buffer, a short register by the app's own loop: both must refuse a bad digit anywhere.
    expect(changed((copy) => (input(copy).boxId = `${'ab'.repeat(31)}zz`))).toThrow(/not hexadecimal bytes/);
    expect(changed((copy) => (input(copy).boxId = `zz${'ab'.repeat(31)}`))).toThrow(/not hexadecimal bytes/);
    expect(changed((copy) => (input(copy).boxId = `${'ab'.repeat(32)}a`))).toThrow(/not hexadecimal bytes/);
    expect(changed((copy) => (output(copy).additionalRegisters.R5 = '05g0'))).toThrow(/not hexadecimal bytes/);
    expect(changed((copy) => (output(copy).additionalRegisters.R5 = '05800'))).toThrow(/not hexadecimal bytes/);
  });
});
