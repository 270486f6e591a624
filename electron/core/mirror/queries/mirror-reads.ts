import type { Db } from '../database';

/**
 * Which chain source each stretch of the mirror was read from and which checks it passed there (migration 018), so
 * the treasurer can see what the ledger rests on, and a stretch read under weaker checks (an Explorer without proofs)
 * can be told apart from one a node proved.
 */
export interface MirrorRead {
  /** The LETS one catch-up read it for; null for the block-by-block sync, which reads for every LETS followed. */
  letsId: number | null;
  fromHeight: number;
  toHeight: number;
  /** How the source was named, e.g. "the Ergo node at http://127.0.0.1:9053". */
  source: string;
  /** What was checked, in the words of chain/block-checks.ts (CHECKS_*). */
  checks: string;
}

interface ReadRow {
  id: bigint;
  lets_id: bigint | null;
  from_height: bigint;
  to_height: bigint;
  source: string;
  checks: string;
}

/** Records a read; one that continues the last read of the same kind, source and checks extends it instead. */
export function recordRead(db: Db, read: MirrorRead): void {
  const previous = db
    .prepare('SELECT * FROM mirror_reads WHERE lets_id IS ? AND to_height = ? AND source = ? AND checks = ?')
    .get(read.letsId, read.fromHeight - 1, read.source, read.checks) as ReadRow | undefined;
  if (previous) db.prepare('UPDATE mirror_reads SET to_height = ? WHERE id = ?').run(read.toHeight, previous.id);
  else {
    db.prepare('INSERT INTO mirror_reads (lets_id, from_height, to_height, source, checks) VALUES (?, ?, ?, ?, ?)').run(
      read.letsId,
      read.fromHeight,
      read.toHeight,
      read.source,
      read.checks,
    );
  }
}

/** A rollback to `height` takes back what was read above it. */
export function forgetReadsAbove(db: Db, height: number): void {
  db.prepare('DELETE FROM mirror_reads WHERE from_height > ?').run(height);
  db.prepare('UPDATE mirror_reads SET to_height = ? WHERE to_height > ?').run(height, height);
}

/** Every read, lowest heights first. */
export function mirrorReads(db: Db): MirrorRead[] {
  const rows = db.prepare('SELECT * FROM mirror_reads ORDER BY from_height, id').all() as ReadRow[];
  return rows.map((row) => ({
    letsId: row.lets_id === null ? null : Number(row.lets_id),
    fromHeight: Number(row.from_height),
    toHeight: Number(row.to_height),
    source: row.source,
    checks: row.checks,
  }));
}
