import type { LetsSummary } from '../../api/types';
import { formatAmount } from '../../lets/amount';
import type { LetsParameters } from '../../lets/lets-parameters';
import { ownerAddress } from '../../members/owner-address';
import type { Db } from '../database';
import { ON_ITS_WAY } from './outbox';

interface LetsRow {
  id: bigint;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  network: LetsSummary['network'] | null;
  credit_floor: bigint;
  credit_cap: bigint | null;
  member_count: bigint;
  trial_balance: bigint;
  committee_key: string | null;
  committee_signer: LetsSummary['committeeSigner'];
  catching_up: bigint;
  catch_up_paused: bigint | null;
  pool_left: bigint | null;
  enrolments_pending: bigint;
}

/**
 * The condition that a LETS's chain row (alias `chain`) is of the network the mirror is on (migration 011), or that the
 * LETS has none: a LETS of another network has no chain data here, and is neither listed, offered nor printed (with
 * another network's addresses) until the app is back on its network.
 */
export function onTheMirroredNetwork(chain: string): string {
  return `(${chain}.network IS NULL OR ${chain}.network = coalesce((SELECT network FROM mirror_network), ${chain}.network))`;
}

/** Of the LETS `l`: the management box's pool less the token it keeps, and the enrolments on their way. */
const MEMBERSHIPS_SQL = `(SELECT CAST(json_extract(m.assets, '$[1].amount') AS INTEGER) - 1 FROM boxes m
            WHERE m.lets_id = l.id AND m.kind = 'management' AND m.spent_by IS NULL) AS pool_left,
         (SELECT count(*) FROM outbox o WHERE o.lets_id = l.id AND o.purpose = 'enrolment' AND o.state IN ${ON_ITS_WAY}) AS enrolments_pending`;

/**
 * Each enrolment on its way takes a membership before the mirror's management box shows it (each chains on the
 * management box of the one before, prepare-enrolment.ts). Null where no pool is counted (trustless).
 */
const membershipsLeftOf = (row: Pick<LetsRow, 'pool_left' | 'enrolments_pending'>): number | null =>
  row.pool_left === null ? null : Math.max(0, Number(row.pool_left - row.enrolments_pending));

/** LetsSummary.membershipsLeft of one LETS, without the rest of its summary. */
export function membershipsLeft(db: Db, letsId: number): number | null {
  const row = db.prepare(`SELECT ${MEMBERSHIPS_SQL} FROM lets l WHERE l.id = ?`).get(letsId) as Pick<LetsRow, 'pool_left' | 'enrolments_pending'> | undefined;
  return row === undefined ? null : membershipsLeftOf(row);
}

/**
 * The LETS the treasurer runs (committee) first, then those the app only follows (trustless); by name within each.
 * Only those of the network the mirror is on (migration 011): a LETS of another network has no chain data here until
 * the app is back on its network.
 */
export function listLets(db: Db): LetsSummary[] {
  const rows = db
    .prepare(
      `SELECT l.id, l.name, l.unit, l.model, c.network, l.credit_floor, l.credit_cap,
         count(b.box_id) AS member_count, coalesce(sum(b.balance), 0) AS trial_balance,
         (SELECT m.owner_key FROM boxes m WHERE m.lets_id = l.id AND m.kind = 'management' AND m.spent_by IS NULL) AS committee_key,
         (SELECT k.signer FROM own_key_paths k, boxes m WHERE m.lets_id = l.id AND m.kind = 'management' AND m.spent_by IS NULL
            AND k.public_key = m.owner_key ORDER BY k.signer = 'demo-key' LIMIT 1) AS committee_signer,
         c.caught_up_to IS NOT NULL AS catching_up, c.catch_up_paused = 1 AS catch_up_paused,
         ${MEMBERSHIPS_SQL}
       FROM lets l
       LEFT JOIN lets_chain c ON c.lets_id = l.id
       LEFT JOIN boxes b ON b.lets_id = l.id AND b.kind = 'account' AND b.spent_by IS NULL
       WHERE ${onTheMirroredNetwork('c')}
       GROUP BY l.id ORDER BY l.model = 'trustless', l.name`,
    )
    .all() as LetsRow[];
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    unit: row.unit,
    model: row.model,
    network: row.network ?? 'devnet',
    creditFloor: row.credit_floor,
    creditCap: row.credit_cap,
    memberCount: Number(row.member_count),
    trialBalance: row.trial_balance,
    committeeKey: row.committee_key,
    committeeAddress: row.committee_key === null ? null : ownerAddress(row.committee_key, row.network === 'mainnet' ? 'mainnet' : 'testnet'),
    committeeSigner: row.committee_signer,
    membershipsLeft: membershipsLeftOf(row),
    // How far it has come is known to the running catch-up, which the handler asks (app/handlers/member-handlers.ts).
    catchUp: row.catching_up === 1n ? { phase: 'blocks', done: null, total: null, secondsLeft: null, paused: row.catch_up_paused === 1n } : null,
  }));
}

