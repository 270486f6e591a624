import { join } from 'node:path';
import { createNodeClient } from '../chain/node-client';
import { createNodeIndex } from '../chain/node-index';
import { seedDemoLets, type DemoLets } from '../devnet/demo-lets';
import { devnetAccess } from '../devnet/devnet-access';
import { DevnetChain } from '../devnet/devnet-chain';
import { serveDevnet } from '../devnet/devnet-server';
import { seedTrustlessDemo } from '../devnet/trustless-demo';
import { DevnetStore } from '../devnet/devnet-store';
import type { Db } from '../mirror/database';
import { trackLetsOnChain } from '../mirror/queries/chain-store';
import { addLets, findLetsByToken } from '../mirror/queries/lets';
import { addMemberProfile } from '../mirror/queries/members';
import { recordOwnKeyPath } from '../mirror/queries/own-key-paths';
import type { ChainRuntime } from './chain-runtime';
import { followChain } from './followed-chain';

export interface DevnetRuntimeOptions {
  db: Db;
  dataDir: string;
  syncIntervalMs?: number;
  /** How often the devnet mines a block when transactions are waiting. */
  blockIntervalMs?: number;
  confirmations?: number;
  /**
   * Seed the demo LETS (Riverside LETS and the Hilltop Time Bank) if the chain lacks them: the treasurer chose "Try
   * the demo". Without, the demo chain starts empty, for founding a LETS of one's own on it.
   */
  demo: boolean;
}

/** A demo seeded on the devnet, as the mirror follows it; the names become local metadata of its members. */
interface FollowedDemo {
  lets: Pick<DemoLets['lets'], 'letsId' | 'name' | 'unit' | 'floor' | 'cap' | 'membershipTokenId'>;
  model: 'committee' | 'trustless';
  trees: { accountTree: string } & ({ managementTree: string } | { publicTokenTree: string });
  genesisHeight: number;
  members: readonly { name: string; publicKey: string }[];
  contactDomain: string;
}

/**
 * Each demo becomes a LETS the mirror follows on first start. The committee demo is the treasurer's own; the trustless
 * one is followed read-only (nobody here signs for it, the names are what an observer noted down).
 */
function followDemo(db: Db, { lets, model, trees, genesisHeight, members, contactDomain }: FollowedDemo): void {
  if (findLetsByToken(db, lets.letsId) !== undefined) return;
  db.transaction(() => {
    const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model, creditFloor: lets.floor, creditCap: lets.cap });
    trackLetsOnChain(db, { letsId, network: 'devnet', membershipTokenId: lets.membershipTokenId, startHeight: genesisHeight, ...trees });
    for (const member of members) addMemberProfile(db, { letsId, ownerKey: member.publicKey, name: member.name, contact: `${member.name.toLowerCase()}@${contactDomain}` });
  })();
}

/**
 * The embedded chain the app runs on when no node is configured: the devnet, persisted in the data folder, seeded
 * with the demo LETS when the treasurer chose the demo, served as a node (with its extra index) on 127.0.0.1, and
 * followed by the same node client, index client and sync loop that a real node gets.
 */
export async function startDevnetRuntime(options: DevnetRuntimeOptions): Promise<ChainRuntime> {
  const store = new DevnetStore(join(options.dataDir, 'devnet-chain.json'));
  let demo: DemoLets | null = null;
  const persist = (chain: DevnetChain) => store.saveSoon(chain, demo);
  const loaded = store.load({ onChange: persist });
  const chain = loaded?.chain ?? new DevnetChain({ onChange: persist });
  demo = loaded?.demo ?? null;
  if (options.demo) {
    const committeeDemo = demo ?? (await seedDemoLets(chain));
    // A demo chain saved before the trustless demo existed gets it on top of its blocks.
    const seeded = { ...committeeDemo, trustless: committeeDemo.trustless ?? (await seedTrustlessDemo(chain)) };
    demo = seeded;
    store.save(chain, seeded);
    followDemos(options.db, seeded);
  }

  const server = await serveDevnet(chain);
  const confirmations = options.confirmations ?? 2;
  const followed = followChain({
    db: options.db,
    source: createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet' }),
    index: createNodeIndex({ baseUrl: server.url, network: 'devnet' }),
    shownAs: { label: 'the built-in demo chain', name: 'Demo chain' },
    network: 'devnet',
    confirmations,
    intervalMs: options.syncIntervalMs ?? 2_000,
    access: devnetAccess(chain),
  });
  // Blocks come while there is something to include, and then as many empty ones as a transaction needs to be
  // confirmed: an idle demo chain does not grow (its file is rewritten per block), a fresh trade still confirms.
  let blocksStillNeeded = 0;
  const miner = setInterval(() => {
    void chain.mempool().then((waiting) => {
      if (waiting.length > 0) blocksStillNeeded = confirmations;
      if (blocksStillNeeded === 0) return;
      chain.mine();
      blocksStillNeeded--;
    });
  }, options.blockIntervalMs ?? 5_000);

  return {
    ...followed,
    demoCoins: async (ergoTree, nanoErgs) => {
      await chain.faucet([{ ergoTree, value: nanoErgs }]);
    },
    stop: async () => {
      clearInterval(miner);
      await followed.stop();
      await server.close();
      store.flush();
    },
  };
}

/** Both demos, followed as the app does on the treasurer's choice of the demo; the demo key holds their committee. */
function followDemos(db: Db, demo: DemoLets & { trustless: NonNullable<DemoLets['trustless']> }): void {
  followDemo(db, {
    lets: demo.lets,
    model: 'committee',
    trees: { accountTree: demo.accountTree, managementTree: demo.managementTree },
    genesisHeight: demo.genesisHeight,
    members: demo.members,
    contactDomain: 'riverside.example',
  });
  recordOwnKeyPath(db, demo.committee.publicKey, 'demo-key', demo.committee.keyPath);
  followDemo(db, {
    lets: demo.trustless.lets,
    model: 'trustless',
    trees: { accountTree: demo.trustless.accountTree, publicTokenTree: demo.trustless.publicTokenTree },
    genesisHeight: demo.trustless.genesisHeight,
    members: demo.trustless.members,
    contactDomain: 'hilltop.example',
  });
}
