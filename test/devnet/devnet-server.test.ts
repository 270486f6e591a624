import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';

describe('the devnet server writing blocks and the mempool as node JSON', () => {
  let chain: DevnetChain;
  let server: DevnetServer;
  let node: ChainSource;

  beforeAll(async () => {
    chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    await seedDemoLets(chain);
    // One more faucet payment stays in the mempool, so the mempool listing has something to write.
    await chain.faucet([{ ergoTree: '0008cd0336100ef59ced80ba5f89c4178ebd57b6c1dd0f3d135ee1db9f62fc634d637041', value: 9_007_199_254_740_993n }]);
    server = await serveDevnet(chain);
    node = createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet', retry: { attempts: 1, baseDelayMs: 1 } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('serves every block’s transactions exactly as the chain holds them (tokens, registers, values past 2^53)', async () => {
    for (let height = 1; height <= chain.height; height++) {
      const [headerId] = await chain.headerIdsAt(height);
      expect(await node.blockTransactions(headerId as string)).toEqual(await chain.blockTransactions(headerId as string));
    }
  });

  it('serves the mempool exactly as the chain holds it', async () => {
    const pending = await chain.mempool();
    expect(pending).toHaveLength(1);
    expect(await node.mempool()).toEqual(pending);
  });
});
