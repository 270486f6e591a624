import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';
import { DemoSession, seedDemoLets, type DemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { outboxItem } from '../../electron/core/mirror/queries/outbox';
import { pollOnce } from '../../electron/core/mirror/sync/sync-loop';
import { fileBuiltTransaction } from '../../electron/core/operations/prepared-transaction';
import { aMirrorFollowing } from '../helpers/mirror-fixtures';

/**
 * Issue 18, part 5: the outbox asks the node about its own transactions by id (POST
 * /transactions/unconfirmed/byTransactionIds, as ergo's TransactionsApiRoute answers it) instead of reading the whole
 * mempool, which fails every poll once a busy node's pool is longer than the client reads.
 */
describe('the outbox asks the node about its own transactions by id', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let server: DevnetServer;
  let node: ChainSource;

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    server = await serveDevnet(chain);
    node = createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet', retry: { attempts: 1, baseDelayMs: 1 } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  /** A trade signed and sent to the node, but not in a block yet. */
  async function tradeInMempool(): Promise<{ id: string; unsigned: Parameters<typeof fileBuiltTransaction>[1]['transaction'] }> {
    const session = DemoSession.create(chain);
    const member = (name: string) => demo.members.find((m) => m.name === name) as DemoParty;
    const unsigned = buildTrade({
      ...(await session.funding(member('Charlie'))),
      lets: demo.lets,
      payer: { name: 'Charlie', box: await session.accountBox(demo, member('Charlie')) },
      payee: { name: 'Alice', box: await session.accountBox(demo, member('Alice')) },
      amount: 10n,
    });
    const signed = await session.signer.sign({ transaction: unsigned, inputKeyPaths: unsigned.inputs.map(() => member('Charlie').keyPath) });
    return { id: await chain.submit(toSignedTransactionJson(signed)), unsigned };
  }

  it('answers which of the ids asked for are in the pool, as a node does, and refuses a bad body with 400', async () => {
    const { id } = await tradeInMempool();
    const unknown = 'ab'.repeat(32);
    expect(await node.mempoolIdsAmong([unknown, id])).toEqual(new Set([id]));
    expect(await node.mempoolIdsAmong([])).toEqual(new Set());
    const bad = await fetch(`${server.url}/transactions/unconfirmed/byTransactionIds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ids":1}' });
    expect(bad.status).toBe(400);
    chain.mine();
  });

  it('moves its transaction to "mempool" without reading the pool, which may be too long to read', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    const { id, unsigned } = await tradeInMempool();
    fileBuiltTransaction(db, { letsId, purpose: 'trade', description: 'Charlie pays Alice 0.10 EUR-LETS', transaction: unsigned, inputKeys: [], signedBy: 'Charlie' });
    // A node whose pool holds more than any client pages through: reading it whole fails.
    const busyNode: ChainSource = { ...node, mempool: () => Promise.reject(new Error('the mempool listing did not end after 200 pages')) };
    await pollOnce(db, busyNode, { confirmations: 1 });
    expect(outboxItem(db, id)?.state).toBe('mempool');
    chain.mine();
    await pollOnce(db, busyNode, { confirmations: 1 });
    expect(outboxItem(db, id)?.state).toBe('confirmed');
  });
});
