import type { MemberSummary } from '../../api/types';
import type { Db } from '../database';

interface MemberRow {
  id: bigint;
  name: string;
  contact: string;
  balance: bigint | null;
}

/** Members whose name or contact contains `search` (case-insensitive), by name. */
export function listMembers(db: Db, search: string): MemberSummary[] {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.contact, b.balance FROM member_profiles p
       LEFT JOIN boxes b ON b.lets_id = p.lets_id AND b.owner_key = p.owner_key AND b.kind = 'account' AND b.spent_by IS NULL
       WHERE p.name LIKE :pattern ESCAPE '\\' OR p.contact LIKE :pattern ESCAPE '\\'
       ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all({ pattern }) as MemberRow[];
  return rows.map((row) => ({ id: Number(row.id), name: row.name, contact: row.contact, balance: row.balance }));
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
