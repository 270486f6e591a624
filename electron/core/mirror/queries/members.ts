import type { MemberSummary } from '../../api/types';
import type { Db } from '../database';

interface MemberRow {
  id: bigint;
  name: string;
  contact: string;
}

/** Members whose name or contact contains `search` (case-insensitive), by name. */
export function listMembers(db: Db, search: string): MemberSummary[] {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT id, name, contact FROM member_profiles
       WHERE name LIKE :pattern ESCAPE '\\' OR contact LIKE :pattern ESCAPE '\\'
       ORDER BY name COLLATE NOCASE, id`,
    )
    .all({ pattern }) as MemberRow[];
  return rows.map((row) => ({ id: Number(row.id), name: row.name, contact: row.contact }));
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
