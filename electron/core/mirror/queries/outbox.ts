import type { OutboxEntry, OutboxState } from '../../api/calls/outbox-types';
import { localTime } from '../../api/calls/statement-period';
import type { ChainTip, HexId } from '../../chain/chain-source';
import type { Network } from './chain-store';
import { AppError } from '../../errors/app-error';
import type { Db } from '../database';

/*
 * The app's own transactions on their way to the chain:
 *   built → signed → submitted → mempool → included → confirmed
 * with dropped (the node forgot it) and conflict (its inputs were spent by another transaction) as dead ends that
 * the treasurer can retry or discard. Rows are never deleted by the sync: the history of what was sent stays.
 */

/** An outbox row as the app uses it: what the screens see, plus the signed transaction to send (again). */
export interface OutboxItem extends OutboxEntry {
  signedJson: string | null;
}

export interface NewOutboxItem {
  transactionId: HexId;
  letsId: number | null;
  purpose: string;
  description?: string;
  inputBoxIds: HexId[];
  unsignedJson: string;
}

/** The moves a person or the app may make by hand; the sync's own moves are below. */
const MANUAL_MOVES: Record<OutboxState, OutboxState[]> = {
  built: ['signed'],
  signed: ['submitted'],
  submitted: [],
  mempool: [],
  included: [],
  confirmed: [],
  dropped: ['submitted'],
  conflict: [],
};

interface OutboxRow {
  id: bigint;
  transaction_id: string;
  lets_id: bigint | null;
  purpose: string;
  description: string;
  state: OutboxState;
  included_height: bigint | null;
  last_error: string | null;
  signed_json: string | null;
  signed_by: string | null;
  requested_at: string | null;
  request_expires_at: string | null;
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: Number(row.id),
    transactionId: row.transaction_id,
    letsId: row.lets_id === null ? null : Number(row.lets_id),
    purpose: row.purpose,
    description: row.description,
    state: row.state,
    includedHeight: row.included_height === null ? null : Number(row.included_height),
    lastError: row.last_error,
    signedJson: row.signed_json,
    signer: row.state === 'built' ? row.signed_by : null,
    requestExpiresAt: row.state === 'built' && row.requested_at !== null ? row.request_expires_at : null,
  };
}

/** Every outbox column, and who signs it (outbox_details). */
const SELECT_ITEM = 'SELECT o.*, d.signed_by FROM outbox o LEFT JOIN outbox_details d USING (transaction_id)';

const now = () => new Date().toISOString();

export function addToOutbox(db: Db, item: NewOutboxItem): number {
  const result = db
    .prepare(`INSERT INTO outbox (lets_id, transaction_id, purpose, description, state, input_box_ids, unsigned_json, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'built', ?, ?, ?, ?)`)
    .run(item.letsId, item.transactionId, item.purpose, item.description ?? '', JSON.stringify(item.inputBoxIds), item.unsignedJson, now(), now());
  return Number(result.lastInsertRowid);
}

export function outboxItem(db: Db, transactionId: HexId): OutboxItem | undefined {
  const row = db.prepare(`${SELECT_ITEM} WHERE o.transaction_id = ?`).get(transactionId) as OutboxRow | undefined;
  return row ? toItem(row) : undefined;
}

export function listOutbox(db: Db): OutboxItem[] {
  return (db.prepare(`${SELECT_ITEM} ORDER BY o.id DESC`).all() as OutboxRow[]).map(toItem);
}

/** The states of a transaction on its way to the chain: built, and not yet in a block the mirror holds. */
export const ON_ITS_WAY = "('built', 'signed', 'submitted', 'mempool')";

export interface EnrolmentUnderWay {
  letsId: number;
  /** The key of the member it enrols: register R4 of its output under the LETS's account contract. */
  ownerKey: string;
  transactionId: string;
  state: OutboxState;
}

