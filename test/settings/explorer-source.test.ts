import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { DEFAULT_SETTINGS, nodeUrl, type AppSettings } from '../../electron/core/api/calls/settings-schema';
import type { SettingsView } from '../../electron/core/api/calls/settings-types';
import { createCore, type Core } from '../../electron/core/app/core';
import { openDatabase } from '../../electron/core/mirror/database';
import { storedTip } from '../../electron/core/mirror/queries/chain-store';
import { chainOf, chainRuntimeChanged, effectiveConfirmations, usesExplorer } from '../../electron/core/settings/app-settings';
import { changeSettings } from '../../electron/core/settings/settings-change';
import { readSettings } from '../../electron/core/settings/settings-store';
import { tempDir } from '../helpers/temp-dir';

const settings = (overrides: Partial<AppSettings> = {}): AppSettings => ({ ...DEFAULT_SETTINGS, ...overrides });
const explorer = (nodeNetwork: AppSettings['nodeNetwork'] = 'mainnet') => settings({ chainSource: 'explorer', nodeNetwork });

describe('the public Explorer as the chain source', () => {
  it('is stored as "explorer", on the chosen network, confirmed after 10 blocks like a node', () => {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    changeSettings(db, { chainSource: 'explorer', nodeNetwork: 'testnet' });
    const stored = readSettings(db);
    expect(stored).toMatchObject({ chainSource: 'explorer', nodeNetwork: 'testnet' });
    expect(usesExplorer(stored)).toBe(true);
    expect(chainOf(stored)).toBe('testnet');
    expect(effectiveConfirmations(stored)).toBe(10);
  });

  it('is a chain source, not a node address', () => {
    expect(nodeUrl.safeParse('explorer').success).toBe(false);
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    expect(() => changeSettings(db, { chainSource: 'explorers' })).toThrow('The node URL must start with http:// or https://.');
  });

  it('keeps the mirror when a node is swapped for the Explorer of the same network, and restarts the chain', () => {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    changeSettings(db, { chainSource: 'http://127.0.0.1:9053', nodeNetwork: 'mainnet' });
    db.prepare('INSERT INTO blocks (height, header_id, parent_id, timestamp) VALUES (7, ?, ?, 0)').run('a'.repeat(64), 'b'.repeat(64));
    expect(changeSettings(db, { chainSource: 'explorer' }).forgotChain).toBe(false);
    expect(storedTip(db)?.height).toBe(7);
    expect(changeSettings(db, { nodeNetwork: 'testnet' }).forgotChain).toBe(true);

    expect(chainRuntimeChanged(settings({ chainSource: 'http://127.0.0.1:9053' }), explorer())).toBe(true);
    expect(chainRuntimeChanged(explorer(), explorer('testnet'))).toBe(true);
    expect(chainRuntimeChanged(explorer(), { ...explorer(), pollLedger: false })).toBe(false);
  });

  describe('chosen in Settings', () => {
    const cores: Core[] = [];
    afterEach(async () => {
      await Promise.all(cores.splice(0).map((core) => core.close()));
    });

    it('is saved without checking a node, and Settings shows the network it follows', async () => {
      const core = createCore({ databasePath: join(tempDir(), 'lets-mirror.sqlite'), appVersion: '0.0.0-test' });
      cores.push(core);
      const dispatcher = createDispatcher(core.handlers, (error) => {
        throw error;
      });
      const result = await dispatcher.dispatch('settings.update', { chainSource: 'explorer', nodeNetwork: 'testnet' });
      if (!result.ok) throw new Error(result.error.message);
      const view = result.value as SettingsView;
      expect(view.settings).toMatchObject({ chainSource: 'explorer', nodeNetwork: 'testnet' });
      expect(view.chain).toBe('testnet');
      expect(view.confirmations).toEqual({ effective: 10, default: 10 });
      expect(view.notice).toBeNull();
    });
  });
});
