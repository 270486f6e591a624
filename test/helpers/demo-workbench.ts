import { devnetAccess } from '../../electron/core/devnet/devnet-access';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import type { Db } from '../../electron/core/mirror/database';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { reconcileOutbox } from '../../electron/core/mirror/queries/outbox';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { signAndSend } from '../../electron/core/operations/send-transaction';
import type { SigningContext } from '../../electron/core/operations/operations-context';
import { SignerCatalogue } from '../../electron/core/operations/signing-keys';
import { LedgerDeviceService } from '../../electron/core/signers/ledger/device-service';
import { aMirrorFollowing } from './mirror-fixtures';

/** The demo LETS on a devnet, mirrored with its members named, and the operations' context signing with the demo key. */
export interface DemoWorkbench {
  chain: DevnetChain;
  demo: DemoLets;
  db: Db;
  letsId: number;
  /** Local profile id by member name. */
  memberId: Record<string, number>;
  ctx: SigningContext;
}

/** `dir` holds the mirror when the workbench outlives one test (see aMirrorFollowing). */
export async function aDemoWorkbench(now: () => number, dir?: string): Promise<DemoWorkbench> {
  const chain = new DevnetChain({ now });
  const demo = await seedDemoLets(chain);
  const { db, letsId } = aMirrorFollowing(demo, undefined, dir);
  const memberId = Object.fromEntries(demo.members.map((m) => [m.name, addMemberProfile(db, { letsId, ownerKey: m.publicKey, name: m.name })]));
  await syncOnce(db, chain);
  const ctx = { db, chain: devnetAccess(chain), keys: new SignerCatalogue(new LedgerDeviceService(), 'devnet').get('demo-key') };
  return { chain, demo, db, letsId, memberId, ctx };
}

/** Signs with the demo key, mines the block, and lets the mirror and the outbox follow: the transaction is confirmed. */
export async function confirmOnDevnet(bench: DemoWorkbench, prepared: { transactionId: string }): Promise<void> {
  await signAndSend(bench.ctx, prepared.transactionId);
  bench.chain.mine();
  await syncOnce(bench.db, bench.chain);
  reconcileOutbox(bench.db, { network: 'devnet', height: bench.chain.height }, new Set(), 1);
}