/** The enrolments on their way to the chain (of one LETS, or of all), oldest first: the committee's queue to sign. */
export function enrolmentsUnderWay(db: Db, letsId: number | null = null): EnrolmentUnderWay[] {
  const rows = db
    .prepare(
      `SELECT o.lets_id, substr(json_extract(output.value, '$.additionalRegisters.R4'), 3) AS owner_key, o.transaction_id, o.state
       FROM outbox o JOIN lets_chain c ON c.lets_id = o.lets_id, json_each(o.unsigned_json, '$.outputs') output
       WHERE o.purpose = 'enrolment' AND o.state IN ${ON_ITS_WAY} AND (:letsId IS NULL OR o.lets_id = :letsId)
         AND json_extract(output.value, '$.ergoTree') = c.account_tree
       ORDER BY o.id`,
    )
    .all({ letsId }) as { lets_id: bigint; owner_key: string; transaction_id: string; state: OutboxState }[];
  return rows.map((r) => ({ letsId: Number(r.lets_id), ownerKey: r.owner_key, transactionId: r.transaction_id, state: r.state }));
}

/** A manual step (sign, submit, retry). Refuses a move the lifecycle does not allow, naming both states. */
export function moveOutboxItem(db: Db, transactionId: HexId, to: OutboxState, details: { signedJson?: string; error?: string } = {}): void {
  const item = outboxItem(db, transactionId);
  if (!item) throw new AppError('not-found', 'That transaction is not in the outbox.', 'Refresh the outbox.');
  if (!MANUAL_MOVES[item.state].includes(to)) {
    throw new AppError('conflict', `A transaction that is ${item.state} cannot become ${to}.`, 'Refresh the outbox to see its current state.');
  }
  db.prepare('UPDATE outbox SET state = ?, signed_json = coalesce(?, signed_json), last_error = ?, unseen_polls = 0, requested_at = NULL, updated_at = ? WHERE transaction_id = ?').run(
    to,
    details.signedJson ?? null,
    details.error ?? null,
    now(),
    transactionId,
  );
}

/** Records a failure without changing state (e.g. the device refused): the transaction stays where it was. */
export function noteOutboxError(db: Db, transactionId: HexId, error: string): void {
  db.prepare('UPDATE outbox SET last_error = ?, updated_at = ? WHERE transaction_id = ?').run(error, now(), transactionId);
}

export function discardOutboxItem(db: Db, transactionId: HexId): void {
  const item = outboxItem(db, transactionId);
  if (!item || !['built', 'signed', 'dropped', 'conflict'].includes(item.state)) {
    throw new AppError('conflict', 'Only a transaction that is not on its way to the chain can be discarded.', 'Wait until it is confirmed, dropped or in conflict.');
  }
  db.prepare('DELETE FROM outbox WHERE transaction_id = ?').run(transactionId);
}

/**
 * The sync tracks the transactions of the network it follows: not those of a LETS that lives on another network (see
 * migration 011), which wait, as they are, until the app is back on theirs.
 */
const NOT_OF_ANOTHER_NETWORK = 'NOT EXISTS (SELECT 1 FROM lets_chain c WHERE c.lets_id = outbox.lets_id AND c.network <> ?)';

/**
 * Unsigned here, a transaction may still be signed and submitted by the wallet it went to (an ErgoPay request, or the
 * exported file in a wallet that submits by itself): its id in the mempool or a block moves it on all the same.
 */
const STATES_ON_THEIR_WAY = `('built', 'submitted', 'mempool', 'dropped', 'signed')`;

/** Shows a signing request for the transaction until `expiresAt`; it stays "built" until its id shows up on chain. */
export function recordSignatureRequest(db: Db, transactionId: HexId, uri: string, expiresAt: Date): void {
  db.prepare(`UPDATE outbox SET requested_at = ?, request_expires_at = ?, request_uri = ?, last_error = NULL, updated_at = ? WHERE transaction_id = ? AND state = 'built'`).run(
    now(),
    expiresAt.toISOString(),
    uri,
    now(),
    transactionId,
  );
}

/** The signing request that stands for the transaction (its `ergopay:` link and until when), if one does. */
export function standingSignatureRequest(db: Db, transactionId: HexId): { uri: string; expiresAt: string } | undefined {
  return db
    .prepare(`SELECT request_uri AS uri, request_expires_at AS expiresAt FROM outbox WHERE transaction_id = ? AND state = 'built' AND requested_at IS NOT NULL`)
    .get(transactionId) as { uri: string; expiresAt: string } | undefined;
}

