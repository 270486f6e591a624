import { z } from 'zod';
import { call } from '../call';
import { nodeNetworks, nodeUrl, settingsPatchSchema } from './settings-schema';
import type { NodeCheckView, SettingsView } from './settings-types';

/**
 * Settings: chain source and network, confirmation depth, device options, and what the app knows about its LETS.
 * Backup and restore of the database are not calls: their file paths come from dialogs in the main process (see
 * electron/main/database-files.ts), never from the page.
 */
export const settingsCalls = {
  'settings.get': call<SettingsView>()(z.strictObject({})),
  /** Saves the given settings; a new chain source is checked first and refused (with the reason) if unusable. */
  'settings.update': call<SettingsView>()(settingsPatchSchema.strict()),
  /** Reads the ledger again from the chain: the mirror's blocks, boxes and entries are dropped and synced anew. */
  'settings.rebuildMirror': call<SettingsView>()(z.strictObject({})),
  /** Asks a node who it is without changing anything: network, height, whether it has the extra index. */
  'settings.checkNode': call<NodeCheckView>()(z.strictObject({ url: nodeUrl, network: z.enum(nodeNetworks) })),
} as const;
