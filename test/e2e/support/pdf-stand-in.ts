import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pdfRequest, type PdfReply } from '../../../electron/core/api/pdf-request';
import { RESULTS_DIR, type AppUnderTest } from './app-under-test';

export const PER_MEMBER_DIR = join(RESULTS_DIR, 'statements-per-member');

/**
 * The web bridge has no Electron main process, so the test plays its part of the PDF channel: the same request
 * schema main checks, a fixed folder for "choose folder", and Chromium's print engine (page.pdf, the engine behind
 * printToPDF) for each save. The main side itself is unit-tested in test/main/print-to-pdf.test.ts.
 */
export async function standInForMainPdf(app: AppUnderTest): Promise<void> {
  rmSync(PER_MEMBER_DIR, { recursive: true, force: true });
  mkdirSync(PER_MEMBER_DIR, { recursive: true });
  const folder = randomUUID();
  await app.page.exposeFunction('pdfFromTest', async (text: string): Promise<PdfReply> => {
    const request = pdfRequest.parse(JSON.parse(text));
    if (request.kind === 'choose-folder') return { ok: true, kind: 'folder', folder, label: PER_MEMBER_DIR };
    const path = request.kind === 'save-file' ? join(RESULTS_DIR, `saved-${request.suggestedName}`) : join(PER_MEMBER_DIR, request.fileName);
    await app.page.pdf({ path, format: request.pageSize, preferCSSPageSize: true, printBackground: true });
    return { ok: true, kind: 'saved', path };
  });
  await app.page.addInitScript(() => {
    const page = window as unknown as { letsPdf: unknown; pdfFromTest(text: string): Promise<unknown> };
    page.letsPdf = { request: (text: string) => page.pdfFromTest(text) };
  });
}
