import { join } from 'node:path';
import { SLong } from '@fleet-sdk/serializer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainIndex } from '../../electron/core/chain/chain-index';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { createNodeIndex } from '../../electron/core/chain/node-index';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { foundLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { findLets, followFoundLets } from '../../electron/core/following/follow-lets';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { pendingLets, setCatchUpPaused } from '../../electron/core/mirror/queries/catch-up-state';
import { storedTip, trackLetsOnChain } from '../../electron/core/mirror/queries/chain-store';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { createCatchUp } from '../../electron/core/mirror/sync/catch-up';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aLateLetsChain } from '../helpers/late-lets';
import { tamperingProxy } from '../helpers/tampering-proxy';
import { aMirrorFollowing, countingBlocks, dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { CHECKS_OF_BLOCK_SCAN, CHECKS_OF_PROVEN_INDEX } from '../../electron/core/chain/chain-checks';
import { mirrorReads } from '../../electron/core/mirror/queries/mirror-reads';

/**
 * A LETS followed long after it was founded: its history is caught up through the node's index (only its own
 * transactions), or block by block on a node without the index, and either way the mirror ends exactly as a sync that
 * followed the LETS block by block from its genesis. The chain: genesis, 600 trades, 350 empty blocks, 60 more trades,
 * so the index covers most of it and the last 300 blocks (where a reorganisation may still happen) are read as blocks.
 */
describe('catching up a LETS followed late', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let withIndex: DevnetServer;
  let withoutIndex: DevnetServer;

  beforeAll(async () => {
    ({ chain, demo } = await aLateLetsChain({ trades: 600, emptyBlocks: 350, laterTrades: 60, seed: 3 }));
    withIndex = await serveDevnet(chain);
    withoutIndex = await serveDevnet(chain, 0, { extraIndex: false });
  }, 120_000);

  afterAll(async () => {
    await withIndex?.close();
    await withoutIndex?.close();
  });

  const link = (startHeight: number | null = null) => ({ network: 'devnet' as const, letsId: demo.lets.letsId, startHeight });


  async function followed(server: DevnetServer, startHeight: number | null): Promise<{ db: Db; source: ChainSource; index: ChainIndex }> {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    const source = createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet' });
    const index = createNodeIndex({ baseUrl: server.url, network: 'devnet' });
    followFoundLets(db, await findLets({ source, index }, link(startHeight)));
    return { db, source, index };
  }

  /** Follows `lets` from its genesis, block by block, as a mirror that had it from the start. */
  function trackLate(db: Db, lets: DemoLets): void {
    const letsId = addLets(db, { letsTokenId: lets.lets.letsId, name: lets.lets.name, unit: lets.lets.unit, model: 'committee', creditFloor: lets.lets.floor, creditCap: lets.lets.cap });
    trackLetsOnChain(db, { letsId, network: 'devnet', membershipTokenId: lets.lets.membershipTokenId, accountTree: lets.accountTree, managementTree: lets.managementTree, startHeight: lets.genesisHeight });
  }

  async function reference(): Promise<unknown> {
    const { db } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    return dumpMirror(db);
  }

  it('reads the history through the index and the last blocks one by one, and ends with the mirror of a block-by-block sync', async () => {
    const { db, source, index } = await followed(withIndex, null);
    expect(pendingLets(db, 'devnet').map((p) => p.caughtUpTo)).toEqual([demo.genesisHeight - 1]);
    const counted = countingBlocks(source);
    const result = await syncOnce(db, counted.source, { catchUp: createCatchUp({ index, pageSize: 100 }) });
    expect(result.catchingUp).toBe(false);
    expect(pendingLets(db, 'devnet')).toEqual([]);
    expect(dumpMirror(db)).toEqual(await reference());
    // Only the blocks no reorganisation can reach any more came through the index.
    expect(counted.blocksRead()).toBeLessThanOrEqual(300);
  });

  it('finds the LETS from its link’s start height on a node without the index, reads it block by block, and ends the same', async () => {
    const { db, source, index } = await followed(withoutIndex, demo.genesisHeight);
    expect(await index.indexedHeight()).toBeNull();
    await syncOnce(db, source, { catchUp: createCatchUp({ index }) });
    expect(dumpMirror(db)).toEqual(await reference());
  });

  it('carries on where it stopped when the app is closed after every step, and ends the same', async () => {
    const first = await followed(withIndex, null);
    const file = first.db.name;
    first.db.close();
    const heights: number[] = [];
    for (let restarts = 0; ; restarts++) {
      expect(restarts).toBeLessThan(200);
      const db = openDatabase(file);
      // A new process each time: nothing is remembered but what the mirror holds.
      const catchUp = createCatchUp({ index: first.index, pageSize: 25, onApplied: (_, height) => heights.push(height) });
      const more = await catchUp.step(db, first.source, await first.source.tip(), 0);
      db.close();
      if (!more) break;
    }
    expect(heights.length).toBeGreaterThan(5);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
    const db = openDatabase(file);
    await syncOnce(db, first.source);
    expect(dumpMirror(db)).toEqual(await reference());
  });

  it('does nothing while paused, and carries on when resumed', async () => {
    const { db, source, index } = await followed(withIndex, null);
    const [pending] = pendingLets(db, 'devnet');
    setCatchUpPaused(db, pending?.tracked.letsId ?? 0, true);
    const catchUp = createCatchUp({ index });
    expect(await catchUp.step(db, source, await source.tip())).toBe(false);
    expect(pendingLets(db, 'devnet').map((p) => [p.caughtUpTo, p.paused])).toEqual([[demo.genesisHeight - 1, true]]);
    expect(catchUp.reports(db, 'devnet')).toMatchObject([{ paused: true, name: 'Late LETS' }]);
    setCatchUpPaused(db, pending?.tracked.letsId ?? 0, false);
    await syncOnce(db, source, { catchUp });
    expect(dumpMirror(db)).toEqual(await reference());
  });

  it('reports how far it has come and how long it will take', async () => {
    const { db, source, index } = await followed(withIndex, null);
    let clock = 0;
    const catchUp = createCatchUp({ index, pageSize: 50, now: () => (clock += 1_000) });
    expect(await catchUp.step(db, source, await source.tip(), 3_000)).toBe(true);
    const [report] = catchUp.reports(db, 'devnet');
    expect(report).toMatchObject({ name: 'Late LETS', phase: 'index', paused: false });
    expect(report?.done).toBeGreaterThan(0);
    expect(report?.total).toBeGreaterThan(report?.done ?? 0);
    expect(report?.secondsLeft).toBeGreaterThan(0);
  });

  /** Every account box in the node's index answers gets a balance of 1 000 000.00. */
  const inflate = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inflate);
    if (typeof value !== 'object' || value === null) return value;
    const box = value as { ergoTree?: string; additionalRegisters?: Record<string, string> };
    if (box.ergoTree === demo.accountTree && box.additionalRegisters) box.additionalRegisters.R5 = SLong(100_000_000n).toHex();
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, inflate(inner)]));
  };

  /** Changes the node's proof for each transaction (its numbers come as bigint, as the app's parser reads them). */
  const proofs = (change: (proof: { leafData: string; levels: [string, bigint][] }) => void) => (path: string, answer: unknown) => {
    if (/^\/blocks\/[0-9a-f]{64}\/proofFor\/[0-9a-f]{64}$/.test(path)) change(answer as { leafData: string; levels: [string, bigint][] });
    return answer;
  };
  const headers = (change: (header: { powSolutions: { n: string }; stateRoot: string }) => void) => (path: string, answer: unknown) => {
    if (/^\/blocks\/[0-9a-f]{64}\/header$/.test(path)) change(answer as { powSolutions: { n: string }; stateRoot: string });
    return answer;
  };
  it.each([
    ['account boxes changed in transit', (path: string, answer: unknown) => (path.startsWith('/blockchain/') ? inflate(answer) : answer), /^The chain source sent a transaction whose content does not match its id/],
    ['a Merkle proof for another transaction', proofs((proof) => (proof.leafData = 'ab'.repeat(32))), /a proof that transaction [0-9a-f]{12}… is in block \d+ \(id [0-9a-f]{12}…\) that is the proof of another transaction/],
    ['a Merkle proof with a level on the other side', proofs((proof) => ((proof.levels[0] as [string, bigint])[1] ^= 1n)), /that does not lead to the root its header commits to/],
    ['a header with another nonce', headers((header) => (header.powSolutions.n = 'ff'.repeat(8))), /a block header \(height \d+, id [0-9a-f]{12}…\) whose content does not match its id/],
    ['a header with another state root', headers((header) => (header.stateRoot = `${'00'.repeat(32)}01`)), /whose content does not match its id/],
  ])('refuses an index answer with %s, keeps nothing of it, and an honest catch-up ends the same', async (_what, tamper, message) => {
    const proxy = await tamperingProxy(withIndex.url, tamper);
    try {
      const { db, source } = await followed(withIndex, null);
      const hostileIndex = createNodeIndex({ baseUrl: proxy.url, network: 'devnet' });
      await expect(syncOnce(db, source, { catchUp: createCatchUp({ index: hostileIndex, pageSize: 100 }) })).rejects.toMatchObject({
        code: 'chain-response-invalid',
        message: expect.stringMatching(message) as string,
      });
      expect(dumpMirror(db)).toMatchObject({ entries: [] });
      expect(pendingLets(db, 'devnet').map((p) => p.caughtUpTo)).toEqual([demo.genesisHeight - 1]);
      await syncOnce(db, source, { catchUp: createCatchUp({ index: createNodeIndex({ baseUrl: withIndex.url, network: 'devnet' }), pageSize: 100 }) });
      expect(dumpMirror(db)).toEqual(await reference());
    } finally {
      await proxy.close();
    }
  });

  it('records which source each stretch was read from and what it passed there', async () => {
    const { db, source } = await followed(withIndex, null);
    await syncOnce(db, source, { catchUp: createCatchUp({ index: createNodeIndex({ baseUrl: withIndex.url, network: 'devnet' }), pageSize: 100 }) });
    const node = `the Ergo node at ${withIndex.url}`;
    const reads = mirrorReads(db);
    expect(reads.map(({ source: from, checks }) => ({ from, checks }))).toEqual(
      expect.arrayContaining([
        { from: node, checks: CHECKS_OF_PROVEN_INDEX },
        { from: node, checks: CHECKS_OF_BLOCK_SCAN },
      ]),
    );
    // Every height from the LETS's genesis to the mirror's tip was read once by one of them.
    const covered = reads.flatMap((read) => Array.from({ length: read.toHeight - read.fromHeight + 1 }, (_, i) => read.fromHeight + i)).sort((a, b) => a - b);
    expect(covered[0]).toBe(demo.genesisHeight);
    expect(covered.at(-1)).toBe(storedTip(db)?.height);
    expect(new Set(covered).size).toBe(covered.length);
  });

  // Last: it founds another LETS on the shared chain.
  it('catches a LETS up to the tip of a mirror that already follows another, and both end as if followed from their genesis', async () => {
    // A second LETS, founded at the end of the chain, is followed already: the mirror stands at the tip.
    const { demo: young } = await foundLets(chain, { parameters: { name: 'Young LETS', unit: 'EUR-LETS', floor: -50_00n, cap: null }, memberNames: ['Eva', 'Fin'] });
    const server = await serveDevnet(chain);
    try {
      const source = createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet' });
      const index = createNodeIndex({ baseUrl: server.url, network: 'devnet' });
      const { db } = aMirrorFollowing(young);
      await syncOnce(db, source);
      expect(storedTip(db)?.height).toBe(chain.height);
      followFoundLets(db, await findLets({ source, index }, link()));
      await syncOnce(db, source, { catchUp: createCatchUp({ index }) });

      const both = aMirrorFollowing(young);
      trackLate(both.db, demo);
      await syncOnce(both.db, chain);
      // The headers kept differ (the young LETS's mirror started near the tip); what was read of both LETS does not.
      const read = (mirror: Db) => {
        const { boxes, entries } = dumpMirror(mirror) as Record<string, unknown>;
        return { boxes, entries };
      };
      expect(read(db)).toEqual(read(both.db));
    } finally {
      await server.close();
    }
  });
});
