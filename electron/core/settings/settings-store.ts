import type { Db } from '../mirror/database';
import { appSettingsSchema, DEFAULT_SETTINGS, settingsFields, type AppSettings, type SettingKey } from '../api/calls/settings-schema';

/*
 * The SQL of the settings table (migration 006): one row per setting, its value as JSON. Nothing else in the app
 * reads or writes that table.
 */

const keys = Object.keys(settingsFields) as SettingKey[];

/**
 * The settings as stored, each checked against its rule. A value that no longer passes (written by another version
 * of the app, or edited by hand) counts as unset, so the app starts on the default rather than on a broken value.
 */
export function readSettings(db: Db): AppSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of keys) {
    const text = stored.get(key);
    if (text === undefined) continue;
    const parsed = settingsFields[key].safeParse(JSON.parse(text));
    if (parsed.success) settings[key] = parsed.data;
  }
  return appSettingsSchema.parse(settings);
}

/** Stores the whole settings object; the caller has validated it (and runs this in its transaction). */
export function writeSettings(db: Db, settings: AppSettings): void {
  const valid = appSettingsSchema.parse(settings);
  const upsert = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const at = new Date().toISOString();
  for (const key of keys) upsert.run(key, JSON.stringify(valid[key]), at);
}
