import type { MemberHistoryRow } from '../../api/calls/member-types';
import type { MemberStatement } from '../../api/calls/statement-types';
import type { Db } from '../database';
import { onTheMirroredNetwork } from './lets';

/*
 * What a member statement reads from the mirror: the LETS and member, the member's ledger entries up to the end of
 * the period with counterparty names, and the boxes that anchor the closing balance on chain. Entries are matched to periods by their block's timestamp (milliseconds since the epoch).
 */

/** The LETS exactly as a statement prints it. */
export type StatementLetsRow = MemberStatement['lets'];

export function statementLets(db: Db, letsId: number): StatementLetsRow | undefined {
  const row = db
    .prepare(
      `SELECT l.id, l.name, l.unit, l.lets_token_id, l.model, l.credit_floor, l.credit_cap, c.membership_token_id
       FROM lets l LEFT JOIN lets_chain c ON c.lets_id = l.id WHERE l.id = ? AND ${onTheMirroredNetwork('c')}`,
    )
    .get(letsId) as
    | {
        id: bigint;
        name: string;
        unit: string;
        lets_token_id: string;
        model: StatementLetsRow['model'];
        credit_floor: bigint;
        credit_cap: bigint | null;
        membership_token_id: string | null;
      }
    | undefined;
  if (!row) return undefined;
  return {
    id: Number(row.id),
    name: row.name,
    unit: row.unit,
    tokenId: row.lets_token_id,
    membershipTokenId: row.membership_token_id,
    model: row.model,
    creditFloor: row.credit_floor,
    creditCap: row.credit_cap,
  };
}

export interface StatementMemberRow {
  id: number;
  name: string;
  ownerKey: string;
}

export function statementMember(db: Db, letsId: number, memberId: number): StatementMemberRow | undefined {
  const row = db.prepare('SELECT id, name, owner_key FROM member_profiles WHERE id = ? AND lets_id = ?').get(memberId, letsId) as
    | { id: bigint; name: string; owner_key: string }
    | undefined;
  return row ? { id: Number(row.id), name: row.name, ownerKey: row.owner_key } : undefined;
}

/** Every member of a LETS that has a profile on this computer, in the order of the members list (by name). */
export function statementMemberIds(db: Db, letsId: number): number[] {
  const ids = db.prepare('SELECT id FROM member_profiles WHERE lets_id = ? ORDER BY name COLLATE NOCASE, id').pluck().all(letsId) as bigint[];
  return ids.map(Number);
}

/** A ledger entry as a statement reads it: the member's history row, without what only the screen shows. */
export type StatementEntryRow = Omit<MemberHistoryRow, 'description' | 'confirmations' | 'confirmed' | 'reversible'>;

/** The member's entries in blocks stamped before `beforeMs`, in the order the chain applied them. */
export function memberEntriesBefore(db: Db, letsId: number, memberKey: string, beforeMs: number): StatementEntryRow[] {
  const rows = db
    .prepare(
      `SELECT lower(hex(e.transaction_id)) AS transaction_id, e.kind, e.counterparty_key, p.name AS counterparty_name, e.delta, e.balance_after, e.height, e.timestamp
       FROM ledger_entries e
       LEFT JOIN member_profiles p ON p.lets_id = e.lets_id AND p.owner_key = e.counterparty_key
       WHERE e.lets_id = ? AND e.member_key = ? AND e.timestamp < ?
       ORDER BY e.height, e.position`,
    )
    .all(letsId, memberKey, beforeMs) as {
    transaction_id: string;
    kind: StatementEntryRow['kind'];
    counterparty_key: string | null;
    counterparty_name: string | null;
    delta: bigint;
    balance_after: bigint;
    height: bigint;
    timestamp: bigint;
  }[];
  return rows.map((r) => ({
    transactionId: r.transaction_id,
    kind: r.kind,
    counterpartyKey: r.counterparty_key,
    counterpartyName: r.counterparty_name,
    delta: r.delta,
    balanceAfter: r.balance_after,
    height: Number(r.height),
    timestamp: Number(r.timestamp),
  }));
}

export interface AccountBoxRow {
  boxId: string;
  transactionId: string;
  height: number;
}

/** The member's account box that `transactionId`, in the block at `height`, created (through the index by owner). */
export function accountBoxCreatedBy(db: Db, letsId: number, memberKey: string, height: number, transactionId: string): AccountBoxRow | undefined {
  const row = db
    .prepare(
      `SELECT box_id, transaction_id, created_height FROM boxes
       WHERE lets_id = ? AND owner_key = ? AND created_height = ? AND transaction_id = ? AND kind = 'account'`,
    )
    .get(letsId, memberKey, height, transactionId) as { box_id: string; transaction_id: string; created_height: bigint } | undefined;
  return row && { boxId: row.box_id, transactionId: row.transaction_id, height: Number(row.created_height) };
}

export function currentAccountBoxId(db: Db, letsId: number, memberKey: string): string | null {
  const boxId = db
    .prepare(`SELECT box_id FROM boxes WHERE lets_id = ? AND kind = 'account' AND owner_key = ? AND spent_by IS NULL`)
    .pluck()
    .get(letsId, memberKey) as string | undefined;
  return boxId ?? null;
}
