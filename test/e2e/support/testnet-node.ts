import type { DevnetChain } from '../../../electron/core/devnet/devnet-chain';
import { serveDevnet } from '../../../electron/core/devnet/devnet-server';

export type TestnetNode = { url: string; close(): Promise<void> };

/**
 * A devnet chain served as a testnet node whose blocks come as on a live chain: at once while a transaction waits,
 * so it gets its confirmations, and now and then anyway.
 */
export async function serveAsTestnetNode(chain: DevnetChain): Promise<TestnetNode> {
  const server = await serveDevnet(chain, 0, { network: 'testnet' });
  let tick = 0;
  const miner = setInterval(() => {
    void chain.mempool().then((waiting) => {
      if (waiting.length > 0 || ++tick % 3 === 0) chain.mine();
    });
  }, 400);
  return {
    url: server.url,
    close: async () => {
      clearInterval(miner);
      await server.close();
    },
  };
}
