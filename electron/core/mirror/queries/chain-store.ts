import type { ParentLink } from '../../chain/chain-checks';
import type { ChainBox, ChainHeader, ChainTip, HexId } from '../../chain/chain-source';
import type { Db } from '../database';
import type { LedgerEntry, MirroredBox, SpentBox, TrackedLets } from '../sync/classify-transaction';
import { placeholderName } from './members';
import { forgetReadsAbove } from './mirror-reads';

/*
 * The SQL of the chain mirror: blocks, LETS boxes and ledger entries. Statements are prepared once per
 * database (the sync applies hundreds of thousands of rows) and cached by the Db object.
 */

const statementCache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insertBlock: db.prepare('INSERT INTO blocks (height, header_id, parent_id, timestamp, n_bits) VALUES (?, ?, ?, ?, ?)'),
    insertBox: db.prepare(`INSERT INTO box_rows (box_id, lets_id, kind, transaction_id, output_index, created_height, value, script_id, assets, registers, owner_key, balance, spent_by, spent_height,
        entry_kind, delta, counterparty_key, position, timestamp)
      VALUES (unhex(?), ?, ?, unhex(?), ?, ?, ?, ?, ?, ?, ?, ?, unhex(?), ?, ?, ?, ?, ?, ?)`),
    addScript: db.prepare('INSERT INTO scripts (ergo_tree) VALUES (?) ON CONFLICT (ergo_tree) DO NOTHING'),
    scriptId: db.prepare('SELECT id FROM scripts WHERE ergo_tree = ?').pluck(),
    // Box and transaction ids are stored as bytes (migration 012).
    spendBox: db.prepare('UPDATE box_rows SET spent_by = unhex(?), spent_height = ? WHERE box_id = unhex(?)'),
    findBox: db.prepare('SELECT * FROM boxes WHERE box_key = unhex(?)'),
    findSpendable: db.prepare('SELECT lets_id, kind, owner_key, balance FROM box_rows WHERE box_id = unhex(?)'),
    insertClosing: db.prepare(`INSERT INTO closing_entries (transaction_id, lets_id, member_key, delta, height, position, timestamp)
      VALUES (unhex(?), ?, ?, ?, ?, ?, ?)`),
    // A key that already has a profile (named, or a placeholder from an earlier enrolment) keeps it.
    addPlaceholder: db.prepare('INSERT INTO member_profiles (lets_id, owner_key, name, named) VALUES (?, ?, ?, 0) ON CONFLICT (lets_id, owner_key) DO NOTHING'),
    headerAt: db.prepare('SELECT header_id FROM blocks WHERE height = ?').pluck(),
    linkAt: db.prepare('SELECT header_id, timestamp, n_bits FROM blocks WHERE height = ?'),
    tip: db.prepare('SELECT height, header_id FROM blocks ORDER BY height DESC LIMIT 1'),
  };
}

function statements(db: Db) {
  let cached = statementCache.get(db);
  if (!cached) {
    cached = prepare(db);
    statementCache.set(db, cached);
  }
  return cached;
}

interface BoxRow {
  box_id: string;
  lets_id: bigint;
  kind: SpentBox['kind'];
  transaction_id: string;
  output_index: bigint;
  created_height: bigint;
  value: bigint;
  ergo_tree: string;
  assets: string;
  registers: string;
  owner_key: string;
  balance: bigint | null;
}

/**
 * The LETS the block-by-block sync follows on `network`: the others live on another chain, or are still being caught up
 * on their own (catch-up.ts) and join when they reach the mirror's tip (`withCatchingUp` lists those too).
 */
export function loadTracked(db: Db, network: Network, { withCatchingUp = false } = {}): { tracked: TrackedLets[]; letsTokenIds: Map<number, string> } {
  const rows = db
    .prepare(
      `SELECT c.lets_id, l.lets_token_id, c.membership_token_id, c.account_tree, c.management_tree, c.public_token_tree, c.start_height
       FROM lets_chain c JOIN lets l ON l.id = c.lets_id WHERE c.network = ? AND (? OR c.caught_up_to IS NULL)`,
    )
    .all(network, withCatchingUp ? 1 : 0) as {
    lets_id: bigint;
    lets_token_id: string;
    membership_token_id: string;
    account_tree: string;
    management_tree: string | null;
    public_token_tree: string | null;
    start_height: bigint;
  }[];
  return {
    tracked: rows.map((r) => ({
      letsId: Number(r.lets_id),
      membershipTokenId: r.membership_token_id,
      accountTree: r.account_tree,
      managementTree: r.management_tree,
      publicTokenTree: r.public_token_tree,
      startHeight: Number(r.start_height),
    })),
    letsTokenIds: new Map(rows.map((r) => [Number(r.lets_id), r.lets_token_id])),
  };
}

export type Network = ChainTip['network'];

/** A committee LETS names its management tree, a trustless one its public token tree (exactly one of the two). */
export type LetsOnChain = Omit<TrackedLets, 'managementTree' | 'publicTokenTree'> & {
  network: Network;
  /** The version of our contracts it runs (contracts/contract-versions.ts); 1 unless said. */
  contractVersion?: number;
  /** Its history is on chain already and must be caught up before it joins the block-by-block sync (catch-up.ts). */
  catchUp?: boolean;
} & ({ managementTree: string } | { publicTokenTree: string });

