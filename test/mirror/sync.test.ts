import { beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { memberHistory, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { storedTip } from '../../electron/core/mirror/queries/chain-store';
import { listLets } from '../../electron/core/mirror/queries/lets';
import { addToOutbox, moveOutboxItem, outboxItem } from '../../electron/core/mirror/queries/outbox';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { pollOnce } from '../../electron/core/mirror/sync/sync-loop';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { AppError } from '../../electron/core/errors/app-error';
import { aMirrorFollowing, balancesByName, dumpMirror } from '../helpers/mirror-fixtures';

describe('the mirror following the demo LETS on the devnet', () => {
  let chain: DevnetChain;
  let demo: DemoLets;

  beforeAll(async () => {
    chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    demo = await seedDemoLets(chain);
  });

  it('recovers every balance of the seed story from the chain alone', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    const result = await syncOnce(db, chain);
    expect(result).toMatchObject({ height: chain.height, rolledBack: 0 });
    expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    expect(trialBalance(db, letsId)).toBe(0n);
  });

  it('records each member’s history with counterparties and balances read from chain', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const [alice, bob, charlie] = demo.members as [DemoLets['members'][0], DemoLets['members'][0], DemoLets['members'][0]];
    expect(memberHistory(db, letsId, bob.publicKey).map((e) => [e.kind, e.counterpartyKey, e.delta, e.balanceAfter])).toEqual([
      ['enrolment', null, 0n, 0n],
      ['trade', alice.publicKey, 2_00n, 2_00n],
      ['trade', charlie.publicKey, -3_50n, -1_50n],
    ]);
  });

  it('asks for each batch of headers in one request, and one by one for any height the range left out', async () => {
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain, { batchSize: 4 });
    const asked = { ranges: 0, single: 0 };
    // A source whose ranges come back short by their last header (as from a node with another reading of toHeight).
    const shortRanges: ChainSource = Object.assign(Object.create(chain) as DevnetChain, {
      headerRange: async (from: number, to: number) => {
        asked.ranges++;
        return chain.headerRange(from, to - 1);
      },
      header: async (id: string) => {
        asked.single++;
        return chain.header(id);
      },
    });
    const mirror = aMirrorFollowing(demo);
    await syncOnce(mirror.db, shortRanges, { batchSize: 4 });
    expect(dumpMirror(mirror.db)).toEqual(dumpMirror(reference.db));
    const batches = Math.ceil((chain.height - demo.genesisHeight + 1) / 4);
    expect(asked).toEqual({ ranges: batches, single: batches });
  });

  it('asks for the next batch before it writes the one before, and never asks for a batch twice', async () => {
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain, { batchSize: 2 });
    const rangesAsked: number[] = [];
    const recording: ChainSource = Object.assign(Object.create(chain) as DevnetChain, {
      headerRange: async (from: number, to: number) => {
        rangesAsked.push(from);
        return chain.headerRange(from, to);
      },
    });
    const mirror = aMirrorFollowing(demo);
    const askedWhenWritten = new Map<number, number[]>();
    await syncOnce(mirror.db, recording, { batchSize: 2, onBatchApplied: (height) => askedWhenWritten.set(height, [...rangesAsked]) });
    expect(dumpMirror(mirror.db)).toEqual(dumpMirror(reference.db));
    expect(new Set(rangesAsked).size).toBe(rangesAsked.length);
    for (const [height, asked] of askedWhenWritten) if (height < chain.height) expect(asked).toContain(height + 1);
    expect(askedWhenWritten.size).toBe(Math.ceil((chain.height - demo.genesisHeight + 1) / 2));
  });

  it('starts with batches of 8 blocks that double up to the batch size, so the first is checked soon', async () => {
    const longer = new DevnetChain({ now: () => 1_767_225_600_000 });
    const lets = await seedDemoLets(longer);
    longer.mineMany(100);
    const sizesAsked: number[] = [];
    const recording: ChainSource = Object.assign(Object.create(longer) as DevnetChain, {
      headerRange: async (from: number, to: number) => {
        sizesAsked.push(to - from + 1);
        return longer.headerRange(from, to);
      },
    });
    const { db } = aMirrorFollowing(lets);
    await syncOnce(db, recording, { batchSize: 32 });
    const blocks = longer.height - lets.genesisHeight + 1;
    expect(sizesAsked.slice(0, 4)).toEqual([8, 8, 16, 32]);
    expect(sizesAsked.slice(4, -1).every((size) => size === 32)).toBe(true);
    expect(sizesAsked.reduce((sum, size) => sum + size, 0)).toBe(blocks);
  });

  it('stops before a block whose header the node has but not yet its transactions, and reads it next round', async () => {
    const { db } = aMirrorFollowing(demo);
    const [newest] = await chain.headerIdsAt(chain.height);
    let bodyArrived = false;
    // A node takes in a block's header before its body: the newest block's transactions are not there yet.
    const headerFirst: ChainSource = new Proxy(chain, {
      get(target, property, receiver) {
        if (property === 'blockTransactions') {
          return async (headerId: string) => {
            if (headerId === newest && !bodyArrived) {
              throw new AppError('not-found', 'The node does not know block yet.', 'The next sync reads it.');
            }
            return target.blockTransactions(headerId);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const first = await syncOnce(db, headerFirst);
    expect(first.height).toBe(chain.height - 1);
    bodyArrived = true;
    const second = await syncOnce(db, headerFirst);
    expect(second.height).toBe(chain.height);
    const reference = aMirrorFollowing(demo);
    await syncOnce(reference.db, chain);
    expect(dumpMirror(db)).toEqual(dumpMirror(reference.db));
  });

  it('does nothing on an idle poll', async () => {
    const { db } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    expect(await syncOnce(db, chain)).toMatchObject({ height: chain.height, appliedBlocks: 0, rolledBack: 0 });
  });

  it('follows only the LETS of the source’s network, and reads a network’s chain again after time on another', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const reference = dumpMirror(db);
    // An own transaction of the devnet LETS, on its way: a testnet node never lists it, which says nothing about it.
    addToOutbox(db, { transactionId: 'f'.repeat(64), letsId, purpose: 'trade', inputBoxIds: [], unsignedJson: '{}' });
    moveOutboxItem(db, 'f'.repeat(64), 'signed');
    moveOutboxItem(db, 'f'.repeat(64), 'submitted');

    const testnetNode: ChainSource = Object.assign(Object.create(chain) as DevnetChain, { tip: async () => ({ ...(await chain.tip()), network: 'testnet' }) });
    for (let poll = 0; poll < 20; poll++) expect(await pollOnce(db, testnetNode, { confirmations: 1, dropUnseenAfterPolls: 2 })).toMatchObject({ mirrorHeight: chain.height });
    expect(storedTip(db)).toBeNull();
    expect(dumpMirror(db)).toEqual({ blocks: [], boxes: [], entries: [] });
    expect(outboxItem(db, 'f'.repeat(64))?.state).toBe('submitted');
    expect(listLets(db)).toEqual([]);

    await syncOnce(db, chain);
    expect(dumpMirror(db)).toEqual(reference);
    expect(listLets(db).map((l) => l.name)).toEqual([demo.lets.name]);
  });
});
