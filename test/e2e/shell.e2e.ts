import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';
import { inNarrowWindows } from './support/narrow-windows';

const SCREENS = ['Dashboard', 'Members', 'Ledger', 'Statements', 'Found a LETS', 'Follow a LETS', 'Settings'] as const;

describe('the app shell in Chromium through the web bridge', () => {
  let app: AppUnderTest;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await startAppUnderTest();
    app.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await app.page.goto(app.bridge.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens on the dashboard with chain and device status from the core', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    await expect.poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent()).toContain('Not connected to a chain yet');
    await expect.poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent()).toContain('No Ledger connected');
    // Nothing followed yet: the three ways in.
    expect(await page.getByRole('heading', { name: 'Welcome: how would you like to start?' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Try the demo' }).isVisible()).toBe(true);
  });

  it('visits every screen from the navigation and keeps a screenshot of each', async () => {
    const { page } = app;
    for (const title of SCREENS) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title, exact: true }).getAttribute('aria-current')).toBe('page');
      // The app starts on the demo chain: every screen says, without crowding it, that nothing on it is real.
      expect(await page.getByRole('note', { name: 'Demo chain' }).textContent()).toBe('Made up on this computer: its coins, members and trades are not real.');
      await app.screenshot(`shell-${title.toLowerCase()}`);
    }
    expect(await page.locator('.path').textContent()).toContain('mirror.sqlite');
  });

  it('fits every screen in a small laptop’s window (1024×700) and a narrow one (800×600) without sideways scrolling', async () => {
    const { page } = app;
    await inNarrowWindows(page, async (width) => {
      for (const title of SCREENS) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title }).click();
        await expect.poll(() => page.locator('h1').textContent()).toBe(title);
        const overflow = await page.locator('main').evaluate((main) => main.scrollWidth - main.clientWidth);
        expect({ title, width, overflow }).toEqual({ title, width, overflow: 0 });
        if (width === 800) await app.screenshot(`shell-${title.toLowerCase()}-800x600`);
      }
    });
  });

  it('navigates with the keyboard alone', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Dashboard' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Members');
  });

  it('lists and searches members stored in the real database', async () => {
    const { page, core } = app;
    const letsId = addLets(core.db, { letsTokenId: 'a'.repeat(64), name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -20_000n, creditCap: null });
    addMemberProfile(core.db, { letsId, ownerKey: '02' + '1'.repeat(64), name: 'Alice Martin', contact: 'alice@example.org' });
    addMemberProfile(core.db, { letsId, ownerKey: '02' + '2'.repeat(64), name: 'Bob Ndiaye', contact: 'market stall 4' });
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Riverside LETS' }).isVisible()).toBe(true);
    expect(await page.locator('.facts').first().textContent()).toContain('−200.00');
    await page.getByRole('button', { name: 'Members' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Search members').fill('stall');
    await expect.poll(() => page.locator('tbody tr').allTextContents()).toEqual(['Bob Ndiayemarket stall 4not enrolled—']);
    await app.screenshot('shell-members-search');
    await page.getByLabel('Search members').fill('nobody');
    await expect.poll(() => page.getByRole('heading', { name: 'No member matches' }).isVisible()).toBe(true);
  });

  it('shows a core validation error as a readable notice, not a stack trace', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Members' }).click();
    await page.getByLabel('Search members').fill('x'.repeat(101));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Search text can be at most 100 characters.');
    expect(await alert.textContent()).toContain('Correct the highlighted value');
    expect(await alert.textContent()).not.toMatch(/at \w+ \(|Error:/);
    await app.screenshot('shell-members-invalid-search');
    await page.getByLabel('Search members').fill('');
  });

  it('enforces the Content-Security-Policy: an injected inline script does not run', async () => {
    const ran = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      const blocked = new Promise((resolve) => document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true }));
      document.body.append(script);
      await blocked;
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });

  it('refuses API calls without the token or from another origin', async () => {
    const { bridge } = app;
    const call = (headers: Record<string, string>) => fetch(`${bridge.origin}/api/app.info`, { method: 'POST', headers, body: '{}' });
    expect((await call({})).status).toBe(403);
    expect((await call({ authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await call({ authorization: `Bearer ${bridge.token}`, origin: 'http://evil.example' })).status).toBe(403);
    const ok = await call({ authorization: `Bearer ${bridge.token}` });
    expect(await ok.json()).toMatchObject({ ok: true, value: { version: '0.0.0-e2e' } });
  });

  it('has no serious accessibility violations on any screen (axe-core)', async () => {
    const { page } = app;
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const title of SCREENS) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title, exact: true }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        const result = await axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations, `${title} screen`).toEqual([]);
    }
  });

  it('logged no errors in the page or the core', () => {
    expect(consoleErrors.filter((text) => !text.includes('Content Security Policy'))).toEqual([]);
    expect(app.unexpectedErrors).toEqual([]);
  });
});
