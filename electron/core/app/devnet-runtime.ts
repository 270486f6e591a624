import { join } from 'node:path';
import type { ChainStatus } from '../api/types';
import type { ChainTip } from '../chain/chain-source';
import { createConnectionTracker } from '../chain/connection-status';
import { createNodeClient } from '../chain/node-client';
import { seedDemoLets, type DemoLets } from '../devnet/demo-lets';
import { devnetAccess } from '../devnet/devnet-access';
import { DevnetChain } from '../devnet/devnet-chain';
import { serveDevnet } from '../devnet/devnet-server';
import { seedTrustlessDemo } from '../devnet/trustless-demo';
import { DevnetStore } from '../devnet/devnet-store';
import type { Db } from '../mirror/database';
import type { ChainAccess } from '../operations/chain-access';
import { trackLetsOnChain } from '../mirror/queries/chain-store';
import { addLets, findLetsByToken } from '../mirror/queries/lets';
import { addMemberProfile } from '../mirror/queries/members';
import { startSyncLoop } from '../mirror/sync/sync-loop';

export interface ChainRuntime {
  /** Which chain this is: statements and addresses depend on it. */
  readonly network: ChainTip['network'];
  status(): ChainStatus;
  /** Blocks on top of a transaction's block (its own included) before the app calls it confirmed. */
  readonly confirmations: number;
  /** For building and sending the app's own transactions. */
  readonly access: ChainAccess;
  stop(): Promise<void>;
}

export interface DevnetRuntimeOptions {
  db: Db;
  dataDir: string;
  syncIntervalMs?: number;
  /** How often the devnet mines a block when transactions are waiting. */
  blockIntervalMs?: number;
  confirmations?: number;
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
 * with the demo LETS on first start, served as a node on 127.0.0.1, and followed by the same node client and sync
 * loop that a real node gets.
 */
export async function startDevnetRuntime(options: DevnetRuntimeOptions): Promise<ChainRuntime> {
  const store = new DevnetStore(join(options.dataDir, 'devnet-chain.json'));
  let demo: DemoLets | null = null;
  const persist = (chain: DevnetChain) => store.saveSoon(chain, demo);
  const loaded = store.load({ onChange: persist });
  const chain = loaded?.chain ?? new DevnetChain({ onChange: persist });
  const committeeDemo = loaded?.demo ?? (await seedDemoLets(chain));
  // A demo chain saved before the trustless demo existed gets it on top of its blocks.
  const trustlessDemo = committeeDemo.trustless ?? (await seedTrustlessDemo(chain));
  demo = { ...committeeDemo, trustless: trustlessDemo };
  store.save(chain, demo);
  followDemo(options.db, {
    lets: demo.lets,
    model: 'committee',
    trees: { accountTree: demo.accountTree, managementTree: demo.managementTree },
    genesisHeight: demo.genesisHeight,
    members: demo.members,
    contactDomain: 'riverside.example',
  });
  followDemo(options.db, {
    lets: trustlessDemo.lets,
    model: 'trustless',
    trees: { accountTree: trustlessDemo.accountTree, publicTokenTree: trustlessDemo.publicTokenTree },
    genesisHeight: trustlessDemo.genesisHeight,
    members: trustlessDemo.members,
    contactDomain: 'hilltop.example',
  });

  const server = await serveDevnet(chain);
  const tracker = createConnectionTracker({ now: Date.now, source: { label: 'the built-in demo chain', name: 'Demo chain' } });
  const confirmations = options.confirmations ?? 2;
  const loop = startSyncLoop({
    db: options.db,
    source: createNodeClient({ baseUrl: server.url, expectedNetwork: 'devnet' }),
    tracker,
    intervalMs: options.syncIntervalMs ?? 2_000,
    confirmations,
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
    network: 'devnet',
    confirmations,
    status: () => tracker.status(),
    access: devnetAccess(chain),
    stop: async () => {
      clearInterval(miner);
      loop.stop();
      await server.close();
      store.flush();
    },
  };
}
