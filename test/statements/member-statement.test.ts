import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MemberStatement } from '../../electron/core/api/calls/statement-types';
import type { Db } from '../../electron/core/mirror/database';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { accountBalances } from '../../electron/core/mirror/queries/ledger';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { addToOutbox } from '../../electron/core/mirror/queries/outbox';
import { addOutboxDetails } from '../../electron/core/mirror/queries/outbox-details';
import { allMemberStatements, memberStatement, type StatementContext } from '../../electron/core/statements/member-statement';
import { StatementChain } from './statement-chain';

const period = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const JANUARY = period('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
const FEBRUARY = period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
const MARCH = period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
const APRIL = period('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z');
const offline: StatementContext = { network: null, now: new Date('2026-05-02T08:00:00Z') };
const onDevnet: StatementContext = { ...offline, network: 'devnet' };

/** What a reader checks first: opening + Σ in − Σ out = closing, and each line's running balance. */
function expectAddsUp(s: MemberStatement): void {
  expect(s.openingBalance + s.totalIn - s.totalOut).toBe(s.closingBalance);
  let running = s.openingBalance;
  for (const line of s.lines) {
    running += line.amountIn - line.amountOut;
    expect(line.balanceAfter).toBe(running);
  }
}

const moves = (s: MemberStatement) => s.lines.map((l) => [l.kind, l.counterparty?.name ?? null, l.amountIn, l.amountOut, l.balanceAfter]);

/*
 * A fresh mirror per test (the tests add profiles and outbox rows), all following one chain: the seed story in January (Alice → Bob 2.00, Bob → Charlie 3.50), then Bob → Alice 1.00 on 10 February,
 * Charlie → Alice 0.50 at exactly midnight UTC on 1 March, and on 15 March one block holding Bob → Alice 0.25
 * followed by Alice → Charlie 0.75 (spending the account box the first one created).
 */
describe('member statements read from a mirror built by the real sync', () => {
  let story: StatementChain;
  let db: Db;
  let letsId: number;
  let ids: Record<string, number>;
  const alice = () => ids['Alice'] as number;

  beforeAll(async () => {
    story = await StatementChain.seeded('2026-01-05T10:00:00Z');
    await story.trade('2026-02-10T12:00:00Z', 'Bob', 'Alice', 1_00n);
    await story.trade('2026-03-01T00:00:00.000Z', 'Charlie', 'Alice', 50n);
    const pending = await story.submitTrade('Bob', 'Alice', 25n);
    await story.submitTrade('Alice', 'Charlie', 75n, pending);
    story.mineAt('2026-03-15T09:00:00Z');
  });

  beforeEach(async () => {
    ({ db, letsId, memberIds: ids } = await story.mirror());
  });

  it('starts from the balance before the period and lists each trade with its running balance from chain', () => {
    const s = memberStatement(db, letsId, alice(), FEBRUARY, offline);
    expect(s.openingBalance).toBe(-2_00n);
    expect(moves(s)).toEqual([['trade', 'Bob', 1_00n, 0n, -1_00n]]);
    expect(s.closingBalance).toBe(-1_00n);
    expect(s.lines[0]?.date).toBe('2026-02-10T12:00:00.000Z');
    expectAddsUp(s);
  });

  it('shows the enrolment as the first line of the period in which the member joined', () => {
    const s = memberStatement(db, letsId, alice(), JANUARY, offline);
    expect(s.openingBalance).toBe(0n);
    expect(moves(s)).toEqual([
      ['enrolment', null, 0n, 0n, 0n],
      ['trade', 'Bob', 0n, 2_00n, -2_00n],
    ]);
    expectAddsUp(s);
  });

  it('puts a trade stamped exactly at midnight into the period that starts then, and only that one', () => {
    const before = memberStatement(db, letsId, alice(), FEBRUARY, offline);
    const after = memberStatement(db, letsId, alice(), MARCH, offline);
    expect(before.lines.map((l) => l.date)).not.toContain('2026-03-01T00:00:00.000Z');
    expect(after.lines[0]?.date).toBe('2026-03-01T00:00:00.000Z');
    expect(after.openingBalance).toBe(before.closingBalance);
    const oneMsLonger = memberStatement(db, letsId, alice(), period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00.001Z'), offline);
    expect(oneMsLonger.closingBalance).toBe(-50n);
  });

  it('orders two trades of one block as the chain applied them', () => {
    const s = memberStatement(db, letsId, alice(), MARCH, offline);
    expect(moves(s)).toEqual([
      ['trade', 'Charlie', 50n, 0n, -50n],
      ['trade', 'Bob', 25n, 0n, -25n],
      ['trade', 'Charlie', 0n, 75n, -1_00n],
    ]);
    expect(s.totalIn).toBe(75n);
    expect(s.totalOut).toBe(75n);
    expectAddsUp(s);
  });

  it('carries the balance through a period without trades', () => {
    const charlie = memberStatement(db, letsId, ids['Charlie'] as number, FEBRUARY, offline);
    expect(charlie.lines).toEqual([]);
    expect(charlie.openingBalance).toBe(3_50n);
    expect(charlie.closingBalance).toBe(3_50n);
    const quiet = memberStatement(db, letsId, alice(), APRIL, offline);
    expect([quiet.openingBalance, quiet.lines.length, quiet.closingBalance]).toEqual([-1_00n, 0, -1_00n]);
  });

  it('anchors the closing balance to the account box that held it, and names the current one', () => {
    const february = memberStatement(db, letsId, alice(), FEBRUARY, onDevnet);
    const april = memberStatement(db, letsId, alice(), APRIL, onDevnet);
    const current = accountBalances(db, letsId).find((b) => b.memberKey === story.member('Alice').publicKey);
    expect(april.chain.closingBox?.boxId).toBe(current?.boxId);
    expect(april.chain.currentBoxId).toBe(current?.boxId);
    expect(february.chain.currentBoxId).toBe(current?.boxId);
    expect(february.chain.closingBox?.boxId).not.toBe(current?.boxId);
    expect(february.chain.closingBox?.transactionId).toBe(february.lines[0]?.transactionId);
    expect(february.chain.closingBox?.headerId).toMatch(/^[0-9a-f]{64}$/);
    expect(february.chain.mirrorTip?.height).toBe(story.chain.height);
  });

  it('states the closing balance in a line anyone can compare with that box, and says the devnet cannot be checked by others', () => {
    const s = memberStatement(db, letsId, alice(), FEBRUARY, onDevnet);
    const box = s.chain.closingBox;
    expect(s.verification.claim).toBe(`LETS ${story.demo.lets.membershipTokenId} box ${box?.boxId}: balance \u22121.00 ${s.lets.unit} (register R5 = -100) at height ${box?.height}`);
    expect(s.verification.url).toBeNull();
    expect(s.verification.qrContent).toBeNull();
    expect(s.verification.note).toMatch(/only on this computer/);
  });

  it('gives the member’s address in the chain’s form: testnet form on the devnet, none while offline', () => {
    expect(memberStatement(db, letsId, alice(), FEBRUARY, onDevnet).member.ownerAddress).toMatch(/^3/);
    expect(memberStatement(db, letsId, alice(), FEBRUARY, offline).member.ownerAddress).toBeNull();
  });

  it('reports the credit floor, cap and the room left at the closing balance', () => {
    const s = memberStatement(db, letsId, alice(), FEBRUARY, offline);
    expect([s.lets.creditFloor, s.lets.creditCap]).toEqual([-200_00n, 500_00n]);
    expect(s.headroom).toEqual({ toFloor: 199_00n, toCap: 501_00n });
    expect(s.lets).toMatchObject({ name: 'Riverside LETS', unit: 'EUR-LETS' });
  });

  it('shows the description the treasurer typed when the app sent the trade', () => {
    const s = memberStatement(db, letsId, alice(), FEBRUARY, offline);
    const tradeId = s.lines[0]?.transactionId as string;
    addToOutbox(db, { transactionId: tradeId, letsId, purpose: 'trade', description: 'Alice pays Bob', inputBoxIds: [], unsignedJson: '{}' });
    addOutboxDetails(db, tradeId, { inputKeys: [], signedBy: 'Alice', memo: 'Apples from the allotment' });
    expect(memberStatement(db, letsId, alice(), FEBRUARY, offline).lines[0]?.description).toBe('Apples from the allotment');
  });

  it('makes an empty statement for a member who has no account on chain yet', () => {
    const dana = addMemberProfile(db, { letsId, ownerKey: `02${'ab'.repeat(32)}`, name: 'Dana' });
    const s = memberStatement(db, letsId, dana, MARCH, offline);
    expect([s.openingBalance, s.lines, s.closingBalance]).toEqual([0n, [], 0n]);
    expect(s.chain.closingBox).toBeNull();
    expect(s.chain.currentBoxId).toBeNull();
    expect(s.verification.qrContent).toBeNull();
  });

  it('makes every member’s statement for a batch, in name order, whose closing balances sum to zero', () => {
    const all = allMemberStatements(db, letsId, MARCH, offline);
    expect(all.map((s) => s.member.name)).toEqual(['Alice', 'Bob', 'Charlie']);
    all.forEach(expectAddsUp);
    expect(all.reduce((total, s) => total + s.closingBalance, 0n)).toBe(0n);
  });

  it('refuses an unknown member, a member of another LETS and an unknown LETS with a clear error', () => {
    const otherLets = addLets(db, { letsTokenId: 'e'.repeat(64), name: 'Hillside LETS', unit: 'hours', model: 'committee', creditFloor: -10_00n, creditCap: null });
    const elsewhere = addMemberProfile(db, { letsId: otherLets, ownerKey: `03${'cd'.repeat(32)}`, name: 'Erin' });
    const appError = (code: string, message: string | RegExp) => expect.objectContaining({ name: 'AppError', code, message: typeof message === 'string' ? message : expect.stringMatching(message) });
    expect(() => memberStatement(db, letsId, 9_999, MARCH, offline)).toThrow(appError('not-found', 'There is no member with number 9999 in Riverside LETS.'));
    expect(() => memberStatement(db, letsId, elsewhere, MARCH, offline)).toThrow(appError('not-found', /^There is no member with number \d+ in Riverside LETS/));
    expect(() => allMemberStatements(db, 9_999, MARCH, offline)).toThrow(appError('not-found', 'That LETS is not followed by this app.'));
  });
});

describe('a mirror that disagrees with itself', () => {
  it('stops the statement instead of printing running balances that do not add up', async () => {
    const story = await StatementChain.seeded('2026-01-05T10:00:00Z');
    const { db, letsId, memberIds } = await story.mirror();
    db.prepare('UPDATE box_rows SET delta = delta - 1 WHERE owner_key = ? AND entry_kind = ?').run(story.member('Bob').publicKey, 'trade');
    expect(() => memberStatement(db, letsId, memberIds['Bob'] as number, JANUARY, offline)).toThrow(
      expect.objectContaining({ code: 'database-error', message: expect.stringMatching(/^The local copy of the ledger is inconsistent for Bob/) }),
    );
  });
});
