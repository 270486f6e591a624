import { beforeEach, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { exportTradesCsv } from '../../electron/core/ledger/trade-export';
import type { Db } from '../../electron/core/mirror/database';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { addToOutbox } from '../../electron/core/mirror/queries/outbox';
import { addOutboxDetails } from '../../electron/core/mirror/queries/outbox-details';
import { tradePage } from '../../electron/core/mirror/queries/trades';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing } from '../helpers/mirror-fixtures';

const START = 1_767_225_600_000;
const BLOCK_MS = 120_000;

describe('the trades of a LETS, as the bookkeeping screen pages them', () => {
  let db: Db;
  let letsId: number;
  let demo: DemoLets;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    let clock = START;
    const chain = new DevnetChain({ now: () => (clock += BLOCK_MS) });
    demo = await seedDemoLets(chain);
    ({ db, letsId } = aMirrorFollowing(demo));
    // Bob was never named on this computer: he shows by the placeholder the sync gave his account.
    for (const member of demo.members.filter((m) => m.name !== 'Bob')) ids[member.name] = addMemberProfile(db, { letsId, ownerKey: member.publicKey, name: member.name });
    await syncOnce(db, chain);
  });

  const bob = () => `Member ${demo.members[1]?.publicKey.slice(0, 8)}`;

  it('lists trades newest first with both balances after each', () => {
    const page = tradePage(db, { letsId }, 0, 50);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.payer, r.payee, r.amount, r.payerBalanceAfter, r.payeeBalanceAfter])).toEqual([
      [bob(), 'Charlie', 3_50n, -1_50n, 3_50n],
      ['Alice', bob(), 2_00n, -2_00n, 2_00n],
    ]);
    expect(page.rows[0]?.confirmations).toBe(1);
    expect(page.rows[1]?.confirmations).toBe(2);
  });

  it('shows the memo the treasurer typed for a trade sent from this computer', () => {
    const [newest, oldest] = tradePage(db, { letsId }, 0, 50).rows;
    if (!newest || !oldest) throw new Error('the demo has two trades');
    addToOutbox(db, { transactionId: newest.transactionId, letsId, purpose: 'trade', inputBoxIds: [], unsignedJson: '{}' });
    addOutboxDetails(db, newest.transactionId, { inputKeys: [], signedBy: 'Bob', memo: 'Eggs, a dozen' });
    expect(tradePage(db, { letsId }, 0, 50).rows.map((r) => [r.transactionId, r.memo])).toEqual([
      [newest.transactionId, 'Eggs, a dozen'],
      [oldest.transactionId, ''],
    ]);
  });

  it('filters by member, amount and time, and pages', () => {
    expect(tradePage(db, { letsId, memberId: ids.Charlie }, 0, 50).rows.map((r) => r.amount)).toEqual([3_50n]);
    expect(tradePage(db, { letsId, minAmount: 2_01n }, 0, 50).rows.map((r) => r.amount)).toEqual([3_50n]);
    expect(tradePage(db, { letsId, maxAmount: 2_00n }, 0, 50).rows.map((r) => r.amount)).toEqual([2_00n]);
    const [newest, oldest] = tradePage(db, { letsId }, 0, 50).rows;
    expect(tradePage(db, { letsId, fromTime: newest?.timestamp }, 0, 50).rows).toHaveLength(1);
    expect(tradePage(db, { letsId, toTime: newest?.timestamp }, 0, 50).rows.map((r) => r.transactionId)).toEqual([oldest?.transactionId]);
    expect(tradePage(db, { letsId }, 1, 1)).toMatchObject({ total: 2, offset: 1, rows: [{ amount: 2_00n }] });
  });

  it('exports the filtered trades as CSV with exact decimals', () => {
    const file = exportTradesCsv(db, { letsId, memberId: ids.Alice }, new Date('2026-11-25T12:00:00Z'));
    const [header, row] = file.csv.trim().split('\r\n');
    expect(file).toMatchObject({ fileName: 'trades-2026-11-25.csv', rowCount: 1 });
    expect(header).toBe('time,height,payer,payee,amount,memo,payer_balance_after,payee_balance_after,transaction_id');
    expect(row).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,\\d+,Alice,${bob()},2\\.00,,-2\\.00,2\\.00,[0-9a-f]{64}$`));
  });
});
