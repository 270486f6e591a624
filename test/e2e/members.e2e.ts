import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLets } from '../../electron/core/mirror/queries/lets';
import { findMember, listMembers } from '../../electron/core/mirror/queries/members';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

// Compressed keys of real curve points (4G and 5G of secp256k1): members who have no account on the demo chain.
const KEYS = {
  dora: '02e493dbf1c10d80f3581e4904930b1404cc6c13900ee0758474fa94abe8c4cd13',
  erin: '022f8bde4d1a07209355b4a7250a5c5128e88b84bddc619ab7cba8d569b240efe4',
};
const csvFile = (text: string) => ({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
const MEMBERS_CSV = ['name,contact,notes,public_key', `Dora,dora@riverside.example,"Bakes bread, Fridays",${KEYS.dora}`];

describe('dashboard and members on the demo LETS', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startAppUnderTest({ withChain: true });
    await app.page.goto(app.bridge.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  const rows = () => app.page.locator('.member-table tbody tr td:first-child').allTextContents();
  // The devnet also seeds a trustless LETS; these tests are about the committee demo (listed first).
  const riversideMembers = () => listMembers(app.core.db, { letsId: listLets(app.core.db).find((l) => l.name === 'Riverside LETS')?.id ?? null });
  const riversideCard = () => app.page.getByRole('listitem').filter({ has: app.page.getByRole('heading', { name: 'Riverside LETS' }) });

  it('shows the demo numbers on the dashboard: 3 members, 3.50 credit issued, trial balance 0, 2 trades this month', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), { timeout: 30_000 }).toMatch(/Up to date at block \d+/);
    const facts = riversideCard().locator('.facts');
    await expect.poll(() => facts.textContent(), { timeout: 15_000 }).toContain('Members3');
    const text = await facts.textContent();
    expect(text).toContain('Trial balance0.00 ✓ balances add up to zero');
    expect(text).toContain('Credit issued3.50');
    expect(text).toMatch(/Trades in \w+ \d{4}2/);
    expect(text).toContain('Not enrolled yetnone');
    const nearLimit = riversideCard().getByRole('region', { name: 'Members near their floor or cap' });
    expect(await nearLimit.textContent()).toContain('Nobody is near a limit.');
    expect(await nearLimit.textContent()).toContain('within 10 % of the allowed range');
    const device = await app.core.handlers['device.status']({});
    // The card asks for the device's status on its own: until that answer comes it says "Checking…".
    const chainAndDevice = page.getByRole('region', { name: 'Chain and device' });
    await expect
      .poll(() => chainAndDevice.textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`SyncUp to date at block \\d+\\.?Ledger device${device.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(await page.getByRole('region', { name: 'Transactions that need you' }).textContent()).toContain('Nothing is waiting');
    await app.screenshot('members-1-dashboard');
  });

  it('searches and sorts the directory with the mouse and the keyboard', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Members' }).click();
    await expect.poll(rows).toEqual(['Alice', 'Bob', 'Charlie']);
    await page.getByLabel('Search members').fill('char');
    await expect.poll(rows).toEqual(['Charlie']);
    await page.getByLabel('Search members').fill('');
    await expect.poll(rows).toEqual(['Alice', 'Bob', 'Charlie']);

    const balanceHeader = page.getByRole('columnheader', { name: /Balance/ });
    await balanceHeader.getByRole('button').click();
    await expect.poll(() => balanceHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(rows).toEqual(['Alice', 'Bob', 'Charlie']);
    await balanceHeader.getByRole('button').click();
    await expect.poll(() => balanceHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(rows).toEqual(['Charlie', 'Bob', 'Alice']);
    expect(await page.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('none');
    await expect.poll(() => page.locator('.member-table tbody tr').first().textContent()).toMatch(/^Charliecharlie@riverside\.example3\.50\d{4}-\d{2}-\d{2}$/);

    // Keyboard only: focus the Name header's button, Enter sorts by name; again sorts in reverse.
    await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(rows).toEqual(['Alice', 'Bob', 'Charlie']);
    await page.keyboard.press('Enter');
    await expect.poll(rows).toEqual(['Charlie', 'Bob', 'Alice']);
    expect(await page.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
    await app.screenshot('members-2-directory-sorted');
    await page.keyboard.press('Enter');
  });

  it('opens Alice: balance, headroom, chain references and her history', async () => {
    const { page, core } = app;
    await page.getByRole('button', { name: 'Alice', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Alice' }).isVisible()).toBe(true);
    const facts = await page.locator('.member-detail .facts').textContent();
    const alice = listMembers(core.db, { search: 'Alice' })[0];
    const boxId = findMember(core.db, alice?.id ?? 0)?.accountBoxId;
    expect(facts).toContain('Balance−2.00');
    expect(facts).toContain('Can still spend198.00 (floor −200.00)');
    expect(facts).toContain('Can still receive502.00 (cap 500.00)');
    expect(facts).toContain(`Account box${boxId}`);
    expect(facts).toMatch(/Owner address3\w{50,} \(testnet\)/);
    const history = page.locator('.history-table tbody tr');
    await expect.poll(() => history.count()).toBe(2);
    const [trade, enrolment] = await history.allTextContents();
    expect(trade).toMatch(/^\d{4}-\d{2}-\d{2}Bob—−2\.00−2\.00\d+[0-9a-f]{8}…[0-9a-f]{6}(confirmed|\d confirmations?)Reverse…$/);
    expect(enrolment).toMatch(/^\d{4}-\d{2}-\d{2}—Enrolled0\.00\d+/);
    await app.screenshot('members-3-alice-detail');
    await page.locator('.history-table').scrollIntoViewIfNeeded();
    await app.screenshot('members-3b-alice-history');
  });

  it('edits Alice’s contact, refuses an empty name, and keeps the change in the database', async () => {
    const { page, core } = app;
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The name cannot be empty.');
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Alice');
    await page.getByRole('textbox', { name: 'Contact', exact: true }).fill('alice@market.example');
    await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('Treasurer of the bakery co-op');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).isVisible()).toBe(true);
    expect(await page.locator('.local-only').textContent()).toContain('Stored only on this computer');
    const alice = listMembers(core.db, { search: 'Alice' })[0];
    expect(findMember(core.db, alice?.id ?? 0)).toMatchObject({ contact: 'alice@market.example', notes: 'Treasurer of the bakery co-op' });
    await app.screenshot('members-4-alice-edited');
    await page.getByRole('button', { name: '← All members' }).click();
    await expect.poll(() => page.locator('.member-table tbody tr').first().textContent()).toContain('alice@market.example');
  });

  it('imports nothing from a CSV with a bad row, shows the row’s problem, then imports the fixed file', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await page.getByLabel('CSV file to import').setInputFiles(csvFile([...MEMBERS_CSV, `Erin,,,${KEYS.erin.slice(0, 64)}`].join('\n')));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Row 3: the public key is not 33 bytes of hex');
    expect(await page.getByRole('button', { name: /^Import \d+ member/ }).isDisabled()).toBe(true);
    expect(riversideMembers()).toHaveLength(3);
    await app.screenshot('members-5-import-bad-row');

    await page.getByLabel('CSV file to import').setInputFiles(csvFile([...MEMBERS_CSV, `Erin,,,${KEYS.erin}`].join('\n')));
    await expect.poll(() => page.getByRole('heading', { name: 'Ready to import' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Import 2 members' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'imported' }).textContent()).toBe(
      '2 members imported. 2 not enrolled yet: enrol them with the enrolment wizard.',
    );
    await expect.poll(rows).toEqual(['Alice', 'Bob', 'Charlie', 'Dora', 'Erin']);
    expect(await page.locator('.member-table tbody tr', { hasText: 'Dora' }).textContent()).toBe('Doradora@riverside.examplenot enrolled—');
    expect(riversideMembers().map((m) => [m.name, m.state, m.balance])).toContainEqual(['Erin', 'not-enrolled', null]);
    await app.screenshot('members-6-imported');
  });

  it('exports the members as CSV through a download', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^riverside-lets-members-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('name,contact,notes,public_key,address,state,balance,last_trade');
    expect(lines[1]).toMatch(/^Alice,alice@market\.example,Treasurer of the bakery co-op,0[23][0-9a-f]{64},3\w+,enrolled,-2\.00,\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(lines[2]).toMatch(/^Bob,bob@riverside\.example,,0[23][0-9a-f]{64},3\w+,enrolled,-1\.50,/);
    expect(lines[3]).toMatch(/^Charlie,charlie@riverside\.example,,0[23][0-9a-f]{64},3\w+,enrolled,3\.50,/);
    expect(lines[4]).toMatch(new RegExp(`^Dora,dora@riverside\\.example,"Bakes bread, Fridays",${KEYS.dora},3\\w+,not enrolled,,$`));
    expect(lines).toHaveLength(7);
    await app.screenshot('members-7-exported');
  });

  it('logged no unexpected errors in the core', () => {
    expect(app.unexpectedErrors).toEqual([]);
  });
});
