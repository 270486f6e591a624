import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { openDatabase } from '../../electron/core/mirror/database';
import { trackLetsOnChain } from '../../electron/core/mirror/queries/chain-store';
import { addLets, letsChainWarning, listLets, type NewLets } from '../../electron/core/mirror/queries/lets';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { tempDir } from '../helpers/temp-dir';

/** A mirror that follows the demo LETS but whose local record of its parameters may be wrong. */
function aMirrorRecording(demo: DemoLets, local: Partial<NewLets>) {
  const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
  const { lets } = demo;
  const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'committee', creditFloor: lets.floor, creditCap: lets.cap, ...local });
  trackLetsOnChain(db, { letsId, network: 'devnet', membershipTokenId: lets.membershipTokenId, accountTree: demo.accountTree, managementTree: demo.managementTree, startHeight: demo.genesisHeight });
  return { db, letsId };
}

describe('LETS parameters read from the management box on chain', () => {
  let chain: DevnetChain;
  let demo: DemoLets;

  beforeAll(async () => {
    chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    demo = await seedDemoLets(chain);
  });

  it('replaces a wrong local record with the chain’s values and says what differed', async () => {
    const { db, letsId } = aMirrorRecording(demo, { name: 'Riverside', creditFloor: -100_00n, creditCap: null });
    const result = await syncOnce(db, chain);
    expect(listLets(db)[0]).toMatchObject({ name: 'Riverside LETS', unit: 'EUR-LETS', creditFloor: -200_00n, creditCap: 500_00n });
    const warning = letsChainWarning(db, letsId);
    expect(warning).toBe(
      'The chain gives this LETS the name “Riverside LETS” (this computer had “Riverside”), credit floor −200.00 (this computer had −100.00), ' +
        'credit cap 500.00 (this computer had no cap). The app now uses the values on the chain; check how the wrong ones were entered.',
    );
    expect(result.warnings).toEqual([warning]);
  });

  it('keeps quiet when the local record agrees with the chain', async () => {
    const { db, letsId } = aMirrorRecording(demo, {});
    expect((await syncOnce(db, chain)).warnings).toEqual([]);
    expect(letsChainWarning(db, letsId)).toBeNull();
  });
});
