import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors/app-error';
import { openDatabase, schemaVersion, type Db } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { backupDatabase, backupFileName, keptCopyPath, restoreDatabase } from '../../electron/core/settings/database-backup';
import { tempDir } from '../helpers/temp-dir';

const ALICE_KEY = `02${'a1'.repeat(32)}`;

/** A database following one LETS with Alice, whose contact is the metadata that exists only on this computer. */
function aLetsDatabase(): { db: Db; path: string; dir: string } {
  const dir = tempDir();
  const path = join(dir, 'lets-mirror.sqlite');
  const db = openDatabase(path);
  const letsId = addLets(db, { letsTokenId: 'c'.repeat(64), name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -200_00n, creditCap: null });
  addMemberProfile(db, { letsId, ownerKey: ALICE_KEY, name: 'Alice', contact: 'alice@riverside.example' });
  return { db, path, dir };
}

const aliceContact = (db: Db) => db.prepare('SELECT contact FROM member_profiles WHERE owner_key = ?').pluck().get(ALICE_KEY);
const setAliceContact = (db: Db, contact: string) => db.prepare('UPDATE member_profiles SET contact = ? WHERE owner_key = ?').run(contact, ALICE_KEY);

async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error;
  throw error ?? new Error('expected a refusal');
}

describe('backing up and restoring the local database', () => {
  it('names a backup after the day it was made', () => {
    expect(backupFileName(new Date(2026, 10, 25, 23, 59))).toBe('lets-backup-2026-11-25.sqlite');
    expect(keptCopyPath('/data/lets-mirror.sqlite', new Date(2026, 10, 25, 14, 2, 7))).toBe('/data/lets-mirror.before-restore-2026-11-25T14-02-07.sqlite');
  });

  it('backs up, and a restore brings back member metadata changed since, keeping the database as it was', async () => {
    const { db, path, dir } = aLetsDatabase();
    const backup = join(tempDir(), backupFileName(new Date()));
    await backupDatabase(db, path, backup);
    setAliceContact(db, 'alice@changed.example');

    const restored = await restoreDatabase({ current: db, databasePath: path, source: backup, reopen: () => openDatabase(path), migrations: bundledMigrations, now: new Date(2026, 10, 25, 14, 2, 7) });

    expect(db.open).toBe(false);
    expect(aliceContact(restored.db)).toBe('alice@riverside.example');
    expect(restored.keptCopy).toBe(join(dir, 'lets-mirror.before-restore-2026-11-25T14-02-07.sqlite'));
    const kept = new Database(restored.keptCopy, { readonly: true });
    expect(kept.prepare('SELECT contact FROM member_profiles').pluck().get()).toBe('alice@changed.example');
    kept.close();
    expect(existsSync(`${path}.restoring`)).toBe(false);
    restored.db.close();
  });

  it('brings a backup of an older schema up to date on restore', async () => {
    const { db, path } = aLetsDatabase();
    const older = join(tempDir(), 'older.sqlite');
    openDatabase(older, { migrations: bundledMigrations.slice(0, 2) }).close();
    const restored = await restoreDatabase({ current: db, databasePath: path, source: older, reopen: () => openDatabase(path), migrations: bundledMigrations });
    expect(restored.backupSchemaVersion).toBe(2);
    expect(schemaVersion(restored.db)).toBe(bundledMigrations.length);
    restored.db.close();
  });

  const refusedFiles: [string, (file: string) => void, RegExp][] = [
    ['a text file', (file) => writeFileSync(file, 'member,balance\nAlice,-200\n'.repeat(200)), /is not a backup of this app's database: it is not an SQLite database, or it is damaged/],
    [
      'another program’s SQLite database',
      (file) => {
        const other = new Database(file);
        other.exec('CREATE TABLE contacts (name TEXT)');
        other.close();
      },
      /it is an SQLite database of another program/,
    ],
    [
      'a database with a schema of the same name but other steps',
      (file) => {
        const other = new Database(file);
        other.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT); INSERT INTO schema_migrations VALUES (1, 'users', 'x')");
        other.close();
      },
      /its database schema is not this app’s/,
    ],
    ['a newer app’s database', (file) => openDatabase(file, { migrations: [...bundledMigrations, { version: bundledMigrations.length + 1, name: 'future', sql: 'CREATE TABLE future (x)' }] }).close(), /was saved by a newer version of the app/],
    [
      'a damaged backup',
      (file) => {
        const good = openDatabase(file);
        good.exec(`CREATE TABLE padding (x TEXT); INSERT INTO padding SELECT hex(randomblob(500)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n)`);
        good.pragma('journal_mode = DELETE');
        good.close();
        const bytes = readFileSync(file);
        bytes.fill(0x5a, 8_192, 40_960);
        writeFileSync(file, bytes);
      },
      /damaged/,
    ],
  ];

  it.each(refusedFiles)('refuses %s and changes nothing', async (_what, write, reason) => {
    const { db, path, dir } = aLetsDatabase();
    const file = join(tempDir(), 'chosen.sqlite');
    write(file);
    const error = await refusal(() => restoreDatabase({ current: db, databasePath: path, source: file, reopen: () => openDatabase(path), migrations: bundledMigrations }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(reason);
    // Named as the treasurer chose it, not as the private copy that was checked.
    expect(error.message.startsWith('chosen.sqlite ')).toBe(true);
    expect(error.hint).toContain('Nothing was changed.');
    expect(db.open).toBe(true);
    expect(aliceContact(db)).toBe('alice@riverside.example');
    expect(existsSync(`${path}.restoring`)).toBe(false);
    expect(readdirSync(dir)).not.toContainEqual(expect.stringContaining('before-restore'));
    db.close();
  });

  it('refuses to back up over the database itself, or to restore it onto itself', async () => {
    const { db, path } = aLetsDatabase();
    expect((await refusal(() => backupDatabase(db, path, path))).message).toBe('A backup cannot be written over the database the app is using.');
    expect((await refusal(() => backupDatabase(db, path, `${path}-wal`))).code).toBe('invalid-input');
    const error = await refusal(() => restoreDatabase({ current: db, databasePath: path, source: path, reopen: () => openDatabase(path), migrations: bundledMigrations }));
    expect(error.message).toBe('That is the database the app is using now, not a backup.');
    expect(db.open).toBe(true);
    db.close();
  });

  it('puts the database as it was back when the restored one cannot be opened', async () => {
    const { db, path } = aLetsDatabase();
    const backup = join(tempDir(), 'backup.sqlite');
    await backupDatabase(db, path, backup);
    setAliceContact(db, 'alice@changed.example');
    const error = await refusal(() =>
      restoreDatabase({
        current: db,
        databasePath: path,
        source: backup,
        reopen: () => {
          throw new Error('disk I/O error');
        },
        migrations: bundledMigrations,
      }),
    );
    expect(error.message).toBe('The restored database could not be opened, so the database as it was has been put back.');
    const reopened = openDatabase(path);
    expect(aliceContact(reopened)).toBe('alice@changed.example');
    reopened.close();
  });
});
