import type { MemberSort, SortDirection } from '../../api/calls/member-types';
import type { ChainNetwork, MemberSummary, MembershipState } from '../../api/types';
import { addressOf } from '../../members/owner-address';
import { AppError } from '../../errors/app-error';
import type { Db } from '../database';
import { onTheMirroredNetwork } from './lets';
import { enrolmentsUnderWay } from './outbox';
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
  named: bigint;
  balance: bigint | null;
  box_id: string | null;
  last_trade_at: bigint | null;
  left_at: bigint | null;
  model: 'committee' | 'trustless';
  value: bigint | null;
  registers: string | null;
  network: ChainNetwork | null;
}

// The member's current account box (if any), the block time of their latest trade and of their account's closing;
// the box's value and registers hold a trustless member's collateral. The latest trade is found from the newest of the
// member's boxes down (index boxes_by_owner): the first trade entry met, usually on the first box. Closings have a
// table of their own (migration 013).
const MEMBER_SELECT = `SELECT p.id, p.lets_id, p.name, p.contact, p.notes, p.owner_key, p.named, b.balance, b.box_id, l.model, b.value, b.registers,
    (SELECT c.network FROM lets_chain c WHERE c.lets_id = p.lets_id) AS network,
    (SELECT e.timestamp FROM account_entries e WHERE e.lets_id = p.lets_id AND e.member_key = p.owner_key AND e.kind = 'trade'
      ORDER BY e.height DESC LIMIT 1) AS last_trade_at,
    (SELECT MAX(c.timestamp) FROM closing_entries c WHERE c.lets_id = p.lets_id AND c.member_key = p.owner_key) AS left_at
  FROM member_profiles p
  JOIN lets l ON l.id = p.lets_id
  LEFT JOIN boxes b ON b.lets_id = p.lets_id AND b.owner_key = p.owner_key AND b.kind = 'account' AND b.spent_by IS NULL`;

/** Members of LETS on the network the mirror is on (see onTheMirroredNetwork). */
const OF_THE_MIRRORED_NETWORK = `NOT EXISTS (SELECT 1 FROM lets_chain c WHERE c.lets_id = p.lets_id AND NOT ${onTheMirroredNetwork('c')})`;

/** Sort keys are chosen from this list, never spliced from input. Members without a value sort last either way. */
const ORDER_BY: Record<MemberSort, (dir: string) => string> = {
  name: (dir) => `p.name COLLATE NOCASE ${dir}, p.id ${dir}`,
  balance: (dir) => `b.balance IS NULL, b.balance ${dir}, p.name COLLATE NOCASE, p.id`,
  lastTrade: (dir) => `last_trade_at IS NULL, last_trade_at ${dir}, p.name COLLATE NOCASE, p.id`,
};

function stateOf(row: MemberRow): MembershipState {
  if (row.box_id !== null) return 'enrolled';
  return row.left_at === null ? 'not-enrolled' : 'closed';
}

function toSummary(row: MemberRow, enrolment: MemberSummary['enrolment']): MemberSummary {
  return {
    id: Number(row.id),
    letsId: Number(row.lets_id),
    name: row.name,
    named: row.named === 1n,
    contact: row.contact,
    ownerKey: row.owner_key,
    address: addressOf(row.owner_key, row.network),
    state: stateOf(row),
    enrolment: row.box_id === null ? enrolment : null,
    balance: row.balance,
    lastTradeAt: row.last_trade_at === null ? null : Number(row.last_trade_at),
    leftAt: row.box_id === null && row.left_at !== null ? Number(row.left_at) : null,
    collateral: row.model === 'trustless' && row.value !== null && row.registers !== null ? collateralOf(row.value, row.registers) : null,
  };
}

function selectMembers(db: Db, query: MemberQuery): MemberRow[] {
  const { search = '', letsId = null, sort = 'name', direction = 'asc' } = query;
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .prepare(
      `${MEMBER_SELECT}
       WHERE (:letsId IS NULL OR p.lets_id = :letsId) AND ${OF_THE_MIRRORED_NETWORK} AND (p.name LIKE :pattern ESCAPE '\\' OR p.contact LIKE :pattern ESCAPE '\\')
       ORDER BY ${ORDER_BY[sort](direction === 'desc' ? 'DESC' : 'ASC')}`,
    )
    .all({ pattern, letsId }) as MemberRow[];
}

/** Members whose name or contact contains `search` (case-insensitive), sorted as asked (by name by default). */
export function listMembers(db: Db, query: MemberQuery = {}): MemberSummary[] {
  const enrolment = enrolmentLookup(db, query.letsId ?? null);
  return selectMembers(db, query).map((row) => toSummary(row, enrolment(row)));
}

/** The enrolment on its way for a member's row (one query for the LETS, or for all of them). */
function enrolmentLookup(db: Db, letsId: number | null): (row: MemberRow) => MemberSummary['enrolment'] {
  const underWay = new Map(enrolmentsUnderWay(db, letsId).map((e) => [`${e.letsId}:${e.ownerKey}`, { transactionId: e.transactionId, state: e.state }]));
  return (row) => underWay.get(`${row.lets_id}:${row.owner_key}`) ?? null;
}

