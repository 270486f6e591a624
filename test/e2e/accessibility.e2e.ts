import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screens, screenTitles } from '../../renderer/src/screens/navigation';
import { seriousAccessibilityViolations } from './support/accessibility';
import { startDemoAppShown, type AppUnderTest } from './support/app-under-test';

describe('every screen, for keyboard and screen-reader users', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startDemoAppShown();
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(screens.map((id) => [screenTitles[id]]))('%s has no serious or critical axe findings', async (title) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title, exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the record-a-trade form and its review have no serious findings either', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Ledger', exact: true }).click();
    await page.getByRole('button', { name: 'Record a trade' }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Who pays').selectOption({ label: 'Bob (−1.50)' });
    await page.getByLabel('Who is paid').selectOption({ label: 'Alice (−2.00)' });
    await page.getByLabel('Amount (EUR-LETS)').fill('1');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('region', { name: 'Check before signing' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('moves between screens with the keyboard alone', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(screenTitles[screens[1]]);
  });
});
