import type { Db } from '../mirror/database';
import { moveMirrorTo } from '../mirror/queries/chain-store';
import { settingsPatchSchema, type AppSettings, type SettingsPatch } from '../api/calls/settings-schema';
import { chainOf } from './app-settings';
import { readSettings, writeSettings } from './settings-store';
import { invalidSettings } from './settings-errors';

export interface SettingsChange {
  before: AppSettings;
  after: AppSettings;
  /** The mirror's blocks, boxes and ledger entries were dropped: they belonged to another chain. */
  forgotChain: boolean;
}

/** The settings a patch would produce, checked; nothing is stored. */
export function settingsAfter(current: AppSettings, patch: SettingsPatch): AppSettings {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) throw invalidSettings(parsed.error);
  return { ...current, ...parsed.data };
}

/**
 * Saves a change of settings. When it moves the app to another chain (devnet, mainnet, testnet), the mirrored chain
 * data of the old one is dropped in the same transaction: its blocks do not exist on the new chain, and the sync
 * would otherwise take them for a reorganisation deeper than it can follow. The LETS the mirror follows, member
 * names, contacts and notes, and the outbox stay; the new chain's blocks are read from each LETS's start again.
 */
export function changeSettings(db: Db, patch: SettingsPatch): SettingsChange {
  return db.transaction((): SettingsChange => {
    const before = readSettings(db);
    const after = settingsAfter(before, patch);
    const forgotChain = chainOf(before) !== chainOf(after);
    // At once, not at the first answer of the new source: until then the LETS of the old chain must not be listed,
    // offered for enrolment or printed with the new network's addresses.
    if (forgotChain) moveMirrorTo(db, chainOf(after));
    writeSettings(db, after);
    return { before, after, forgotChain };
  }).immediate();
}
