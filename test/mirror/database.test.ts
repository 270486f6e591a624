import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors/app-error';
import { bundledMigrations, orderMigrations, type Migration } from '../../electron/core/mirror/migrations';
import { migrate, openDatabase, schemaVersion } from '../../electron/core/mirror/database';
import { addLets, listLets } from '../../electron/core/mirror/queries/lets';
import { tempDir } from '../helpers/temp-dir';

const tableNames = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const migration = (version: number, sql: string): Migration => ({ version, name: `step_${version}`, sql });

describe('the mirror database file', () => {
  it('is created in the given folder with WAL, foreign keys and every bundled migration applied', () => {
    const file = join(tempDir(), 'nested', 'mirror.sqlite');
    const db = openDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1n);
    expect(schemaVersion(db)).toBe(bundledMigrations.length);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['lets', 'member_profiles', 'schema_migrations']));
    db.close();
  });

  it('keeps money exact to the last unit at the 64-bit limits (safeIntegers)', () => {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    addLets(db, { letsTokenId: 'b'.repeat(64), name: 'Extremes', unit: 'hours', model: 'committee', creditFloor: -(2n ** 63n), creditCap: 2n ** 63n - 1n });
    const [lets] = listLets(db);
    expect(lets?.creditFloor).toBe(-9_223_372_036_854_775_808n);
    expect(lets?.creditCap).toBe(9_223_372_036_854_775_807n);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    expect(() => db.prepare("INSERT INTO member_profiles (lets_id, owner_key, name) VALUES (42, ?, 'Ghost')").run('02' + '0'.repeat(64))).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies migrations once: reopening the same file changes nothing', () => {
    const file = join(tempDir(), 'mirror.sqlite');
    const first = openDatabase(file);
    const letsId = addLets(first, { letsTokenId: 'c'.repeat(64), name: 'Kept', unit: 'EUR-LETS', model: 'committee', creditFloor: -100n, creditCap: null });
    first.close();
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(bundledMigrations.length);
    expect((again.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: bigint }).n).toBe(BigInt(bundledMigrations.length));
    expect(listLets(again).map((l) => l.id)).toEqual([letsId]);
    again.close();
  });

  it('rolls every pending migration back when one fails, leaving the database as it was', () => {
    const file = join(tempDir(), 'mirror.sqlite');
    const steps = [migration(1, 'CREATE TABLE first (id INTEGER PRIMARY KEY)')];
    openDatabase(file, { migrations: steps }).close();

    const broken = [...steps, migration(2, 'CREATE TABLE second (id INTEGER)'), migration(3, 'CREATE TABLE oops (')];
    const failure = (() => {
      try {
        openDatabase(file, { migrations: broken });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toBe('Updating the local database failed at step 3 (step_3); nothing was changed.');

    const db = openDatabase(file, { migrations: steps });
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).not.toContain('second');
    db.close();
  });

  it('refuses a database written by a newer app instead of guessing', () => {
    const file = join(tempDir(), 'mirror.sqlite');
    openDatabase(file, { migrations: [migration(1, 'SELECT 1'), migration(2, 'SELECT 1')] }).close();
    expect(() => openDatabase(file, { migrations: [migration(1, 'SELECT 1')] })).toThrow(/newer version of the app \(schema 2, this app knows 1\)/);
  });

  it('migrates an in-memory database the same way', () => {
    const db = openDatabase(':memory:');
    migrate(db, bundledMigrations);
    expect(schemaVersion(db)).toBe(bundledMigrations.length);
    db.close();
  });
});

describe('migration files', () => {
  it('are ordered by their number', () => {
    const ordered = orderMigrations({ './migrations/002_b.sql': 'B', './migrations/001_a.sql': 'A' });
    expect(ordered.map((m) => [m.version, m.name, m.sql])).toEqual([[1, 'a', 'A'], [2, 'b', 'B']]);
  });

  it('must be numbered without gaps', () => {
    expect(() => orderMigrations({ './migrations/001_a.sql': 'A', './migrations/003_c.sql': 'C' })).toThrow('Database migration 2 is missing or duplicated.');
  });

  it('must be named NNN_name.sql', () => {
    expect(() => orderMigrations({ './migrations/first.sql': 'A' })).toThrow(/001_name\.sql/);
  });
});
