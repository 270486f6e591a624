import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { fund, payment, signForNode, wallet } from '../helpers/devnet-wallets';

const alice = wallet('Alice');
const bob = wallet('Bob');
const ERG = 1_000_000_000n;

const aDevnet = () => new DevnetChain({ now: () => 1_767_225_600_000 });

describe('the devnet chain', () => {
  it('accepts a correctly signed payment, holds it in the mempool, then mines it', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const signed = signForNode(payment(chain, alice, [box], bob, 2n * ERG), alice);
    const txId = await chain.submit(signed);
    expect((await chain.mempool()).map((t) => t.id)).toEqual([txId]);
    expect(await chain.unspentBox(box.boxId)).not.toBeNull();

    const block = chain.mine();
    expect(block.transactions.map((t) => t.id)).toEqual([txId]);
    expect(await chain.unspentBox(box.boxId)).toBeNull();
    const paid = block.transactions[0]?.outputs[0];
    expect(paid && (await chain.unspentBox(paid.boxId))).toMatchObject({ value: 2n * ERG, ergoTree: bob.ergoTree, transactionId: txId });
    expect(await chain.mempool()).toEqual([]);
  });

  it('computes the same transaction id as the signer', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const unsigned = payment(chain, alice, [box], bob, ERG);
    const signed = signForNode(unsigned, alice);
    const { Prover } = await import('@fleet-sdk/wallet');
    expect(await chain.submit(signed)).toBe(new Prover().signTransaction(unsigned, [alice.key]).id);
  });

  it('rejects a payment signed by the wrong key (the interpreter verifies every proof)', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const forged = signForNode(payment(chain, alice, [box], bob, ERG), bob);
    await expect(chain.submit(forged)).rejects.toThrow('The chain refused the transaction: the signature for input 1 is missing or wrong.');
    expect(await chain.mempool()).toEqual([]);
  });

  it('rejects an output changed after signing', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const signed = signForNode(payment(chain, alice, [box], bob, ERG), alice);
    const tampered = { ...signed, outputs: signed.outputs.map((o, i) => (i === 0 ? { ...o, ergoTree: alice.ergoTree } : o)) };
    await expect(chain.submit(tampered)).rejects.toThrow(/signature for input 1 is missing or wrong/);
  });

  it('rejects a double spend, in the mempool and after mining', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    await chain.submit(signForNode(payment(chain, alice, [box], bob, ERG), alice));
    const second = signForNode(payment(chain, alice, [box], bob, 3n * ERG), alice);
    await expect(chain.submit(second)).rejects.toThrow(/does not exist or is already spent/);
    chain.mine();
    await expect(chain.check(second)).rejects.toThrow(/does not exist or is already spent/);
  });

  it('rejects ERG created out of nothing and tokens minted under a foreign id', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const signed = signForNode(payment(chain, alice, [box], bob, ERG), alice);
    const inflated = { ...signed, outputs: signed.outputs.map((o, i) => (i === 0 ? { ...o, value: o.value + 1n } : o)) };
    await expect(chain.check(inflated)).rejects.toThrow(/ERG in \(10000000000\) does not equal ERG out \(10000000001\)/);
    const minted = { ...signed, outputs: signed.outputs.map((o, i) => (i === 0 ? { ...o, assets: [{ tokenId: 'ab'.repeat(32), amount: 5n }] } : o)) };
    await expect(chain.check(minted)).rejects.toThrow(/token abababababab… is created out of nothing/);
  });

  it('rolls back blocks, restoring spent boxes and returning their transactions to the mempool', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const txId = await chain.submit(signForNode(payment(chain, alice, [box], bob, ERG), alice));
    const mined = chain.mine();
    chain.mineMany(3);
    expect(chain.height).toBe(5);

    chain.rollbackTo(1);
    expect(chain.height).toBe(1);
    expect(await chain.unspentBox(box.boxId)).not.toBeNull();
    expect((await chain.mempool()).map((t) => t.id)).toEqual([txId]);
    const replacement = chain.mine();
    expect(replacement.header.id).not.toBe(mined.header.id);
    expect(replacement.header.parentId).toBe((await chain.header((await chain.headerIdsAt(1))[0] as string)).id);
    expect(replacement.transactions.map((t) => t.id)).toEqual([txId]);
  });

  it('drops a transaction whose input was spent differently on the new branch', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const first = await chain.submit(signForNode(payment(chain, alice, [box], bob, ERG), alice));
    chain.mine();
    chain.rollbackTo(1, { dropTransactions: true });
    const rival = await chain.submit(signForNode(payment(chain, alice, [box], bob, 4n * ERG), alice));
    const block = chain.mine();
    expect(block.transactions.map((t) => t.id)).toEqual([rival]);
    expect(block.transactions.map((t) => t.id)).not.toContain(first);
  });

  it('serves headers that chain by parent id', async () => {
    const chain = aDevnet();
    chain.mineMany(4);
    const tip = await chain.tip();
    expect(tip).toMatchObject({ height: 4, network: 'devnet' });
    const headers = await Promise.all([1, 2, 3, 4].map(async (h) => chain.header((await chain.headerIdsAt(h))[0] as string)));
    headers.slice(1).forEach((header, i) => expect(header.parentId).toBe(headers[i]?.id));
    expect(await chain.headerIdsAt(5)).toEqual([]);
  });

  it('is rebuilt exactly from its snapshot', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    await chain.submit(signForNode(payment(chain, alice, [box], bob, ERG), alice));
    chain.mine();
    const copy = DevnetChain.restore(structuredClone(chain.snapshot()));
    expect(await copy.tip()).toEqual(await chain.tip());
    expect(await copy.unspentBox(box.boxId)).toBeNull();
    const [tipId] = await chain.headerIdsAt(2);
    expect(await copy.blockTransactions(tipId as string)).toEqual(await chain.blockTransactions(tipId as string));
  });

  it('never re-mines an old block id after a restore (the block counter is part of the snapshot)', () => {
    const chain = aDevnet();
    const [first] = chain.mineMany(3);
    const copy = DevnetChain.restore(structuredClone(chain.snapshot()));
    copy.rollbackTo(0);
    expect(copy.mine().header.id).not.toBe(first?.header.id);
  });

  it('restores a snapshot written before the counter was stored', () => {
    const chain = aDevnet();
    const [first] = chain.mineMany(3);
    const { nonce: _, ...older } = structuredClone(chain.snapshot());
    const copy = DevnetChain.restore(older);
    copy.rollbackTo(0);
    expect(copy.mine().header.id).not.toBe(first?.header.id);
  });

  it('appends a pre-validated block without the interpreter, but only on unspent inputs', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    const other = await fund(chain, bob);
    // No valid proof: the interpreter would refuse this, the test-facing append does not look.
    const spending = (boxId: string, id: string) => ({ id, inputs: [{ boxId, proofBytes: '', extension: {} }], dataInputs: [], outputs: [] });
    expect(chain.appendPrevalidatedBlock([spending(box.boxId, 'ab'.repeat(32))]).header.height).toBe(3);
    expect(await chain.unspentBox(box.boxId)).toBeNull();

    const doubleSpend = [spending(other.boxId, 'cd'.repeat(32)), spending(box.boxId, 'ef'.repeat(32))];
    expect(() => chain.appendPrevalidatedBlock(doubleSpend)).toThrow(/spends a box that is not unspent at height 4/);
    expect(chain.height).toBe(3);
    expect(await chain.unspentBox(other.boxId)).not.toBeNull();
  });
});