/** Own transactions that may still show up in a block; the sync only looks up block transactions among these. */
export function awaitingInclusion(db: Db, network: Network): Set<HexId> {
  const ids = db
    .prepare(`SELECT transaction_id FROM outbox WHERE state IN ${STATES_ON_THEIR_WAY} AND ${NOT_OF_ANOTHER_NETWORK}`)
    .pluck()
    .all(network) as string[];
  return new Set(ids);
}

/** Sync: the transaction appeared in a block. */
export function markIncluded(db: Db, transactionId: HexId, height: number): void {
  db.prepare(`UPDATE outbox SET state = 'included', included_height = ?, last_error = NULL, requested_at = NULL, updated_at = ? WHERE transaction_id = ? AND state IN ${STATES_ON_THEIR_WAY}`).run(
    height,
    now(),
    transactionId,
  );
}

/** Sync: a reorg of `network` removed the blocks above `height`; what they included is on its way again. */
export function reopenAbove(db: Db, height: number, network: Network): void {
  db.prepare(`UPDATE outbox SET state = 'submitted', included_height = NULL, updated_at = ? WHERE included_height > ? AND ${NOT_OF_ANOTHER_NETWORK}`).run(now(), height, network);
}

export interface ReconcileOptions {
  /** Confirmations after which an included transaction counts as confirmed. */
  depth: number;
  /**
   * Polls a submitted transaction may go unseen (in neither the mempool nor a block) before it counts as dropped:
   * a node lists an accepted transaction at once, so one it never listed was lost on the way or refused later.
   */
  dropUnseenAfterPolls: number;
  /** The node is still downloading blocks: its mempool and blocks say nothing yet about what was lost. */
  nodeCatchingUp?: boolean;
  /** The time signing requests are judged expired against; now unless given (tests). */
  now?: Date;
}

/** A default for dropUnseenAfterPolls: with the loop's 2 s rounds, half a minute of silence. */
export const DEFAULT_DROP_UNSEEN_AFTER_POLLS = 15;

/**
 * Sync, after each poll: included transactions become confirmed at `depth` confirmations; submitted ones seen in
 * the mempool move to mempool; one that left the mempool without being included is in conflict when another
 * transaction spent one of its inputs, otherwise dropped; one the node never listed is dropped after
 * `dropUnseenAfterPolls` polls. While the node is catching up nothing is called dropped.
 */
export function reconcileOutbox(db: Db, tip: Pick<ChainTip, 'network' | 'height'>, mempoolIds: ReadonlySet<HexId>, optionsOrDepth: ReconcileOptions | number): void {
  const options = typeof optionsOrDepth === 'number' ? { depth: optionsOrDepth, dropUnseenAfterPolls: DEFAULT_DROP_UNSEEN_AFTER_POLLS } : optionsOrDepth;
  const reconcile = db.transaction(() => {
    db.prepare(`UPDATE outbox SET state = 'confirmed', updated_at = ? WHERE state = 'included' AND ? - included_height + 1 >= ? AND ${NOT_OF_ANOTHER_NETWORK}`).run(
      now(),
      tip.height,
      options.depth,
      tip.network,
    );
    const waiting = db.prepare(`SELECT transaction_id, state, input_box_ids, unseen_polls FROM outbox WHERE state IN ('submitted', 'mempool') AND ${NOT_OF_ANOTHER_NETWORK}`).all(tip.network) as {
      transaction_id: string;
      state: OutboxState;
      input_box_ids: string;
      unseen_polls: bigint;
    }[];
    const spentElsewhere = db.prepare('SELECT 1 FROM box_rows WHERE box_id = unhex(?) AND spent_by IS NOT NULL AND spent_by <> unhex(?)').pluck();
    const setState = db.prepare('UPDATE outbox SET state = ?, unseen_polls = 0, updated_at = ? WHERE transaction_id = ?');
    const countUnseen = db.prepare('UPDATE outbox SET unseen_polls = unseen_polls + 1 WHERE transaction_id = ?');
    for (const row of waiting) {
      if (mempoolIds.has(row.transaction_id)) {
        if (row.state !== 'mempool') setState.run('mempool', now(), row.transaction_id);
        continue;
      }
      const inputs = JSON.parse(row.input_box_ids) as string[];
      const conflict = inputs.some((boxId) => spentElsewhere.get(boxId, row.transaction_id) !== undefined);
      if (conflict) setState.run('conflict', now(), row.transaction_id);
      else if (options.nodeCatchingUp) continue;
      else if (row.state === 'mempool') setState.run('dropped', now(), row.transaction_id);
      else if (row.unseen_polls + 1n >= BigInt(options.dropUnseenAfterPolls)) setState.run('dropped', now(), row.transaction_id);
      else countUnseen.run(row.transaction_id);
    }
    followUnsignedTransactions(db, tip.network, mempoolIds, options.now ?? new Date());
  });
  reconcile();
}

