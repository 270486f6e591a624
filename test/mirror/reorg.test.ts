import { beforeEach, describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { DemoSession, seedDemoLets, type DemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import { findMirroredBox } from '../../electron/core/mirror/queries/chain-store';
import { accountBalances, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, balancesByName, dumpMirror, sabotaged } from '../helpers/mirror-fixtures';

let clock = 1_767_225_600_000;
const tick = () => (clock += 120_000);

/** Bob pays `amount` to Alice from their current accounts on the devnet. */
async function bobPaysAlice(chain: DevnetChain, demo: DemoLets, amount: bigint): Promise<string> {
  const session = DemoSession.create(chain);
  const [alice, bob] = demo.members as [DemoParty, DemoParty];
  const payer = { name: 'Bob', box: await session.accountBox(demo, bob) };
  const payee = { name: 'Alice', box: await session.accountBox(demo, alice) };
  return session.signAndSubmit(buildTrade({ ...(await session.funding(bob)), lets: demo.lets, payer, payee, amount }), bob);
}

describe('reorganisations', () => {
  let chain: DevnetChain;
  let demo: DemoLets;

  beforeEach(async () => {
    chain = new DevnetChain({ now: tick });
    demo = await seedDemoLets(chain);
  });

  it.each([1, 5, 50])('rolls back a reorg of depth %i to the fork point and follows the new branch', async (depth) => {
    // The last demo block holds Bob → Charlie 3.50; bury it under depth − 1 empty blocks, then fork below it.
    chain.mineMany(depth - 1);
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const forkHeight = chain.height - depth;
    const beforeReorg = balancesByName(db, letsId, demo);
    expect(beforeReorg).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });

    chain.rollbackTo(forkHeight, { dropTransactions: true });
    await bobPaysAlice(chain, demo, 1_00n);
    chain.mineMany(depth + 1);

    const result = await syncOnce(db, chain);
    expect(result.rolledBack).toBe(depth);
    expect(result.height).toBe(chain.height);
    expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -1_00n, Bob: 1_00n, Charlie: 0n });
    expect(trialBalance(db, letsId)).toBe(0n);

    const fresh = aMirrorFollowing(demo);
    await syncOnce(fresh.db, chain);
    expect(dumpMirror(db)).toEqual(dumpMirror(fresh.db));
  });

  it('restores a box the dead branch had spent', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const bobBefore = accountBalances(db, letsId).find((b) => b.memberKey === demo.members[1]?.publicKey);
    chain.rollbackTo(chain.height - 1, { dropTransactions: true });
    chain.mine();
    await syncOnce(db, chain);
    const bobAfter = accountBalances(db, letsId).find((b) => b.memberKey === demo.members[1]?.publicKey);
    expect(bobAfter?.balance).toBe(2_00n);
    expect(bobAfter?.boxId).not.toBe(bobBefore?.boxId);
    expect(findMirroredBox(db, bobBefore?.boxId as string)).toBeUndefined();
  });

  it('does not keep a batch fetched ahead from a branch that a reorg has since replaced', async () => {
    const mirror = aMirrorFollowing(demo);
    const firstBatchEnd = demo.genesisHeight + 1;
    const tipHeight = chain.height;
    // The sync has asked for the next batch when the first is written; the chain then replaces everything after it
    // by empty blocks up to the same height, the tip this sync set out to reach.
    await syncOnce(mirror.db, chain, {
      batchSize: 2,
      onBatchApplied: (height) => {
        if (height !== firstBatchEnd) return;
        chain.rollbackTo(firstBatchEnd, { dropTransactions: true });
        chain.mineMany(tipHeight - firstBatchEnd);
      },
    });
    const fresh = aMirrorFollowing(demo);
    await syncOnce(fresh.db, chain);
    expect(dumpMirror(mirror.db)).toEqual(dumpMirror(fresh.db));
    expect(balancesByName(mirror.db, mirror.letsId, demo)).not.toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    expect(trialBalance(mirror.db, mirror.letsId)).toBe(0n);
  });
});

describe('crash safety and resync', () => {
  it('leaves the mirror at the last block boundary when a batch fails half-way, then catches up exactly', async () => {
    const chain = new DevnetChain({ now: tick });
    const demo = await seedDemoLets(chain);
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain);

    const { db } = aMirrorFollowing(demo);
    // Writing the last block fails inside the SQLite transaction (as a full disk would), after the earlier blocks of
    // the same batch were already written in it.
    db.exec(`CREATE TRIGGER disk_full BEFORE INSERT ON blocks WHEN NEW.height = ${chain.height} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(syncOnce(db, chain)).rejects.toThrow(/disk full/);
    expect(dumpMirror(db)).toEqual({ blocks: [], boxes: [], entries: [] });

    db.exec('DROP TRIGGER disk_full');
    await syncOnce(db, chain, { batchSize: 3 });
    expect(dumpMirror(db)).toEqual(dumpMirror(reference.db));
  });

  it('refuses a block whose transactions are not those its header commits to before writing any of its batch', async () => {
    const chain = new DevnetChain({ now: tick });
    const demo = await seedDemoLets(chain);
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain);

    const { db } = aMirrorFollowing(demo);
    const [lastTradeBlock] = await chain.headerIdsAt(chain.height);
    const duplicated = sabotaged(chain, lastTradeBlock as string, (txs) => [...txs, ...txs]);
    await expect(syncOnce(db, duplicated)).rejects.toThrow(/with transactions that are not the ones its header commits to: nothing of it was stored/);
    expect(dumpMirror(db)).toEqual({ blocks: [], boxes: [], entries: [] });

    await syncOnce(db, chain, { batchSize: 3 });
    expect(dumpMirror(db)).toEqual(dumpMirror(reference.db));
  });

  it('builds the same mirror block by block as in one full resync', async () => {
    const chain = new DevnetChain({ now: tick });
    const demo = await seedDemoLets(chain);
    const incremental = aMirrorFollowing(demo);
    // The same chain as it grew, one block at a time: each step is the chain cut at that height.
    const { blocks } = chain.snapshot();
    for (let h = demo.genesisHeight; h <= chain.height; h++) {
      await syncOnce(incremental.db, DevnetChain.restore({ blocks: blocks.slice(0, h), mempool: [] }));
    }
    const full = aMirrorFollowing(demo);
    await syncOnce(full.db, chain, { batchSize: 1000 });
    expect(dumpMirror(incremental.db)).toEqual(dumpMirror(full.db));
    expect(balancesByName(full.db, full.letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
  });
});
