import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { createNodeClient } from '../../electron/core/chain/node-client';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';
import { encodeAccountRegisters } from '../../electron/core/contracts/registers';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { DemoSession, seedDemoLets, type DemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { trialBalance } from '../../electron/core/mirror/queries/ledger';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, balancesByName, dumpMirror } from '../helpers/mirror-fixtures';

describe('the devnet served as an Ergo node on loopback', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let server: DevnetServer;
  let node: ChainSource;

  beforeAll(async () => {
    let clock = 1_767_225_600_000;
    chain = new DevnetChain({ now: () => (clock += 120_000) });
    demo = await seedDemoLets(chain);
    server = await serveDevnet(chain);
    node = createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet', retry: { attempts: 1, baseDelayMs: 1 } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('syncs the mirror through the real node client exactly as in-process', async () => {
    const overHttp = aMirrorFollowing(demo);
    const result = await syncOnce(overHttp.db, node);
    expect(result.height).toBe(chain.height);
    expect(balancesByName(overHttp.db, overHttp.letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    expect(trialBalance(overHttp.db, overHttp.letsId)).toBe(0n);
    const direct = aMirrorFollowing(demo);
    await syncOnce(direct.db, chain);
    expect(dumpMirror(overHttp.db)).toEqual(dumpMirror(direct.db));
  });

  it('rejects a contract-violating transaction with the interpreter’s reason', async () => {
    const session = DemoSession.create(chain);
    const [alice, bob] = demo.members as [DemoParty, DemoParty];
    const account = (who: DemoParty) => session.accountBox(demo, who);
    const honest = buildTrade({ ...(await session.funding(alice)), lets: demo.lets, payer: { name: 'Alice', box: await account(alice) }, payee: { name: 'Bob', box: await account(bob) }, amount: 1_00n });
    // Bob receives 10.00 while Alice pays 1.00: value out of nothing, which the account contract must refuse.
    const forged = { ...honest, outputs: honest.outputs.map((o, i) => (i === 1 ? { ...o, additionalRegisters: encodeAccountRegisters({ owner: bob.publicKey, balance: 1_00n - 1_50n + 10_00n }) } : o)) };
    const signed = await session.signer.sign({ transaction: forged, inputKeyPaths: forged.inputs.map(() => alice.keyPath) });
    await expect(node.submit(toSignedTransactionJson(signed))).rejects.toThrow(/does not allow this spend|refused/);
    expect(await node.mempool()).toEqual([]);
  });

  it('accepts the honest trade and serves it from the mempool, then in a block', async () => {
    const before = chain.height;
    const session = DemoSession.create(chain);
    const [, bob, charlie] = demo.members as [DemoParty, DemoParty, DemoParty];
    const account = (who: DemoParty) => session.accountBox(demo, who);
    const tx = buildTrade({ ...(await session.funding(charlie)), lets: demo.lets, payer: { name: 'Charlie', box: await account(charlie) }, payee: { name: 'Bob', box: await account(bob) }, amount: 50n });
    const signed = await session.signer.sign({ transaction: tx, inputKeyPaths: tx.inputs.map(() => charlie.keyPath) });
    const id = await node.submit(toSignedTransactionJson(signed));
    expect((await node.mempool()).map((t) => t.id)).toEqual([id]);
    chain.mine();
    expect((await node.tip()).height).toBe(before + 1);
    const [headerId] = await node.headerIdsAt(before + 1);
    expect((await node.blockTransactions(headerId as string)).map((t) => t.id)).toEqual([id]);
  });
});
