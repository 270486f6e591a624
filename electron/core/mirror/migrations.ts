import { AppError } from '../errors/app-error';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /\/(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * Turns migration files (path → SQL text) into an ordered list and insists the numbers run 1, 2, 3 … without
 * gaps or duplicates: a gap means a file was lost, and applying the rest would build a different schema.
 */
export function orderMigrations(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE_PATTERN.exec(path);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name must look like 001_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2], sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new AppError('database-error', `Database migration ${index + 1} is missing or duplicated.`, 'Reinstall the app.');
    }
  });
  return migrations;
}

/** The migrations shipped with the app; Vite inlines the SQL files at build time. */
export const bundledMigrations: Migration[] = orderMigrations(
  import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }),
);
