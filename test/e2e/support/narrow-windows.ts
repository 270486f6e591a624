import type { Page } from 'playwright-core';

/** A small laptop's window and a narrow one, the sizes the screens must still serve (issue 16). */
const NARROW_WINDOWS = [
  [1024, 700],
  [800, 600],
] as const;

/** Runs `each` with the page at each narrow size in turn, then gives the page back its usual 1280×800. */
export async function inNarrowWindows(page: Page, each: (width: number, height: number) => Promise<void>): Promise<void> {
  for (const [width, height] of NARROW_WINDOWS) {
    await page.setViewportSize({ width, height });
    await each(width, height);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
