import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';

export interface MemberKey {
  id: number;
  name: string;
  ownerKey: string;
}

/** A member of `letsId` by local id, with the key their account is (or will be) under. */
export function memberKey(db: Db, letsId: number, memberId: number): MemberKey {
  const row = db.prepare('SELECT id, name, owner_key FROM member_profiles WHERE id = ? AND lets_id = ?').get(memberId, letsId) as
    | { id: bigint; name: string; owner_key: string }
    | undefined;
  if (!row) throw new AppError('not-found', 'That member is not in this LETS.', 'Refresh the member list and choose again.');
  return { id: Number(row.id), name: row.name, ownerKey: row.owner_key };
}
