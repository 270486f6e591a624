import Database from 'better-sqlite3';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import type { Migration } from '../mirror/migrations';

/*
 * Backup and restore of the local database, the only home of member names, contacts and notes (they never go on
 * chain). A backup is SQLite's online backup of the open database, so it is consistent while the sync writes. A
 * restore checks a copy of the chosen file before anything is replaced, keeps the current database beside it, and
 * only then swaps the files.
 */

const pad = (value: number) => String(value).padStart(2, '0');
const localDate = (at: Date) => `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** "lets-backup-2026-11-25.sqlite": the name the save dialog suggests. */
export function backupFileName(at: Date): string {
  return `lets-backup-${localDate(at)}.sqlite`;
}

/** SQLite keeps a database in up to three files; the two beside the main one belong to it. */
function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`];
}

function removeDatabaseFiles(path: string): void {
  for (const file of databaseFiles(path)) rmSync(file, { force: true });
}

function isLiveDatabase(target: string, databasePath: string): boolean {
  return databaseFiles(resolve(databasePath)).includes(resolve(target));
}

export async function backupDatabase(db: Db, databasePath: string, target: string): Promise<void> {
  if (isLiveDatabase(target, databasePath)) {
    throw new AppError('invalid-input', 'A backup cannot be written over the database the app is using.', 'Choose another file name or folder for the backup.');
  }
  try {
    await db.backup(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw new AppError('database-error', `The backup could not be written to ${target}.`, `Check that the folder is writable and the disk is not full. (${(error as Error).message})`);
  }
}

export interface BackupCheckOptions {
  /** The app's migrations: a backup's schema must be a prefix of them. */
  migrations: Migration[];
  nativeBinding?: string;
}

function notABackup(file: string, why: string): AppError {
  return new AppError('invalid-input', `${basename(file)} is not a backup of this app's database: ${why}.`, 'Choose a file the app saved with "Back up the database". Nothing was changed.');
}

/**
 * Opens `file` (a private copy: the check and the swap must see the same bytes; messages name it `shownAs`, the
 * file the treasurer chose) and insists it is a sound database
 * of this app: SQLite's integrity check passes, and its applied migrations are, by number and name, a prefix of
 * ours. A newer app's database is refused, since this version could misread it.
 */
export function checkBackup(file: string, options: BackupCheckOptions, shownAs = file): { schemaVersion: number } {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch {
    throw notABackup(shownAs, 'it cannot be opened');
  }
  try {
    let integrity: unknown[];
    try {
      integrity = db.pragma('integrity_check') as unknown[];
    } catch {
      throw notABackup(shownAs, 'it is not an SQLite database, or it is damaged');
    }
    if (integrity.length !== 1 || (integrity[0] as { integrity_check?: unknown }).integrity_check !== 'ok') {
      throw notABackup(shownAs, 'SQLite reports it as damaged');
    }
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasMigrations) throw notABackup(shownAs, 'it is an SQLite database of another program');
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
    if (applied.length === 0) throw notABackup(shownAs, 'it is empty');
    const newest = applied.at(-1)?.version ?? 0;
    if (newest > options.migrations.length) {
      throw new AppError(
        'invalid-input',
        `${basename(shownAs)} was saved by a newer version of the app (database schema ${newest}, this version knows ${options.migrations.length}).`,
        'Install the newest version of the app before restoring this backup. Nothing was changed.',
      );
    }
    applied.forEach((row, index) => {
      const ours = options.migrations[index];
      if (row.version !== index + 1 || ours?.name !== row.name) throw notABackup(shownAs, 'its database schema is not this app’s');
    });
    return { schemaVersion: newest };
  } finally {
    db.close();
  }
}

export interface RestoreOptions extends BackupCheckOptions {
  /** The open database; it is backed up beside itself and closed. */
  current: Db;
  databasePath: string;
  /** The file the treasurer chose. */
  source: string;
  /** Opens the database at `databasePath` again (with migrations, so an older backup is brought up to date). */
  reopen: () => Db;
  now?: Date;
}

export interface Restored {
  db: Db;
  /** Where the database as it was before the restore is kept. */
  keptCopy: string;
  /** The backup's schema version before migrations brought it up to date. */
  backupSchemaVersion: number;
}

/** "lets-mirror.before-restore-2026-11-25T14-02-07.sqlite", beside the database. */
export function keptCopyPath(databasePath: string, at: Date): string {
  const stamp = `${localDate(at)}T${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  return join(dirname(databasePath), `${basename(databasePath).replace(/\.sqlite$/, '')}.before-restore-${stamp}.sqlite`);
}

/**
 * Replaces the database with a backup. The chosen file is copied beside the database and checked there; only when
 * it passes is the current database backed up (kept) and closed, and the checked copy renamed into its place. If the
 * restored database cannot be opened, the kept copy goes back into place and the error is thrown: the caller then
 * finds `current` closed and opens the database again. The caller stops anything that uses the database (the chain
 * sync) before, and starts it again after.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<Restored> {
  const { databasePath } = options;
  if (isLiveDatabase(options.source, databasePath)) {
    throw new AppError('invalid-input', 'That is the database the app is using now, not a backup.', 'Choose a backup file. Nothing was changed.');
  }
  const staged = `${databasePath}.restoring`;
  removeDatabaseFiles(staged);
  let backupSchemaVersion: number;
  try {
    copyFileSync(options.source, staged);
    backupSchemaVersion = checkBackup(staged, options, options.source).schemaVersion;
  } catch (error) {
    removeDatabaseFiles(staged);
    if (error instanceof AppError) throw error;
    throw new AppError('invalid-input', `${basename(options.source)} could not be read.`, `Check that the file exists and can be read. Nothing was changed. (${(error as Error).message})`);
  }

  const keptCopy = keptCopyPath(databasePath, options.now ?? new Date());
  try {
    await options.current.backup(keptCopy);
  } catch (error) {
    removeDatabaseFiles(staged);
    rmSync(keptCopy, { force: true });
    throw new AppError('database-error', 'The current database could not be kept aside, so nothing was restored.', `Check that the disk is not full. (${(error as Error).message})`);
  }
  options.current.close();
  removeDatabaseFiles(databasePath);
  renameSync(staged, databasePath);
  removeDatabaseFiles(staged);
  try {
    return { db: options.reopen(), keptCopy, backupSchemaVersion };
  } catch (error) {
    removeDatabaseFiles(databasePath);
    copyFileSync(keptCopy, databasePath);
    throw new AppError(
      'database-error',
      'The restored database could not be opened, so the database as it was has been put back.',
      `Nothing was changed. A copy of it is also kept at ${keptCopy}. (${(error as Error).message})`,
    );
  }
}