export function trackLetsOnChain(db: Db, lets: LetsOnChain): void {
  db.prepare(
    `INSERT INTO lets_chain (lets_id, network, membership_token_id, account_tree, management_tree, public_token_tree, start_height, contract_version, caught_up_to)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    lets.letsId,
    lets.network,
    lets.membershipTokenId,
    lets.accountTree,
    'managementTree' in lets ? lets.managementTree : null,
    'publicTokenTree' in lets ? lets.publicTokenTree : null,
    lets.startHeight,
    lets.contractVersion ?? 1,
    lets.catchUp ? lets.startHeight - 1 : null,
  );
}

export function storedTip(db: Db): { height: number; headerId: HexId } | null {
  const row = statements(db).tip.get() as { height: bigint; header_id: string } | undefined;
  return row ? { height: Number(row.height), headerId: row.header_id } : null;
}

export function storedHeaderIdAt(db: Db, height: number): HexId | undefined {
  return statements(db).headerAt.get(height) as string | undefined;
}

export function findMirroredBox(db: Db, boxId: HexId): MirroredBox | undefined {
  const row = statements(db).findBox.get(boxId) as BoxRow | undefined;
  if (!row) return undefined;
  const assets = JSON.parse(row.assets) as { tokenId: string; amount: string }[];
  const box: ChainBox = {
    boxId: row.box_id,
    transactionId: row.transaction_id,
    index: Number(row.output_index),
    value: row.value,
    ergoTree: row.ergo_tree,
    creationHeight: Number(row.created_height),
    assets: assets.map((a) => ({ tokenId: a.tokenId, amount: BigInt(a.amount) })),
    additionalRegisters: JSON.parse(row.registers) as ChainBox['additionalRegisters'],
  };
  return { box, letsId: Number(row.lets_id), kind: row.kind, ownerKey: row.owner_key, balance: row.balance };
}

/** What the sync needs of a box a transaction spends: whose it was and what it held, without its bulky columns. */
export function findSpendableBox(db: Db, boxId: HexId): SpentBox | undefined {
  const row = statements(db).findSpendable.get(boxId) as { lets_id: bigint; kind: SpentBox['kind']; owner_key: string; balance: bigint | null } | undefined;
  return row && { boxId, letsId: Number(row.lets_id), kind: row.kind, ownerKey: row.owner_key, balance: row.balance };
}

export function insertBlock(db: Db, header: ChainHeader): void {
  statements(db).insertBlock.run(header.height, header.id, header.parentId, header.timestamp, header.nBits);
}

/** What a header's checks need of its stored parent (ParentLink); the difficulty is null if stored before it was kept. */
export function storedLinkAt(db: Db, height: number): ParentLink | undefined {
  const row = statements(db).linkAt.get(height) as { header_id: string; timestamp: bigint; n_bits: bigint | null } | undefined;
  return row && { id: row.header_id, height, timestamp: Number(row.timestamp), nBits: row.n_bits === null ? null : Number(row.n_bits) };
}

/**
 * The id of a box's ergo tree in the scripts table, added if new. `known` remembers ids for one SQLite transaction
 * only: an id from a transaction that was rolled back would point at nothing. It is keyed by LETS and kind, not by the
 * tree's text: every box recognised as one kind of one LETS carries that LETS's tree for it (see recognise in
 * sync/classify-transaction.ts), and hashing a KB of hex for each of 200 000 boxes showed in the sync's profile.
 */
function scriptId(db: Db, mirrored: MirroredBox, known: Map<string, bigint>): bigint {
  const key = `${mirrored.letsId}:${mirrored.kind}`;
  let id = known.get(key);
  if (id === undefined) {
    const { addScript, scriptId: find } = statements(db);
    addScript.run(mirrored.box.ergoTree);
    id = find.get(mirrored.box.ergoTree) as bigint;
    known.set(key, id);
  }
  return id;
}

/** What is written with a box besides the box itself. */
export interface BoxWriting {
  /** Ids of ergo trees by LETS and kind, for the caller's SQLite transaction only (see scriptId). */
  scripts?: Map<string, bigint>;
  /** A box the same batch of blocks already spent is written spent (see sync/box-batch.ts). */
  spent?: { by: HexId; height: number } | null;
  /** The ledger entry of the enrolment or trade that left this account box behind (migration 013). */
  entry?: { entry: LedgerEntry; place: TransactionPlace } | null;
}

/** Writes one mirrored box and the ledger entry stored with it, if any; an enrolment's also adds a placeholder profile. */
export function insertMirroredBox(db: Db, mirrored: MirroredBox, height: number, { scripts = new Map(), spent = null, entry = null }: BoxWriting = {}): void {
  const { box } = mirrored;
  statements(db).insertBox.run(
    box.boxId,
    mirrored.letsId,
    mirrored.kind,
    box.transactionId,
    box.index,
    height,
    box.value,
    scriptId(db, mirrored, scripts),
    JSON.stringify(box.assets.map((a) => ({ tokenId: a.tokenId, amount: a.amount.toString() }))),
    JSON.stringify(box.additionalRegisters),
    mirrored.ownerKey,
    mirrored.balance,
    spent?.by ?? null,
    spent?.height ?? null,
    entry?.entry.kind ?? null,
    entry?.entry.delta ?? null,
    entry?.entry.counterpartyKey ?? null,
    entry?.place.position ?? null,
    entry?.place.header.timestamp ?? null,
  );
  if (entry?.entry.kind === 'enrolment') addPlaceholder(db, entry.entry);
}

export function markSpent(db: Db, boxId: HexId, spentBy: HexId, height: number): void {
  statements(db).spendBox.run(spentBy, height, boxId);
}

/** Where a transaction sits on chain: its block's height and time, and its index among that block's transactions. */
export interface TransactionPlace {
  transactionId: HexId;
  header: Pick<ChainHeader, 'height' | 'timestamp'>;
  position: number;
}

/**
 * An enrolment (committee) or a join (trustless: classify-trustless reports it as an enrolment too) gives the new
 * account a placeholder profile, so every account on chain is in the member directory even if nobody here typed it in.
 */
function addPlaceholder(db: Db, entry: LedgerEntry): void {
  statements(db).addPlaceholder.run(entry.letsId, entry.memberKey, placeholderName(entry.memberKey));
}

/** A closing leaves no account box behind, so its entry is stored on its own (the others go with their box). */
export function insertClosingEntry(db: Db, entry: LedgerEntry, { transactionId, header, position }: TransactionPlace): void {
  statements(db).insertClosing.run(transactionId, entry.letsId, entry.memberKey, entry.delta, header.height, position, header.timestamp);
}

/** Undoes everything above `height`: the caller runs this inside the same transaction as the reorg's new blocks. */
export function rollbackAbove(db: Db, height: number): void {
  db.prepare('DELETE FROM closing_entries WHERE height > ?').run(height);
  db.prepare('DELETE FROM box_rows WHERE created_height > ?').run(height);
  db.prepare('UPDATE box_rows SET spent_by = NULL, spent_height = NULL WHERE spent_height > ?').run(height);
  db.prepare('DELETE FROM blocks WHERE height > ?').run(height);
  forgetReadsAbove(db, height);
  // A LETS still being caught up lost what it had read above `height` too. Back to nothing, every LETS is read from its
  // start again as a newly followed one is, through the index where the chain has one.
  if (height === 0) db.prepare('UPDATE lets_chain SET caught_up_to = start_height - 1, catch_up_cursor = NULL').run();
  else db.prepare('UPDATE lets_chain SET caught_up_to = max(start_height - 1, ?), catch_up_cursor = NULL WHERE caught_up_to > ?').run(height, height);
  // Placeholders are derived from the chain like the entries; named profiles are the treasurer's and always stay.
  db.prepare(
    `DELETE FROM member_profiles WHERE named = 0 AND NOT EXISTS (
       SELECT 1 FROM ledger_entries e WHERE e.lets_id = member_profiles.lets_id AND e.member_key = member_profiles.owner_key)`,
  ).run();
}

/** The network of the chain data the mirror holds, or null while it holds none. */
export function mirroredNetwork(db: Db): Network | null {
  return (db.prepare('SELECT network FROM mirror_network').pluck().get() as Network | undefined) ?? null;
}

/**
 * The checks the sync makes on what it stores (ids recomputed from content: chain/content-ids.ts). A new check is a new
 * value here: a mirror stored under another value is read again from the chain before anything else.
 */
export const MIRROR_CHECKS = 'ids-transactions-root-proof-of-work';

/** Whether the chain data the mirror holds was stored under today's checks (or there is none). */
export function storedUnderCurrentChecks(db: Db): boolean {
  const checks = db.prepare('SELECT checks FROM mirror_network').pluck().get() as string | null | undefined;
  return checks === undefined || checks === MIRROR_CHECKS;
}

/**
 * The chain source is on another network than the mirror's chain data, or that data was stored under other checks:
 * it is dropped (everything above height 0, as a reorg would) and the mirror starts afresh on `network`, under today's
 * checks. The outbox is left alone: its transactions belong to LETS of their own network, and are tracked again when
 * the app is back on it, or seen again as the blocks are read.
 */
export function moveMirrorTo(db: Db, network: Network): void {
  rollbackAbove(db, 0);
  db.prepare('INSERT INTO mirror_network (id, network, checks) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET network = excluded.network, checks = excluded.checks').run(
    network,
    MIRROR_CHECKS,
  );
}

/** ARCHITECTURE.md: keep at least 256 headers so any realistic reorg finds its fork point locally. */
export const KEPT_HEADERS = 300;

/** Keeps the newest `keep` headers: enough to find any fork point a real reorg can have. */
export function pruneHeaders(db: Db, keep: number): void {
  db.prepare('DELETE FROM blocks WHERE height <= (SELECT max(height) FROM blocks) - ?').run(keep);
}
