import { beforeAll, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { memberHistory, trialBalance } from '../../electron/core/mirror/queries/ledger';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, balancesByName } from '../helpers/mirror-fixtures';

describe('the mirror following the demo LETS on the devnet', () => {
  let chain: DevnetChain;
  let demo: DemoLets;

  beforeAll(async () => {
    chain = new DevnetChain({ now: () => 1_767_225_600_000 });
    demo = await seedDemoLets(chain);
  });

  it('recovers every balance of the seed story from the chain alone', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    const result = await syncOnce(db, chain);
    expect(result).toMatchObject({ height: chain.height, rolledBack: 0 });
    expect(balancesByName(db, letsId, demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    expect(trialBalance(db, letsId)).toBe(0n);
  });

  it('records each member’s history with counterparties and balances read from chain', async () => {
    const { db, letsId } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    const [alice, bob, charlie] = demo.members as [DemoLets['members'][0], DemoLets['members'][0], DemoLets['members'][0]];
    expect(memberHistory(db, letsId, bob.publicKey).map((e) => [e.kind, e.counterpartyKey, e.delta, e.balanceAfter])).toEqual([
      ['enrolment', null, 0n, 0n],
      ['trade', alice.publicKey, 2_00n, 2_00n],
      ['trade', charlie.publicKey, -3_50n, -1_50n],
    ]);
  });

  it('does nothing on an idle poll', async () => {
    const { db } = aMirrorFollowing(demo);
    await syncOnce(db, chain);
    expect(await syncOnce(db, chain)).toMatchObject({ height: chain.height, appliedBlocks: 0, rolledBack: 0 });
  });
});
