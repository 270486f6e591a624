import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { storedTip } from '../../electron/core/mirror/queries/chain-store';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { DEFAULT_SETTINGS, type AppSettings } from '../../electron/core/api/calls/settings-schema';
import { chainRuntimeChanged, effectiveConfirmations } from '../../electron/core/settings/app-settings';
import { changeSettings } from '../../electron/core/settings/settings-change';
import { readSettings } from '../../electron/core/settings/settings-store';
import { tempDir } from '../helpers/temp-dir';
import { refusalOf } from '../helpers/refusal';

const aDatabase = (): Db => openDatabase(join(tempDir(), 'mirror.sqlite'));
const settings = (overrides: Partial<AppSettings> = {}): AppSettings => ({ ...DEFAULT_SETTINGS, ...overrides });


describe('settings stored on this computer', () => {
  it('starts on the demo chain, 2 confirmations, polling the Ledger, with no demo LETS until the treasurer asks for them', () => {
    const db = aDatabase();
    expect(readSettings(db)).toEqual({ chainSource: 'devnet', nodeNetwork: 'mainnet', confirmations: null, pollLedger: true, demoLets: false, mainnetConfirmed: false, paperSize: null });
    expect(effectiveConfirmations(readSettings(db))).toBe(2);
  });

  it('keeps the demo LETS of a mirror set up before the first start offered its three ways in', () => {
    const file = join(tempDir(), 'mirror.sqlite');
    const older = openDatabase(file, { migrations: bundledMigrations.slice(0, 13) });
    addLets(older, { letsTokenId: 'c'.repeat(64), name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -200_00n, creditCap: null });
    older.close();
    expect(readSettings(openDatabase(file))).toMatchObject({ chainSource: 'devnet', demoLets: true });
  });

  it('keeps a change across a restart of the app', () => {
    const dir = tempDir();
    const first = openDatabase(join(dir, 'mirror.sqlite'));
    changeSettings(first, { chainSource: 'https://node.example:9053/', nodeNetwork: 'testnet', confirmations: 12, pollLedger: false });
    first.close();
    const again = openDatabase(join(dir, 'mirror.sqlite'));
    // One spelling per node: the trailing slash is dropped.
    expect(readSettings(again)).toEqual({ chainSource: 'https://node.example:9053', nodeNetwork: 'testnet', confirmations: 12, pollLedger: false, demoLets: false, mainnetConfirmed: false, paperSize: null });
  });

  it('defaults to 10 confirmations on a node, and a chosen depth wins over either default', () => {
    expect(effectiveConfirmations(settings({ chainSource: 'http://127.0.0.1:9053' }))).toBe(10);
    expect(effectiveConfirmations(settings({ chainSource: 'http://127.0.0.1:9053', confirmations: 3 }))).toBe(3);
    expect(effectiveConfirmations(settings({ confirmations: 30 }))).toBe(30);
  });

  it.each([
    [{ chainSource: 'ftp://node.example' }, 'The node URL must start with http:// or https://.'],
    [{ chainSource: '127.0.0.1:9053' }, 'The node URL must start with http:// or https://.'],
    [{ chainSource: 'http://user:secret@node.example' }, 'The node URL must not contain a user name or password.'],
    [{ chainSource: 'http://node.example/?api_key=1' }, 'The node URL must not contain ? or #.'],
    [{ chainSource: 'http://' }, '"http://" is not a web address.'],
    [{ confirmations: 0 }, 'The confirmation depth must be at least 1 block.'],
    [{ confirmations: 101 }, 'The confirmation depth can be at most 100 blocks.'],
    [{ confirmations: 2.5 }, 'The confirmation depth must be a whole number of blocks.'],
    [{ nodeNetwork: 'devnet' }, 'The network must be mainnet or testnet.'],
  ])('refuses %j with a clear message and changes nothing', (patch, message) => {
    const db = aDatabase();
    changeSettings(db, { confirmations: 5 });
    const error = refusalOf(() => changeSettings(db, patch as Partial<AppSettings>));
    expect(error).toMatchObject({ code: 'invalid-input', message });
    expect(error.hint).toContain('Nothing was changed.');
    expect(readSettings(db)).toEqual(settings({ confirmations: 5 }));
  });

  it('falls back to the default for a stored value that breaks its rule (edited by hand, another version)', () => {
    const db = aDatabase();
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('confirmations', '5000', 'now'), ('chainSource', '\"gopher://x\"', 'now')").run();
    expect(readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('drops the mirrored blocks of the old chain when moving to another network, and keeps them on the same one', () => {
    const db = aDatabase();
    db.prepare("INSERT INTO blocks (height, header_id, parent_id, timestamp) VALUES (7, ?, ?, 0)").run('a'.repeat(64), 'b'.repeat(64));
    expect(changeSettings(db, { confirmations: 4 }).forgotChain).toBe(false);
    expect(storedTip(db)?.height).toBe(7);

    expect(changeSettings(db, { chainSource: 'http://127.0.0.1:9053', nodeNetwork: 'testnet' }).forgotChain).toBe(true);
    expect(storedTip(db)).toBeNull();
  });

  it('restarts the chain only for what the runtime depends on', () => {
    const node = settings({ chainSource: 'http://127.0.0.1:9053' });
    expect(chainRuntimeChanged(settings(), settings({ pollLedger: false }))).toBe(false);
    expect(chainRuntimeChanged(settings(), node)).toBe(true);
    expect(chainRuntimeChanged(node, { ...node, nodeNetwork: 'testnet' })).toBe(true);
    // The devnet ignores the node network; an explicit depth equal to the default changes nothing either.
    expect(chainRuntimeChanged(settings(), settings({ nodeNetwork: 'testnet' }))).toBe(false);
    expect(chainRuntimeChanged(settings(), settings({ confirmations: 2 }))).toBe(false);
    expect(chainRuntimeChanged(settings(), settings({ confirmations: 3 }))).toBe(true);
  });
});
