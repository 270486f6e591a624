import { compile } from '@fleet-sdk/compiler';
import { describe, expect, it } from 'vitest';
import type { ChainBox, SignedTransactionJson } from '../../electron/core/chain/chain-source';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { fund, payment, signForNode, wallet } from '../helpers/devnet-wallets';

// A node validates every mempool transaction again against the state and height of the block it assembles
// (ergoplatform/ergo, CandidateGenerator.collectTxs), so a transaction that a rollback made invalid is dropped.

const alice = wallet('Alice');
const bob = wallet('Bob');
const ERG = 1_000_000_000n;

const aDevnet = () => new DevnetChain({ now: () => 1_767_225_600_000 });

/** Spendable by anyone, but only in a block at or above height 6: a time lock on HEIGHT. */
const FROM_HEIGHT_6 = compile('sigmaProp(HEIGHT >= 6)').toHex();
/** Spendable by anyone, but only in a block below height 4: an expiring offer. */
const BELOW_HEIGHT_4 = compile('sigmaProp(HEIGHT < 4)').toHex();

async function lockedBox(chain: DevnetChain, ergoTree: string): Promise<ChainBox> {
  await chain.faucet([{ ergoTree, value: ERG }]);
  return chain.mine().transactions[0]?.outputs[0] as ChainBox;
}

/**
 * Moves the locked box to Bob. The outputs claim the locked box's own creation height, so that no creation-height rule
 * (txFuture, txMonotonicHeight) can refuse it at any height the test mines: only the script decides.
 */
function release(box: ChainBox): SignedTransactionJson {
  return {
    inputs: [{ boxId: box.boxId, spendingProof: { proofBytes: '', extension: {} } }],
    dataInputs: [],
    outputs: [{ value: box.value, ergoTree: bob.ergoTree, creationHeight: box.creationHeight, assets: [], additionalRegisters: {} }],
  };
}

describe('the devnet mines a pending transaction only if it is still valid at the height of the block', () => {
  it('drops a time-locked spend that a rollback brings back below its lock height, and mines it once the lock opens', async () => {
    const chain = aDevnet();
    const box = await lockedBox(chain, FROM_HEIGHT_6);
    chain.mineMany(4);
    const released = await chain.submit(release(box));
    expect(chain.mine().transactions.map((t) => t.id)).toEqual([released]);
    expect(chain.height).toBe(6);

    chain.rollbackTo(3);
    expect((await chain.mempool()).map((t) => t.id)).toEqual([released]);
    const block4 = chain.mine();
    expect(block4.transactions).toEqual([]);
    expect(await chain.mempool()).toEqual([]);
    expect(await chain.unspentBox(box.boxId)).not.toBeNull();

    // The transaction itself is fine: at height 6 again it is accepted and mined.
    chain.mine();
    await chain.submit(release(box));
    expect(chain.mine().transactions.map((t) => t.id)).toEqual([released]);
  });

  it('re-mines a rolled-back payment while it is valid, and drops it once a deeper rollback puts its outputs above the block', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    chain.mineMany(3);
    // Built at height 4, so every output claims creation height 4.
    const paid = await chain.submit(signForNode(payment(chain, alice, [box], bob, ERG), alice));
    expect(chain.mine().header.height).toBe(5);

    chain.rollbackTo(3);
    expect(chain.mine().transactions.map((t) => t.id)).toEqual([paid]);
    chain.rollbackTo(2);
    // Block 3 cannot hold a box created at height 4 (rule txFuture).
    expect(chain.mine().transactions).toEqual([]);
    expect(await chain.mempool()).toEqual([]);
    expect(await chain.unspentBox(box.boxId)).not.toBeNull();
  });

  it('validates again a transaction left pending while blocks were appended past the height it was checked for', async () => {
    const chain = aDevnet();
    const box = await lockedBox(chain, BELOW_HEIGHT_4);
    await chain.submit(release(box));
    chain.appendPrevalidatedBlock([]);
    chain.appendPrevalidatedBlock([]);
    expect(chain.mine().transactions).toEqual([]);
    expect(await chain.unspentBox(box.boxId)).not.toBeNull();
  });

  it('validates the mempool of a restored snapshot before mining it (the file may not be what the chain accepted)', async () => {
    const chain = aDevnet();
    const box = await lockedBox(chain, BELOW_HEIGHT_4);
    const released = await chain.submit(release(box));
    const snapshot = structuredClone(chain.snapshot());
    const edited = structuredClone(snapshot);
    const output = edited.mempool[0]?.outputs[0] as ChainBox;
    output.value += ERG;

    expect(DevnetChain.restore(snapshot).mine().transactions.map((t) => t.id)).toEqual([released]);
    expect(DevnetChain.restore(edited).mine().transactions).toEqual([]);
    expect(chain.mine().transactions.map((t) => t.id)).toEqual([released]);
  });
});
