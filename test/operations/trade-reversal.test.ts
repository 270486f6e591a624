import { beforeEach, describe, expect, it } from 'vitest';
import { memberDetail } from '../../electron/core/members/member-detail';
import { discardOutboxItem } from '../../electron/core/mirror/queries/outbox';
import { tradePage } from '../../electron/core/mirror/queries/trades';
import { prepareReversal } from '../../electron/core/operations/prepare-reversal';
import { prepareTrade } from '../../electron/core/operations/prepare-trade';
import { memberStatement } from '../../electron/core/statements/member-statement';
import { aDemoWorkbench, confirmOnDevnet, type DemoWorkbench } from '../helpers/demo-workbench';
import { balancesByName } from '../helpers/mirror-fixtures';

let clock = 1_767_225_600_000;
const ALL_TIME = { from: new Date(0), to: new Date('2100-01-01') };
const short = (id: string) => id.slice(0, 12);

describe('correcting a mistaken trade by its reversal', () => {
  let bench: DemoWorkbench;

  beforeEach(async () => {
    bench = await aDemoWorkbench(() => (clock += 120_000));
  });

  const confirm = (prepared: { transactionId: string }) => confirmOnDevnet(bench, prepared);
  const id = (name: string) => bench.memberId[name] as number;
  const trade = (payer: string, payee: string, amount: bigint, description: string) =>
    prepareTrade(bench.ctx, { letsId: bench.letsId, payerId: id(payer), payeeId: id(payee), amount, description });
  const reverse = (transactionId: string) => prepareReversal(bench.ctx, bench.letsId, transactionId);
  const statementLines = (name: string) =>
    memberStatement(bench.db, bench.letsId, id(name), ALL_TIME, { network: 'devnet', now: new Date(clock) }).lines.map((l) => [l.transactionId, l.description]);

  it('records the counter-trade for the payee to sign, and links the two in the ledger, histories and statements', async () => {
    const mistaken = await trade('Charlie', 'Alice', 1_25n, 'eggs');
    await confirm(mistaken);

    const reversal = await reverse(mistaken.transactionId);
    expect(reversal).toMatchObject({
      reading: { kind: 'trade', headline: 'Alice pays Charlie 1.25 EUR-LETS', accounts: [{ name: 'Alice', before: -75n, after: -2_00n }, { name: 'Charlie', before: 2_25n, after: 3_50n }] },
      memo: `reverses ${short(mistaken.transactionId)}`,
      signedBy: 'Alice',
    });
    // Until it is on chain, the original says its reversal waits.
    expect(tradePage(bench.db, { letsId: bench.letsId }, 0, 10).rows[0]?.memo).toBe(`eggs · reversal ${short(reversal.transactionId)} not on chain yet`);
    await confirm(reversal);

    expect(balancesByName(bench.db, bench.letsId, bench.demo)).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    const [newest, original] = tradePage(bench.db, { letsId: bench.letsId }, 0, 10).rows;
    expect([newest?.transactionId, newest?.memo]).toEqual([reversal.transactionId, `reverses ${short(mistaken.transactionId)}`]);
    expect([original?.transactionId, original?.memo]).toEqual([mistaken.transactionId, `eggs · reversed by ${short(reversal.transactionId)}`]);
    for (const name of ['Alice', 'Charlie']) {
      expect(statementLines(name)).toEqual(
        expect.arrayContaining([
          [mistaken.transactionId, `eggs · reversed by ${short(reversal.transactionId)}`],
          [reversal.transactionId, `reverses ${short(mistaken.transactionId)}`],
        ]),
      );
    }
    const history = memberDetail(bench.db, id('Alice'), { network: 'testnet', confirmationDepth: 1 }).history;
    expect(history.filter((row) => row.reversible).map((row) => row.transactionId)).not.toContain(mistaken.transactionId);
    expect(history.find((row) => row.transactionId === reversal.transactionId)?.reversible).toBe(false);
  });

  it('refuses to reverse a trade twice, or to reverse a reversal, and files nothing', async () => {
    const mistaken = await trade('Charlie', 'Bob', 50n, '');
    await confirm(mistaken);
    const reversal = await reverse(mistaken.transactionId);
    await expect(reverse(mistaken.transactionId)).rejects.toMatchObject({
      code: 'conflict',
      message: `Trade ${short(mistaken.transactionId)} is already reversed by ${short(reversal.transactionId)}, which waits in the outbox.`,
      hint: 'Follow that reversal in the outbox, or discard it there to reverse the trade anew.',
    });
    // Discarded, the reversal never happened: the trade can be reversed anew.
    discardOutboxItem(bench.db, reversal.transactionId);
    const again = await reverse(mistaken.transactionId);
    await confirm(again);
    await expect(reverse(mistaken.transactionId)).rejects.toMatchObject({ message: `Trade ${short(mistaken.transactionId)} is already reversed by ${short(again.transactionId)}.` });
    await expect(reverse(again.transactionId)).rejects.toMatchObject({
      code: 'conflict',
      message: `Trade ${short(again.transactionId)} is itself the reversal of ${short(mistaken.transactionId)}, so it is not reversed in turn.`,
    });
    await expect(reverse('ab'.repeat(32))).rejects.toMatchObject({ code: 'not-found', message: `There is no trade ${'ab'.repeat(6)} in the ledger of this LETS.` });
    expect(bench.db.prepare("SELECT count(*) FROM outbox WHERE state = 'built'").pluck().get()).toBe(0n);
  });

  it('lists on both members’ statements what still waits for whose signature', async () => {
    const waiting = await trade('Alice', 'Bob', 30n, 'bread');
    const awaiting = (name: string) => memberStatement(bench.db, bench.letsId, id(name), ALL_TIME, { network: 'devnet', now: new Date(clock) }).awaitingSignature;
    const entry = { transactionId: waiting.transactionId, description: 'Alice pays Bob 0.30 EUR-LETS for bread', signedBy: 'Alice', requestExpiresAt: null };
    expect(awaiting('Alice')).toEqual([entry]);
    expect(awaiting('Bob')).toEqual([entry]);
    expect(awaiting('Charlie')).toEqual([]);
    await confirm(waiting);
    expect(awaiting('Alice')).toEqual([]);
  });
});