export interface MemberProfile extends MemberSummary {
  notes: string;
  /** The member's unspent account box, or null while not enrolled. */
  accountBoxId: string | null;
}

const toProfile = (row: MemberRow, enrolment: MemberSummary['enrolment']): MemberProfile => ({ ...toSummary(row, enrolment), notes: row.notes, accountBoxId: row.box_id });

/** As `listMembers`, with the notes and account box of each member (for exports). */
export function listMemberProfiles(db: Db, query: MemberQuery = {}): MemberProfile[] {
  const enrolment = enrolmentLookup(db, query.letsId ?? null);
  return selectMembers(db, query).map((row) => toProfile(row, enrolment(row)));
}

export function findMember(db: Db, id: number): MemberProfile | undefined {
  const row = db.prepare(`${MEMBER_SELECT} WHERE p.id = ?`).get(id) as MemberRow | undefined;
  return row && toProfile(row, enrolmentLookup(db, Number(row.lets_id))(row));
}

export interface NewMemberProfile {
  letsId: number;
  ownerKey: string;
  name: string;
  contact?: string;
  notes?: string;
}

/** The name the sync gives an account nobody has named on this computer yet (also in migration 009). */
export function placeholderName(ownerKey: string): string {
  return `Member ${ownerKey.slice(0, 8)}`;
}

/**
 * Stores the local-only metadata of a member (never on chain); returns the profile id. A placeholder the sync made
 * for the same key becomes this profile (same id, so statements and links stay valid); a named profile for the same
 * key is a UNIQUE violation, as one key is one member.
 */
export function addMemberProfile(db: Db, profile: NewMemberProfile): number {
  const contact = profile.contact ?? '';
  const notes = profile.notes ?? '';
  const upgraded = db
    .prepare('UPDATE member_profiles SET name = ?, contact = ?, notes = ?, named = 1 WHERE lets_id = ? AND owner_key = ? AND named = 0 RETURNING id')
    .pluck()
    .get(profile.name, contact, notes, profile.letsId, profile.ownerKey) as bigint | undefined;
  if (upgraded !== undefined) return Number(upgraded);
  const result = db
    .prepare('INSERT INTO member_profiles (lets_id, owner_key, name, contact, notes) VALUES (?, ?, ?, ?, ?)')
    .run(profile.letsId, profile.ownerKey, profile.name, contact, notes);
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

/** Saving the profile names the member: a placeholder the treasurer edited is theirs, as if typed in. */
export function updateMemberProfile(db: Db, id: number, edit: ProfileEdit): void {
  const result = db.prepare('UPDATE member_profiles SET name = ?, contact = ?, notes = ?, named = 1 WHERE id = ?').run(edit.name, edit.contact, edit.notes, id);
  if (result.changes === 0) throw new AppError('not-found', 'That member is no longer in the local database.', 'Go back to the member list and choose the member again.');
}

/**
 * Owner key → profile id and name for every profile of a LETS (counterparties, near-limit lists, import duplicates);
 * `named` is false for a placeholder the sync made, which a new member with that key takes over.
 */
export function profilesByKey(db: Db, letsId: number): Map<string, { id: number; name: string; named: boolean }> {
  const rows = db.prepare('SELECT owner_key, id, name, named FROM member_profiles WHERE lets_id = ?').all(letsId) as { owner_key: string; id: bigint; name: string; named: bigint }[];
  return new Map(rows.map((r) => [r.owner_key, { id: Number(r.id), name: r.name, named: r.named === 1n }]));
}

/** Open accounts of a LETS: members with an account box on chain. */
export function openAccountCount(db: Db, letsId: number): number {
  return Number(db.prepare("SELECT COUNT(*) FROM boxes WHERE lets_id = ? AND kind = 'account' AND spent_by IS NULL").pluck().get(letsId));
}

export interface SettlementPartner {
  name: string;
  balance: bigint;
}

/**
 * The members a member at `balance` settles with most naturally, furthest from zero first: those in credit when the
 * member owes (they have units to spend), those who owe when the member is in credit (they need to earn).
 */
export function settlementPartners(db: Db, letsId: number, ownerKey: string, balance: bigint, limit: number): SettlementPartner[] {
  return db
    .prepare(
      `SELECT p.name, b.balance FROM boxes b JOIN member_profiles p ON p.lets_id = b.lets_id AND p.owner_key = b.owner_key
       WHERE b.lets_id = :letsId AND b.kind = 'account' AND b.spent_by IS NULL AND b.owner_key <> :ownerKey
         AND (CASE WHEN :balance < 0 THEN b.balance > 0 ELSE b.balance < 0 END)
       ORDER BY ABS(b.balance) DESC, p.name COLLATE NOCASE LIMIT :limit`,
    )
    .all({ letsId, ownerKey, balance, limit }) as SettlementPartner[];
}