/**
 * An unsigned transaction moves on when a wallet it went to has submitted it (its id is in the mempool). A signing
 * request also ends, with the reason kept, when a box it spends was spent by another transaction, or when its time ran out.
 */
function followUnsignedTransactions(db: Db, network: Network, mempoolIds: ReadonlySet<HexId>, at: Date): void {
  const unsigned = db
    .prepare(`SELECT transaction_id, input_box_ids, requested_at, request_expires_at, signed_by FROM outbox LEFT JOIN outbox_details USING (transaction_id) WHERE state = 'built' AND ${NOT_OF_ANOTHER_NETWORK}`)
    .all(network) as { transaction_id: string; input_box_ids: string; requested_at: string | null; request_expires_at: string; signed_by: string | null }[];
  const spentElsewhere = db.prepare('SELECT 1 FROM box_rows WHERE box_id = unhex(?) AND spent_by IS NOT NULL AND spent_by <> unhex(?)').pluck();
  const end = db.prepare('UPDATE outbox SET state = ?, requested_at = NULL, last_error = ?, updated_at = ? WHERE transaction_id = ?');
  for (const row of unsigned) {
    const who = row.signed_by ?? 'the signer';
    if (mempoolIds.has(row.transaction_id)) end.run('mempool', null, now(), row.transaction_id);
    else if (row.requested_at === null) continue;
    else if ((JSON.parse(row.input_box_ids) as string[]).some((boxId) => spentElsewhere.get(boxId, row.transaction_id) !== undefined)) {
      end.run('conflict', `The request for ${who}’s signature ended: a box it spends was spent by another transaction first. Discard it and record it again.`, now(), row.transaction_id);
    } else if (Date.parse(row.request_expires_at) <= at.getTime()) {
      end.run('built', `The request for ${who}’s signature ended at ${localTime(new Date(row.request_expires_at))}, unsigned. Show a new request, or discard the transaction.`, now(), row.transaction_id);
    }
  }
}

/** What an unfinished transaction of the outbox (signed or not) that spends `boxId` says it does, if there is one. */
export function unfinishedSpenderOf(db: Db, boxId: string): string | undefined {
  return db
    .prepare(`SELECT description FROM outbox WHERE state IN ${STATES_ON_THEIR_WAY} AND EXISTS (SELECT 1 FROM json_each(input_box_ids) WHERE value = ?)`)
    .pluck()
    .get(boxId) as string | undefined;
}

export interface AwaitingSignature {
  transactionId: string;
  description: string;
  /** Who must sign, in words ("Alice", "the committee"). */
  signedBy: string;
  /** Until when the signing request for their wallet stands, if one does. */
  requestExpiresAt: string | null;
}

/** Transactions of the outbox not signed yet that spend one of the member's account boxes: what still waits for whom. */
export function awaitingSignatureFor(db: Db, letsId: number, ownerKey: string): AwaitingSignature[] {
  return db
    .prepare(
      `SELECT o.transaction_id AS transactionId, o.description, d.signed_by AS signedBy, o.request_expires_at AS requestExpiresAt
       FROM outbox o JOIN outbox_details d USING (transaction_id)
       WHERE o.state = 'built' AND o.lets_id = ?
         AND EXISTS (SELECT 1 FROM json_each(o.input_box_ids) j JOIN box_rows b ON b.box_id = unhex(j.value) WHERE b.kind = 'account' AND b.owner_key = ?)
       ORDER BY o.id`,
    )
    .all(letsId, ownerKey) as AwaitingSignature[];
}
