import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pdfRequest, type PdfReply } from '../../../electron/core/api/pdf-request';
import { createDispatcher } from '../../../electron/core/api/dispatch';
import type { MemberSummary } from '../../../electron/core/api/types';
import { RESULTS_DIR, startAppUnderTest, type AppUnderTest } from './app-under-test';

export const PER_MEMBER_DIR = join(RESULTS_DIR, 'statements-per-member');

/**
 * The web bridge has no Electron main process, so the test plays its part of the PDF channel: the same request
 * schema main checks, a fixed folder for "choose folder", and Chromium's print engine (page.pdf, the engine behind
 * printToPDF) for each save. The main side itself is unit-tested in test/main/print-to-pdf.test.ts.
 */
export async function standInForMainPdf(app: AppUnderTest): Promise<{ printMs: number[] }> {
  // How long each print took, for the benchmark to tell Chromium's part from the app's.
  const printMs: number[] = [];
  rmSync(PER_MEMBER_DIR, { recursive: true, force: true });
  mkdirSync(PER_MEMBER_DIR, { recursive: true });
  const folder = randomUUID();
  await app.page.exposeFunction('pdfFromTest', async (text: string): Promise<PdfReply> => {
    const request = pdfRequest.parse(JSON.parse(text));
    if (request.kind === 'choose-folder') return { ok: true, kind: 'folder', folder, label: PER_MEMBER_DIR };
    const path = request.kind === 'save-file' ? join(RESULTS_DIR, `saved-${request.suggestedName}`) : join(PER_MEMBER_DIR, request.fileName);
    const start = performance.now();
    await app.page.pdf({ path, format: request.pageSize, preferCSSPageSize: true, printBackground: true });
    printMs.push(performance.now() - start);
    return { ok: true, kind: 'saved', path };
  });
  await app.page.addInitScript(() => {
    const page = window as unknown as { letsPdf: unknown; pdfFromTest(text: string): Promise<unknown> };
    page.letsPdf = { request: (text: string) => page.pdfFromTest(text) };
  });
  return { printMs };
}

/** The demo app shown once its mirror is up to date, saving PDFs through the stand-in, and the members it lists. */
export async function startDemoAppPrinting(): Promise<{ app: AppUnderTest; members: MemberSummary[] }> {
  const app = await startAppUnderTest({ withChain: true });
  await standInForMainPdf(app);
  await app.page.goto(app.bridge.url);
  await app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
  const listed = await createDispatcher(app.core.handlers, () => undefined).dispatch('members.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return { app, members: listed.value as MemberSummary[] };
}
