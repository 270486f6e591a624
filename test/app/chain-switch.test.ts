import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import type { CallName } from '../../electron/core/api/contract';
import type { SettingsView } from '../../electron/core/api/calls/settings-types';
import type { MemberDetail } from '../../electron/core/api/calls/member-types';
import type { ChainStatus, LetsSummary, MemberSummary } from '../../electron/core/api/types';
import { createCore, type Core } from '../../electron/core/app/core';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { storedTip } from '../../electron/core/mirror/queries/chain-store';
import { dumpMirror } from '../helpers/mirror-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { startWithDemo } from '../helpers/demo-core';

/** One app on its built-in devnet, switched to a node and back, and restored from a backup while it syncs. */
describe('switching the chain source and restoring the database of a running app', () => {
  let core: Core;
  let node: DevnetServer;
  let dir: string;

  async function call<T>(name: CallName, input: unknown = {}): Promise<T> {
    const result = await createDispatcher(core.handlers, () => undefined).dispatch(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }
  const synced = () => expect.poll(async () => (await call<ChainStatus>('chain.status')).state, { timeout: 20_000, interval: 100 }).toBe('synced');
  const alice = async () => (await call<MemberSummary[]>('members.list')).find((m) => m.name === 'Alice') as MemberSummary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lets-switch-'));
    core = createCore({ databasePath: join(dir, 'lets-mirror.sqlite'), appVersion: '0.0.0-test' });
    await startWithDemo(core);
    const other = new DevnetChain();
    await seedDemoLets(other);
    node = await serveDevnet(other, 0, { network: 'testnet' });
    // Two demo chains are seeded through the interpreter: seconds each on a busy machine.
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await node?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on the devnet with the demo key on offer', async () => {
    await synced();
    expect(await call('signing.options')).toEqual({ signers: ['demo-key', 'ledger'] });
    expect((await alice()).balance).toBe(-2_00n);
    // The same demo chain and LETS as before the switch, read from the devnet's file: not a new demo seeded beside them.
    expect((await call<LetsSummary[]>('lets.list')).map((l) => l.name)).toEqual(['Riverside LETS', 'Hilltop Time Bank']);
  });

  it('switching to a testnet node restarts the chain there, forgets the devnet blocks and withdraws the demo key', async () => {
    const view = await call<SettingsView>('settings.update', { chainSource: node.url, nodeNetwork: 'testnet', confirmations: 3 });
    expect(view).toMatchObject({ chain: 'testnet', confirmations: { effective: 3, default: 10 } });
    await synced();
    expect(await call('signing.options')).toEqual({ signers: ['ledger'] });
    // The demo LETS lives on the devnet (though this node happens to serve a copy of it): on testnet nothing is followed,
    // and the devnet's blocks and balances are gone from the mirror. Neither the demo LETS nor its members are listed,
    // offered or printed here (with testnet addresses); their names stay for when the app goes back (next test).
    expect(storedTip(core.db)).toBeNull();
    expect(await call('lets.list')).toEqual([]);
    expect(await alice()).toBeUndefined();
    const riverside = core.db.prepare("SELECT id FROM lets WHERE name = 'Riverside LETS'").pluck().get() as bigint;
    await expect(call('statements.batch', { letsId: Number(riverside), from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' })).rejects.toThrow('That LETS is not followed by this app.');
  });

  it('switching back to the devnet brings the demo ledger and key back', async () => {
    await call('settings.update', { chainSource: 'devnet', confirmations: null });
    await synced();
    expect(await call('signing.options')).toEqual({ signers: ['demo-key', 'ledger'] });
    expect((await alice()).balance).toBe(-2_00n);
    // The same demo chain and LETS as before the switch, read from the devnet's file: not a new demo seeded beside them.
    expect((await call<LetsSummary[]>('lets.list')).map((l) => l.name)).toEqual(['Riverside LETS', 'Hilltop Time Bank']);
  });

  it('reads the ledger again from the chain on request, which mends a damaged copy; the names stay', async () => {
    // The demo chain may grow by empty blocks meanwhile; the LETS's boxes and entries are what must come back.
    const ledger = () => {
      const { boxes, entries } = dumpMirror(core.db) as Record<string, unknown>;
      return { boxes, entries };
    };
    await synced();
    const before = ledger();
    // A damaged copy: Alice's current account box says 9.99 where the chain says −2.00.
    core.db.prepare(`UPDATE box_rows SET balance = 999 WHERE owner_key = ? AND kind = 'account' AND spent_by IS NULL`).run((await alice()).ownerKey);
    expect((await alice()).balance).toBe(9_99n);
    const view = await call<SettingsView>('settings.rebuildMirror');
    expect(view.notice).toMatch(/^The ledger is being read again from the chain\./);
    await synced();
    expect(ledger()).toEqual(before);
    expect(await alice()).toMatchObject({ balance: -2_00n, contact: 'alice@riverside.example' });
  });

  it('restores member metadata from a backup, then syncs on the restored database', async () => {
    const backup = join(tempDir(), 'lets-backup.sqlite');
    await core.backupTo(backup);
    const { id } = await alice();
    await call<MemberDetail>('members.update', { id, name: 'Alice', contact: 'alice@elsewhere.example', notes: 'moved away' });
    const dbBefore = core.db;

    const { keptCopy } = await core.restoreFrom(backup);

    expect(core.db).not.toBe(dbBefore);
    expect(keptCopy.startsWith(join(dir, 'lets-mirror.before-restore-'))).toBe(true);
    expect((await alice()).contact).toBe('alice@riverside.example');
    await synced();
    expect(storedTip(core.db)).not.toBeNull();
    expect((await alice()).balance).toBe(-2_00n);
  });

  it('refuses a file that is not a backup, and the app carries on as it was', async () => {
    const notABackup = join(tempDir(), 'notes.sqlite');
    writeFileSync(notABackup, 'just some notes');
    const dbBefore = core.db;
    await expect(core.restoreFrom(notABackup)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(core.db).toBe(dbBefore);
    await synced();
    expect((await alice()).contact).toBe('alice@riverside.example');
  });
});
