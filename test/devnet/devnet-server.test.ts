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

  it('serves a range of headers as a node does: down to fromHeight + 1, the tip when toHeight is beyond it', async () => {
    const slice = async (query: string) => {
      const answer = (await (await fetch(`${server.url}/blocks/chainSlice?${query}`)).json()) as { height: number; id: string; parentId: string }[];
      return answer.map((h) => h.height);
    };
    const heights = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(await slice('fromHeight=2&toHeight=5')).toEqual([3, 4, 5]);
    expect(await slice(`fromHeight=${chain.height - 2}&toHeight=${chain.height + 10}`)).toEqual(heights(chain.height - 1, chain.height));
    expect(await slice('fromHeight=0')).toEqual(heights(1, chain.height));
    expect(await node.headerRange?.(2, 4)).toEqual(await Promise.all([2, 3, 4].map(async (h) => chain.header(((await chain.headerIdsAt(h)) as string[])[0] as string))));
  });

  it('serves the mempool exactly as the chain holds it', async () => {
    const pending = await chain.mempool();
    expect(pending).toHaveLength(1);
    expect(await node.mempool()).toEqual(pending);
  });
});
