import type { MemberSort, SortDirection } from '../../api/calls/member-types';
import type { MemberSummary, MembershipState } from '../../api/types';
import { AppError } from '../../errors/app-error';
import type { Db } from '../database';
import { collateralOf } from './trustless';

export interface MemberQuery {
  search?: string;
  letsId?: number | null;
  sort?: MemberSort;
  direction?: SortDirection;
}

interface MemberRow {
  id: bigint;
  lets_id: bigint;
  name: string;
  contact: string;
  notes: string;
  owner_key: string;
  balance: bigint | null;
  box_id: string | null;
  last_trade_at: bigint | null;
  closed: bigint;
  model: 'committee' | 'trustless';
  value: bigint | null;
  registers: string | null;
}

// The member's current account box (if any), the time of their latest trade and whether an account was closed; the
// box's value and registers hold a trustless member's collateral.
const MEMBER_SELECT = `SELECT p.id, p.lets_id, p.name, p.contact, p.notes, p.owner_key, b.balance, b.box_id, l.model, b.value, b.registers,
    (SELECT max(e.timestamp) FROM ledger_entries e WHERE e.lets_id = p.lets_id AND e.member_key = p.owner_key AND e.kind = 'trade') AS last_trade_at,
    EXISTS (SELECT 1 FROM ledger_entries e WHERE e.lets_id = p.lets_id AND e.member_key = p.owner_key AND e.kind = 'closing') AS closed
  FROM member_profiles p
  JOIN lets l ON l.id = p.lets_id
  LEFT JOIN boxes b ON b.lets_id = p.lets_id AND b.owner_key = p.owner_key AND b.kind = 'account' AND b.spent_by IS NULL`;

/** Sort keys are chosen from this list, never spliced from input. Members without a value sort last either way. */
const ORDER_BY: Record<MemberSort, (dir: string) => string> = {
  name: (dir) => `p.name COLLATE NOCASE ${dir}, p.id ${dir}`,
  balance: (dir) => `b.balance IS NULL, b.balance ${dir}, p.name COLLATE NOCASE, p.id`,
  lastTrade: (dir) => `last_trade_at IS NULL, last_trade_at ${dir}, p.name COLLATE NOCASE, p.id`,
};

function stateOf(row: MemberRow): MembershipState {
  if (row.box_id !== null) return 'enrolled';
  return row.closed ? 'closed' : 'not-enrolled';
}

function toSummary(row: MemberRow): MemberSummary {
  return {
    id: Number(row.id),
    letsId: Number(row.lets_id),
    name: row.name,
    contact: row.contact,
    ownerKey: row.owner_key,
    state: stateOf(row),
    balance: row.balance,
    lastTradeAt: row.last_trade_at === null ? null : Number(row.last_trade_at),
    collateral: row.model === 'trustless' && row.value !== null && row.registers !== null ? collateralOf(row.value, row.registers) : null,
  };
}

function selectMembers(db: Db, query: MemberQuery): MemberRow[] {
  const { search = '', letsId = null, sort = 'name', direction = 'asc' } = query;
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .prepare(
      `${MEMBER_SELECT}
       WHERE (:letsId IS NULL OR p.lets_id = :letsId) AND (p.name LIKE :pattern ESCAPE '\\' OR p.contact LIKE :pattern ESCAPE '\\')
       ORDER BY ${ORDER_BY[sort](direction === 'desc' ? 'DESC' : 'ASC')}`,
    )
    .all({ pattern, letsId }) as MemberRow[];
}

/** Members whose name or contact contains `search` (case-insensitive), sorted as asked (by name by default). */
export function listMembers(db: Db, query: MemberQuery = {}): MemberSummary[] {
  return selectMembers(db, query).map(toSummary);
}

export interface MemberProfile extends MemberSummary {
  notes: string;
  /** The member's unspent account box, or null while not enrolled. */
  accountBoxId: string | null;
}

const toProfile = (row: MemberRow): MemberProfile => ({ ...toSummary(row), notes: row.notes, accountBoxId: row.box_id });

/** As `listMembers`, with the notes and account box of each member (for exports). */
export function listMemberProfiles(db: Db, query: MemberQuery = {}): MemberProfile[] {
  return selectMembers(db, query).map(toProfile);
}

export function findMember(db: Db, id: number): MemberProfile | undefined {
  const row = db.prepare(`${MEMBER_SELECT} WHERE p.id = ?`).get(id) as MemberRow | undefined;
  return row && toProfile(row);
}

export interface NewMemberProfile {
  letsId: number;
  ownerKey: string;
  name: string;
  contact?: string;
  notes?: string;
}

/** Stores the local-only metadata of a member (never on chain); returns the profile id. */
export function addMemberProfile(db: Db, profile: NewMemberProfile): number {
  const result = db
    .prepare('INSERT INTO member_profiles (lets_id, owner_key, name, contact, notes) VALUES (?, ?, ?, ?, ?)')
    .run(profile.letsId, profile.ownerKey, profile.name, profile.contact ?? '', profile.notes ?? '');
  return Number(result.lastInsertRowid);
}

/** Stores many profiles in ONE transaction: if any insert fails, none is kept (an import is never half done). */
export function addMemberProfiles(db: Db, profiles: readonly NewMemberProfile[]): number[] {
  return db.transaction(() => profiles.map((profile) => addMemberProfile(db, profile))).immediate();
}

export interface ProfileEdit {
  name: string;
  contact: string;
  notes: string;
}

export function updateMemberProfile(db: Db, id: number, edit: ProfileEdit): void {
  const result = db.prepare('UPDATE member_profiles SET name = ?, contact = ?, notes = ? WHERE id = ?').run(edit.name, edit.contact, edit.notes, id);
  if (result.changes === 0) throw new AppError('not-found', 'That member is no longer in the local database.', 'Go back to the member list and choose the member again.');
}

/** Owner key → profile id and name for every profile of a LETS (counterparties, near-limit lists, import duplicates). */
export function profilesByKey(db: Db, letsId: number): Map<string, { id: number; name: string }> {
  const rows = db.prepare('SELECT owner_key, id, name FROM member_profiles WHERE lets_id = ?').all(letsId) as { owner_key: string; id: bigint; name: string }[];
  return new Map(rows.map((r) => [r.owner_key, { id: Number(r.id), name: r.name }]));
}
