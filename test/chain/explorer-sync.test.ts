import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerAccess, startExplorerRuntime } from '../../electron/core/app/explorer-runtime';
import type { ChainTransaction, SignedTransactionJson } from '../../electron/core/chain/chain-source';
import { createExplorerClient, type ExplorerClient } from '../../electron/core/chain/explorer-client';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { TRUE_TREE } from '../../electron/core/interpreter/sigma-interpreter';
import { trialBalance } from '../../electron/core/mirror/queries/ledger';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { pollOnce } from '../../electron/core/mirror/sync/sync-loop';
import { serveDevnetAsExplorer, type ExplorerServer } from '../helpers/explorer-devnet';
import { aMirrorFollowing, balancesByName, dumpMirror } from '../helpers/mirror-fixtures';

/** A mempool transaction as it would be submitted again. */
function resubmittable(tx: ChainTransaction): SignedTransactionJson {
  return {
    id: tx.id,
    inputs: tx.inputs.map(({ boxId, proofBytes, extension }) => ({ boxId, spendingProof: { proofBytes, extension } })),
    dataInputs: tx.dataInputs,
    outputs: tx.outputs.map(({ value, ergoTree, creationHeight, assets, additionalRegisters }) => ({ value, ergoTree, creationHeight, assets, additionalRegisters })),
  };
}

describe('the mirror following the demo LETS through an Explorer-shaped API', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let explorer: ExplorerServer;
  let client: ExplorerClient;

  beforeAll(async () => {
    chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    demo = await seedDemoLets(chain);
    explorer = await serveDevnetAsExplorer(chain);
    client = createExplorerClient({ baseUrl: explorer.url, network: 'testnet' });
  });

  afterAll(() => explorer.close());

  it('builds the same mirror as reading the chain directly', async () => {
    const direct = aMirrorFollowing(demo);
    await syncOnce(direct.db, chain);
    const viaExplorer = aMirrorFollowing(demo, 'testnet');
    const requestsBefore = explorer.requests.length;
    const result = await syncOnce(viaExplorer.db, client);

    expect(result).toMatchObject({ height: chain.height, rolledBack: 0 });
    expect(dumpMirror(viaExplorer.db)).toEqual(dumpMirror(direct.db));
    expect(balancesByName(viaExplorer.db, viaExplorer.letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    expect(trialBalance(viaExplorer.db, viaExplorer.letsId)).toBe(0n);
    // Header and transactions of a block come from one Explorer call.
    const blockCalls = explorer.requests.slice(requestsBefore).filter((r) => r.startsWith('GET /api/v1/blocks/'));
    expect(new Set(blockCalls).size).toBe(blockCalls.length);
  });

  it('lists the mempool, takes a submission, and the next poll sees it mined', async () => {
    const [emission] = await chain.unspentByErgoTree(TRUE_TREE);
    const paid = await chain.faucet([{ ergoTree: demo.accountTree, value: 1_000_000n }]);
    expect((await client.mempool()).map((tx) => tx.id)).toEqual([paid]);
    expect(await client.mempool()).toEqual(await chain.mempool());
    // Confirmed and unspent, but spent by the pending payment: not a box to build the next transaction on.
    expect((await chain.unspentByErgoTree(TRUE_TREE)).map((box) => box.boxId)).toEqual([emission?.boxId]);
    expect(await client.unspentByErgoTree(TRUE_TREE)).toEqual([]);

    const [pending] = await chain.mempool();
    chain.evict(paid);
    expect(await client.submit(resubmittable(pending as ChainTransaction))).toBe(paid);
    expect((await chain.mempool()).map((tx) => tx.id)).toEqual([paid]);

    chain.mine();
    const { db } = aMirrorFollowing(demo, 'testnet');
    expect(await pollOnce(db, client, { confirmations: 10 })).toMatchObject({ mirrorHeight: chain.height, nodeHeight: chain.height, nodeCatchingUp: false });
  });

  it('serves the transaction workflow: height, unspent and spent boxes, wallet boxes by script', async () => {
    const access = explorerAccess(client, 'testnet');
    expect(await access.height()).toBe(chain.height);
    const [unspent] = await chain.unspentByErgoTree(demo.accountTree);
    expect(unspent).toBeDefined();
    const box = await access.unspentBox(unspent?.boxId ?? '');
    expect(box).toMatchObject({ boxId: unspent?.boxId, value: unspent?.value.toString(), additionalRegisters: unspent?.additionalRegisters });
    expect((await access.unspentByErgoTree(demo.accountTree)).map((b) => b.boxId)).toEqual((await chain.unspentByErgoTree(demo.accountTree)).map((b) => b.boxId));

    // The demo's first block created boxes its trades spent since: the Explorer knows them, and says they are spent.
    const [firstId] = await chain.headerIdsAt(demo.genesisHeight);
    const created = (await chain.blockTransactions(firstId ?? '')).flatMap((tx) => tx.outputs);
    const spent = [];
    for (const output of created) if ((await chain.unspentBox(output.boxId)) === null) spent.push(output.boxId);
    expect(spent.length).toBeGreaterThan(0);
    for (const boxId of spent) expect(await access.unspentBox(boxId)).toBeNull();
  });

  it('runs as the app’s chain runtime, synced with 10 confirmations by default', async () => {
    const { db, letsId } = aMirrorFollowing(demo, 'testnet');
    const runtime = startExplorerRuntime({ db, network: 'testnet', confirmations: 10, baseUrl: explorer.url });
    try {
      await expect.poll(() => runtime.status().state, { timeout: 10_000, interval: 50 }).toBe('synced');
      expect(runtime).toMatchObject({ network: 'testnet', confirmations: 10 });
      expect(runtime.status().height).toBe(chain.height);
      expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    } finally {
      await runtime.stop();
    }
    expect(runtime.status().state).toBe('not-connected');
  });
});
