import { describe, expect, it } from 'vitest';
import { memberDetail } from '../../electron/core/members/member-detail';
import { ownerAddress } from '../../electron/core/members/owner-address';
import { aLetsMirror, KEYS } from './member-mirror';

const OPTIONS = { network: 'testnet', confirmationDepth: 2 } as const;

describe('a member’s detail', () => {
  it('shows balance, headroom, the account box, the owner address and the history newest first', () => {
    const mirror = aLetsMirror({ floor: -200_00n, cap: 500_00n });
    const alice = mirror.enrol('Alice', KEYS.alice) ?? 0;
    mirror.enrol('Bob', KEYS.bob);
    const milk = mirror.trade(KEYS.alice, KEYS.bob, 2_00n, Date.UTC(2026, 0, 5));
    mirror.outbox('submitted', 'Milk, 2 litres', milk);
    const refund = mirror.trade(KEYS.bob, KEYS.alice, 50n, Date.UTC(2026, 0, 6));

    const detail = memberDetail(mirror.db, alice, OPTIONS);
    const box = mirror.db.prepare(`SELECT box_id FROM boxes WHERE owner_key = ? AND spent_by IS NULL`).pluck().get(KEYS.alice);
    expect(detail).toMatchObject({
      name: 'Alice',
      state: 'enrolled',
      balance: -1_50n,
      headroom: { toFloor: 198_50n, toCap: 501_50n },
      accountBoxId: box,
      ownerAddress: ownerAddress(KEYS.alice, 'testnet'),
      network: 'testnet',
      lets: { name: 'Riverside LETS', unit: 'EUR-LETS', creditFloor: -200_00n, creditCap: 500_00n },
    });
    expect(detail.history.map((h) => [h.transactionId, h.kind, h.counterpartyName, h.delta, h.balanceAfter, h.description, h.height, h.timestamp])).toEqual([
      [refund, 'trade', 'Bob', 50n, -1_50n, '', 4, Date.UTC(2026, 0, 6)],
      [milk, 'trade', 'Bob', -2_00n, -2_00n, 'Milk, 2 litres', 3, Date.UTC(2026, 0, 5)],
      [expect.any(String), 'enrolment', null, 0n, 0n, '', 1, Date.UTC(2026, 0, 1)],
    ]);
  });

  it('counts confirmations from the mirror’s tip and calls an entry confirmed at the depth', () => {
    const mirror = aLetsMirror();
    const alice = mirror.enrol('Alice', KEYS.alice) ?? 0;
    mirror.enrol('Bob', KEYS.bob);
    mirror.trade(KEYS.alice, KEYS.bob, 1_00n);
    const confirmations = () => memberDetail(mirror.db, alice, OPTIONS).history.map((h) => [h.confirmations, h.confirmed]);
    expect(confirmations()).toEqual([[1, false], [3, true]]);
    mirror.mine(1);
    expect(confirmations()).toEqual([[2, true], [4, true]]);
  });

  it('names a counterparty nobody named here by its placeholder, and shows a member not yet enrolled without balance', () => {
    const mirror = aLetsMirror({ cap: null });
    const alice = mirror.enrol('Alice', KEYS.alice) ?? 0;
    mirror.enrol('stranger', KEYS.erin, { profile: false });
    mirror.trade(KEYS.erin, KEYS.alice, 10_00n);
    const dora = mirror.profile('Dora', KEYS.dora);
    expect(memberDetail(mirror.db, alice, OPTIONS).history[0]).toMatchObject({ counterpartyKey: KEYS.erin, counterpartyName: 'Member 022f8bde', delta: 10_00n });
    expect(memberDetail(mirror.db, alice, OPTIONS).headroom).toEqual({ toFloor: 210_00n, toCap: null });
    expect(memberDetail(mirror.db, dora, OPTIONS)).toMatchObject({ state: 'not-enrolled', balance: null, headroom: null, accountBoxId: null, history: [] });
  });

  it('says so when the member is not in the database', () => {
    const mirror = aLetsMirror();
    expect(() => memberDetail(mirror.db, 42, OPTIONS)).toThrow(/no longer in the local database/);
  });
});
