import { beforeEach, describe, expect, it } from 'vitest';
import { memberDetail } from '../../electron/core/members/member-detail';
import { findMember } from '../../electron/core/mirror/queries/members';
import { listOutbox } from '../../electron/core/mirror/queries/outbox';
import { prepareAccountClosing } from '../../electron/core/operations/prepare-account-closing';
import { prepareTrade } from '../../electron/core/operations/prepare-trade';
import { memberStatement } from '../../electron/core/statements/member-statement';
import { aDemoWorkbench, confirmOnDevnet, type DemoWorkbench } from '../helpers/demo-workbench';
import { balancesByName } from '../helpers/mirror-fixtures';

let clock = 1_767_225_600_000;
const ALL_TIME = { from: new Date(0), to: new Date('2100-01-01') };

describe('closing a member’s account when they leave', () => {
  let bench: DemoWorkbench;

  beforeEach(async () => {
    bench = await aDemoWorkbench(() => (clock += 120_000));
  });

  const confirm = (prepared: { transactionId: string }) => confirmOnDevnet(bench, prepared);

  const trade = (payer: string, payee: string, amount: bigint) =>
    prepareTrade(bench.ctx, { letsId: bench.letsId, payerId: bench.memberId[payer] as number, payeeId: bench.memberId[payee] as number, amount, description: '' }).then(confirm);
  const close = (name: string) => prepareAccountClosing(bench.ctx, bench.letsId, bench.memberId[name] as number);
  const detail = (name: string) => memberDetail(bench.db, bench.memberId[name] as number, { network: 'testnet', confirmationDepth: 1 });

  it('closes an account at 0.00: the token goes back to the pool, the history stays, marked with the day the member left', async () => {
    await trade('Charlie', 'Bob', 1_50n);
    expect(detail('Bob').closingRefusal).toBeNull();

    const prepared = await close('Bob');
    expect(prepared).toMatchObject({
      reading: { kind: 'closing', accounts: [{ name: 'Bob', before: 0n, after: null }], pool: { before: 248n, after: 249n }, warnings: [] },
      signedBy: 'the committee',
    });
    await confirm(prepared);

    const closedAt = Number(bench.db.prepare('SELECT timestamp FROM closing_entries').pluck().get());
    expect(findMember(bench.db, bench.memberId.Bob as number)).toMatchObject({ state: 'closed', balance: null, leftAt: closedAt });
    expect(detail('Bob').history.map((row) => [row.kind, row.balanceAfter])).toEqual([
      ['closing', 0n],
      ['trade', 0n],
      ['trade', -1_50n],
      ['trade', 2_00n],
      ['enrolment', 0n],
    ]);
    const statement = memberStatement(bench.db, bench.letsId, bench.memberId.Bob as number, ALL_TIME, { network: 'devnet', now: new Date(clock) });
    expect(statement.member.leftOn).toBe(new Date(closedAt).toISOString());
    expect(statement.lines.map((line) => line.kind)).toEqual(['enrolment', 'trade', 'trade', 'trade', 'closing']);
    expect(balancesByName(bench.db, bench.letsId, bench.demo)).toEqual({ Alice: -2_00n, Charlie: 2_00n });

    // Closed once is closed: a second closing is refused before anything is built.
    await expect(close('Bob')).rejects.toMatchObject({ message: 'Bob has no open account to close.' });
    expect(listOutbox(bench.db).map((entry) => entry.state)).toEqual(['confirmed', 'confirmed']);
  });

  it('refuses to close the last open account, which would leave the LETS with no member', async () => {
    await trade('Charlie', 'Bob', 1_50n);
    await trade('Charlie', 'Alice', 2_00n);
    await confirm(await close('Alice'));
    await confirm(await close('Bob'));
    await expect(close('Charlie')).rejects.toMatchObject({
      code: 'conflict',
      message: 'Charlie holds the last open account of Riverside LETS: closing it would leave the LETS with no member.',
      hint: 'Enrol the next member first; then Charlie’s account can be closed.',
    });
    expect(detail('Charlie').closingRefusal?.message).toContain('the last open account');
    expect(listOutbox(bench.db).filter((entry) => entry.state !== 'confirmed')).toEqual([]);
  });

  it('refuses a closing while a transaction waiting in the outbox spends the account', async () => {
    await trade('Charlie', 'Bob', 1_50n);
    const waiting = await prepareTrade(bench.ctx, { letsId: bench.letsId, payerId: bench.memberId.Alice as number, payeeId: bench.memberId.Bob as number, amount: 1n, description: '' });
    await expect(close('Bob')).rejects.toMatchObject({
      code: 'conflict',
      message: 'A transaction in the outbox still spends Bob’s account: “Alice pays Bob 0.01 EUR-LETS”.',
      hint: 'Wait until it is confirmed, or discard it in the outbox, then close the account.',
    });
    expect(listOutbox(bench.db).map((entry) => entry.transactionId)).toContain(waiting.transactionId);
    expect(listOutbox(bench.db).filter((entry) => entry.state === 'built')).toHaveLength(1);
  });

  it('refuses while the balance is not 0.00, saying how much and with whom it could be settled, and files nothing', async () => {
    await expect(close('Alice')).rejects.toMatchObject({
      code: 'conflict',
      message: 'Alice’s balance is −2.00 EUR-LETS: an account is closed only at 0.00.',
      hint: 'Alice must first earn 2.00 EUR-LETS in trades: Charlie (3.50), in credit, could pay Alice for something. Then close the account.',
    });
    await expect(close('Charlie')).rejects.toMatchObject({
      hint: 'Charlie must first spend 3.50 EUR-LETS in trades: Alice (−2.00) and Bob (−1.50), who owe the LETS, could sell Charlie something. Then close the account.',
    });
    expect(detail('Alice').closingRefusal?.message).toBe('Alice’s balance is −2.00 EUR-LETS: an account is closed only at 0.00.');
    expect(listOutbox(bench.db)).toEqual([]);
  });
});