export interface NewLets {
  letsTokenId: string;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  creditFloor: bigint;
  creditCap: bigint | null;
}

/** Starts following a LETS; returns its local id. */
export function addLets(db: Db, lets: NewLets): number {
  const result = db
    .prepare('INSERT INTO lets (lets_token_id, name, unit, model, credit_floor, credit_cap) VALUES (?, ?, ?, ?, ?, ?)')
    .run(lets.letsTokenId, lets.name, lets.unit, lets.model, lets.creditFloor, lets.creditCap);
  return Number(result.lastInsertRowid);
}

export function findLetsByToken(db: Db, letsTokenId: string): number | undefined {
  const id = db.prepare('SELECT id FROM lets WHERE lets_token_id = ?').pluck().get(letsTokenId) as bigint | undefined;
  return id === undefined ? undefined : Number(id);
}

function describeCap(cap: bigint | null): string {
  return cap === null ? 'no cap' : formatAmount(cap);
}

/**
 * Stores the parameters the chain holds for a LETS (its management box registers). The chain is the authority: the
 * local record is overwritten, and when it differed, a warning saying what changed is kept for the treasurer and
 * returned. Returns null when the local record already agreed.
 */
export function refreshLetsParameters(db: Db, letsId: number, onChain: LetsParameters): string | null {
  const row = db.prepare('SELECT name, unit, credit_floor, credit_cap FROM lets WHERE id = ?').get(letsId) as
    | Pick<LetsRow, 'name' | 'unit' | 'credit_floor' | 'credit_cap'>
    | undefined;
  if (!row) return null;
  const differences = [
    row.name !== onChain.name && `name “${onChain.name}” (this computer had “${row.name}”)`,
    row.unit !== onChain.unit && `unit “${onChain.unit}” (this computer had “${row.unit}”)`,
    row.credit_floor !== onChain.floor && `credit floor ${formatAmount(onChain.floor)} (this computer had ${formatAmount(row.credit_floor)})`,
    row.credit_cap !== onChain.cap && `credit cap ${describeCap(onChain.cap)} (this computer had ${describeCap(row.credit_cap)})`,
  ].filter((d): d is string => d !== false);
  if (differences.length === 0) return null;
  const warning = `The chain gives this LETS the ${differences.join(', ')}. The app now uses the values on the chain; check how the wrong ones were entered.`;
  db.prepare('UPDATE lets SET name = ?, unit = ?, credit_floor = ?, credit_cap = ?, chain_warning = ? WHERE id = ?').run(
    onChain.name,
    onChain.unit,
    onChain.floor,
    onChain.cap,
    warning,
    letsId,
  );
  return warning;
}

/** The last difference found between the local record of a LETS and its parameters on chain, if any. */
export function letsChainWarning(db: Db, letsId: number): string | null {
  return (db.prepare('SELECT chain_warning FROM lets WHERE id = ?').pluck().get(letsId) as string | null | undefined) ?? null;
}
