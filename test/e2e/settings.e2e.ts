import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import type { MemberSummary } from '../../electron/core/api/types';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { seriousAccessibilityViolations } from './support/accessibility';
import { RESULTS_DIR, startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { standInForMainDatabaseFiles, type DatabaseFilesStandIn } from './support/database-files-stand-in';

const BACKUP_DIR = join(RESULTS_DIR, 'settings-backups');

describe('the Settings screen', () => {
  let app: AppUnderTest;
  let files: DatabaseFilesStandIn;
  let node: DevnetServer;

  async function call<T>(name: string, input: unknown = {}): Promise<T> {
    const result = await createDispatcher(app.core.handlers, () => undefined).dispatch(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }
  const alice = async () => (await call<MemberSummary[]>('members.list')).find((m) => m.name === 'Alice') as MemberSummary;
  const section = (name: string) => app.page.getByRole('region', { name });
  const upToDate = () => app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });

  beforeAll(async () => {
    mkdirSync(BACKUP_DIR, { recursive: true });
    app = await startAppUnderTest({ withChain: true });
    files = await standInForMainDatabaseFiles(app, BACKUP_DIR);
    const other = new DevnetChain();
    await seedDemoLets(other);
    node = await serveDevnet(other, 0, { network: 'testnet' });
    await app.page.goto(app.bridge.url);
    await upToDate();
    await app.page.getByRole('button', { name: 'Settings' }).click();
  });

  afterAll(async () => {
    await app?.close();
    await node?.close();
  });

  it('shows the chain, the LETS parameters read from chain, which rules the chain enforces, the database and the version', async () => {
    const { page } = app;
    await expect.poll(() => section('Chain').getByText('The app follows the built-in demo chain.', { exact: false }).isVisible()).toBe(true);
    const lets = page.getByRole('article', { name: 'Riverside LETS' });
    // The rules arrive in a call of their own, after the parameters.
    await expect.poll(() => lets.textContent(), { timeout: 10_000 }).toMatch(/Enforced by the chain/);
    const text = (await lets.textContent()) ?? '';
    expect(text).toContain('EUR-LETS');
    expect(text).toMatch(/Source\s*Read from the chain/);
    expect(text).toMatch(/Enforced by the chain.*Credit floor: No payment can take a balance below [−-]\d+\.\d\d EUR-LETS/);
    expect(text).toContain('Conservation');
    expect(text).toMatch(/Closing: The committee can close an account only when its balance is exactly 0\.00/);
    expect(text).toMatch(/Kept by this app or its people, not by the chain.*Settling before leaving.*Names, contacts and notes: Kept only on this computer/);
    expect(await section('Local database').getByText(/mirror\.sqlite$/).isVisible()).toBe(true);
    // Where the copy was read from, and what it passed there.
    const reads = section('Local copy of the ledger').getByRole('table', { name: 'Where the copy was read from' });
    expect(await reads.getByRole('row').nth(1).textContent()).toMatch(/^[\d,]+–[\d,]+every LETS followedthe built-in demo chainids from content, transactions root, proof of work, difficulty$/);
    expect(await section('About').getByText('0.0.0-e2e').isVisible()).toBe(true);
    await app.screenshot('settings');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('refuses a node address that is not a URL, saying what is wrong', async () => {
    const chain = section('Chain');
    await chain.getByLabel('My Ergo node').check();
    // Settings says what the app checks of a chain source, and what it still takes on its word.
    const nodeChecks = await chain.getByText(/^What the app checks of a node, as a light wallet does:/).textContent();
    expect(nodeChecks).toContain('carry a valid Autolykos proof of work');
    expect(nodeChecks).toContain('the node’s proof that each transaction is in its block');
    await chain.getByLabel('Public Ergo Explorer (mainnet/testnet)').check();
    expect(await chain.getByText(/^What the app checks of the Explorer:/).textContent()).toContain('for full checking, use an Ergo node');
    await chain.getByLabel('My Ergo node').check();
    await chain.getByLabel('Node URL').fill('node.example:9053');
    await chain.getByRole('button', { name: 'Save and connect' }).click();
    await chain.getByRole('alert').getByText(/The node URL must start with http:\/\/ or https:\/\//).waitFor();
    await app.screenshot('settings-invalid-node');
    expect((await call<{ settings: { chainSource: string } }>('settings.get')).settings.chainSource).toBe('devnet');
  });

  it('backs up, and a restore brings back member metadata changed since', async () => {
    const { page } = app;
    const database = section('Local database');
    await database.getByRole('button', { name: 'Back up the database…' }).click();
    const saved = (await database.getByRole('status').getByText(/^Backed up to /).textContent()) ?? '';
    const backup = saved.replace(/^Backed up to /, '');
    expect(backup).toMatch(/lets-backup-\d{4}-\d{2}-\d{2}\.sqlite$/);

    const { id } = await alice();
    await call('members.update', { id, name: 'Alice', contact: 'alice@moved.example', notes: 'changed after the backup' });
    files.restoreFile = backup;
    await database.getByRole('button', { name: 'Restore from a backup…' }).click();
    await database.getByRole('group', { name: 'Replace this computer’s database with a backup?' }).waitFor();
    await app.screenshot('settings-restore-confirm');
    await database.getByRole('button', { name: 'Choose the backup file…' }).click();
    await database.getByRole('status').getByText(/^Restored from .*The database as it was is kept at .*before-restore-.*\.sqlite\.$/).waitFor({ timeout: 30_000 });
    expect((await alice()).contact).toBe('alice@riverside.example');
    await upToDate();
    await app.screenshot('settings-restored');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const notes = join(BACKUP_DIR, 'notes.sqlite');
    writeFileSync(notes, 'these are not the droids');
    files.restoreFile = notes;
    const database = section('Local database');
    await database.getByRole('button', { name: 'Restore from a backup…' }).click();
    await database.getByRole('button', { name: 'Choose the backup file…' }).click();
    await database.getByRole('alert').getByText("notes.sqlite is not a backup of this app's database", { exact: false }).waitFor();
    expect(await database.getByRole('alert').textContent()).toContain('Nothing was changed.');
    expect((await alice()).contact).toBe('alice@riverside.example');
    await app.screenshot('settings-restore-refused');
  });

  it('reads the ledger again from the chain when asked, which mends a damaged copy; the names stay', async () => {
    const before = await call<MemberSummary[]>('members.list');
    // A damaged copy: Alice's current account box says 9.99 where the chain says otherwise.
    app.core.db.prepare(`UPDATE box_rows SET balance = 999 WHERE owner_key = ? AND kind = 'account' AND spent_by IS NULL`).run((await alice()).ownerKey);
    expect((await alice()).balance).toBe(9_99n);
    const mirror = section('Local copy of the ledger');
    await mirror.getByRole('button', { name: 'Read the ledger again from the chain…' }).click();
    await mirror.getByRole('group', { name: 'Read the whole ledger again from the chain?' }).waitFor();
    await mirror.getByRole('button', { name: 'Read it again' }).click();
    await mirror.getByRole('status').getByText(/^The ledger is being read again from the chain\./).waitFor({ timeout: 30_000 });
    await upToDate();
    await expect.poll(() => call<MemberSummary[]>('members.list'), { timeout: 30_000 }).toEqual(before);
    expect(await seriousAccessibilityViolations(app.page)).toEqual([]);
  });

  it('checks a node, refuses it on the wrong network, and follows it on the right one', async () => {
    const chain = section('Chain');
    await chain.getByLabel('My Ergo node').check();
    await chain.getByLabel('Node URL').fill(node.url);
    await chain.getByLabel('Network of the ledger').selectOption('mainnet');
    await chain.getByRole('button', { name: 'Save and connect' }).click();
    await chain.getByRole('alert').getByText(`The Ergo node at ${node.url} is on testnet, but this ledger lives on mainnet.`).waitFor({ timeout: 15_000 });

    await chain.getByLabel('Network of the ledger').selectOption('testnet');
    await chain.getByRole('button', { name: 'Check the node' }).click();
    await chain.getByRole('status').getByText(/^Connected to a testnet node at block \d+, with the extra index/).waitFor({ timeout: 15_000 });
    await chain.getByRole('button', { name: 'Save and connect' }).click();
    await chain.getByText('The app follows an Ergo testnet node.', { exact: false }).waitFor({ timeout: 15_000 });
    await upToDate();
    await app.screenshot('settings-node');
    expect(await call('signing.options')).toEqual({ signers: ['ledger'] });

    await chain.getByLabel('Built-in demo chain (test coins, demo LETS)').check();
    await chain.getByRole('button', { name: 'Save and connect' }).click();
    await chain.getByText('The app follows the built-in demo chain.', { exact: false }).waitFor({ timeout: 15_000 });
    await upToDate();
    expect(await call('signing.options')).toEqual({ signers: ['demo-key', 'ledger'] });
  });

  it('stops looking for the Ledger when polling is turned off', async () => {
    await section('Ledger device').getByLabel('Look for the Ledger every few seconds').uncheck();
    await app.page.getByRole('contentinfo', { name: 'Status' }).getByText('Not checked: looking for the Ledger is off in Settings').waitFor({ timeout: 15_000 });
    await app.screenshot('settings-device-polling-off');
  });

  it('logged no unexpected errors in the core', () => {
    expect(app.unexpectedErrors).toEqual([]);
  });
});
