import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors/app-error';
import { bundledMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  migrations?: Migration[];
  /** Electron needs a better-sqlite3 build for its own Node ABI; see electron/build/native-for-electron.mjs. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the mirror database: WAL so reads never wait for the sync writer, foreign keys
 * enforced, and every INTEGER read as bigint (safeIntegers) so no balance ever passes through a JS number.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new AppError('database-error', `The local database at ${file} could not be opened.`, `Check that the folder is writable. (${(error as Error).message})`);
  }
  db.pragma('journal_mode = WAL');
  // Under WAL, NORMAL never corrupts the file: a power cut can lose the last commits, which the next sync fetches
  // again from the chain (the mirror is derived data). A process crash loses nothing. It saves an fsync per commit.
  db.pragma('synchronous = NORMAL');
  // A full sync updates random pages of the box-id index; with SQLite's default 2 MB cache each of those is a read
  // from the OS. 64 MB holds the indexes of a 100 000-trade history.
  db.pragma('cache_size = -65536');
  // A batch of the sync rewrites pages all over the file (each member's newest boxes). Checkpointed every 4 MB of WAL
  // (the default), those pages went to the file after nearly every batch; at 64 MB a page rewritten by several batches
  // goes once. A full sync of 100 000 trades writes a sixth less and takes about 5% less time. The WAL file may grow
  // to that size; SQLite folds it back in when the app closes, and backups go through SQLite's backup API.
  db.pragma('wal_autocheckpoint = 16384');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  try {
    migrate(db, options.migrations ?? bundledMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: bigint | null };
  return Number(row.version ?? 0n);
}

/**
 * Applies every pending migration in ONE transaction: if any statement fails, the database is left exactly as
 * it was (SQLite DDL is transactional), so a half-upgraded schema can never exist.
 */
export function migrate(db: Db, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const current = schemaVersion(db);
  const known = migrations.length;
  if (current > known) {
    throw new AppError(
      'database-error',
      `This database was written by a newer version of the app (schema ${current}, this app knows ${known}).`,
      'Install the newest version of the app, or restore a backup made with this version.',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applyAll = db.transaction(() => {
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new AppError(
          'database-error',
          `Updating the local database failed at step ${migration.version} (${migration.name}); nothing was changed.`,
          `Make sure the disk is not full, then restart the app. (${(error as Error).message})`,
        );
      }
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  });
  applyAll.immediate();
}
