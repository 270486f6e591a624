import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PdfReply } from '../../electron/core/api/pdf-request';
import { PDF_CHANNEL } from '../../electron/preload/channel';
import { tempDir } from '../helpers/temp-dir';

// Electron cannot start on CI machines: ipcMain records the handler, the dialogs answer what each test says, and
// the page's printToPDF returns bytes that name the page size it was asked for.
const handlers = new Map<string, (...args: unknown[]) => Promise<PdfReply>>();
const dialogAnswers = { save: { canceled: false, filePath: '' as string | undefined }, open: { canceled: false, filePaths: [] as string[] } };
const printed: unknown[] = [];
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => Promise<PdfReply>) => handlers.set(channel, fn) },
  dialog: { showSaveDialog: async () => dialogAnswers.save, showOpenDialog: async () => dialogAnswers.open },
  BrowserWindow: { fromWebContents: (contents: { window?: object }) => contents.window ?? null },
}));

const APP_URL = 'file:///opt/lets/out/renderer/index.html';
const page = {
  window: {},
  printToPDF: async (options: { pageSize: string }) => {
    printed.push(options);
    return Buffer.from(`%PDF ${options.pageSize}`);
  },
};
const fromApp = { senderFrame: { url: APP_URL, parent: null }, sender: page };
const send = (request: unknown, event: object = fromApp) => handlers.get(PDF_CHANNEL)?.(event, JSON.stringify(request)) as Promise<PdfReply>;

describe('saving the page as PDF from the main process', () => {
  beforeEach(async () => {
    handlers.clear();
    printed.length = 0;
    const { registerPdfPrinting } = await import('../../electron/main/print-to-pdf');
    registerPdfPrinting(() => APP_URL);
  });

  it('writes what Chromium printed to the file the treasurer chose, preferring the page’s own @page size', async () => {
    const file = join(tempDir(), 'Alice March 2026.pdf');
    dialogAnswers.save = { canceled: false, filePath: file };
    expect(await send({ kind: 'save-file', suggestedName: 'Alice March 2026.pdf', pageSize: 'Letter' })).toEqual({ ok: true, kind: 'saved', path: file });
    expect(readFileSync(file, 'utf8')).toBe('%PDF Letter');
    expect(printed).toEqual([expect.objectContaining({ pageSize: 'Letter', preferCSSPageSize: true })]);
  });

  it('writes nothing when the treasurer cancels', async () => {
    dialogAnswers.save = { canceled: true, filePath: undefined };
    expect(await send({ kind: 'save-file', suggestedName: 'x.pdf', pageSize: 'A4' })).toEqual({ ok: true, kind: 'saved', path: null });
    expect(printed).toEqual([]);
  });

  it('saves one file per member into a folder the treasurer picked, known to the page only by a token', async () => {
    const dir = tempDir();
    dialogAnswers.open = { canceled: false, filePaths: [dir] };
    const chosen = await send({ kind: 'choose-folder' });
    if (!chosen.ok || chosen.kind !== 'folder' || !chosen.folder) throw new Error(`no folder: ${JSON.stringify(chosen)}`);
    expect(chosen.folder).not.toContain(dir);
    for (const name of ['Alice', 'Bob']) {
      expect(await send({ kind: 'save-into-folder', folder: chosen.folder, fileName: `${name}.pdf`, pageSize: 'A4' })).toMatchObject({ ok: true, path: join(dir, `${name}.pdf`) });
    }
    expect([existsSync(join(dir, 'Alice.pdf')), existsSync(join(dir, 'Bob.pdf'))]).toEqual([true, true]);
  });

  it('refuses a folder token it never gave out', async () => {
    const reply = await send({ kind: 'save-into-folder', folder: '5d0c5e9e-3c1f-4d4e-9a3b-0c1d2e3f4a5b', fileName: 'Alice.pdf', pageSize: 'A4' });
    expect(reply).toEqual({ ok: false, message: 'That folder is no longer available. Choose the folder again.' });
    expect(printed).toEqual([]);
  });

  it.each(['../escape.pdf', '/etc/passwd.pdf', 'statement.exe', '.hidden.pdf', 'a..b.pdf', 'sub/dir.pdf'])('refuses the file name %j', async (fileName) => {
    dialogAnswers.open = { canceled: false, filePaths: [tempDir()] };
    const chosen = await send({ kind: 'choose-folder' });
    const folder = chosen.ok && chosen.kind === 'folder' ? chosen.folder : null;
    expect(await send({ kind: 'save-into-folder', folder, fileName, pageSize: 'A4' })).toMatchObject({ ok: false, message: expect.stringMatching(/^The request to save a PDF was refused/) });
    expect(printed).toEqual([]);
  });

  it('refuses requests that are not JSON, or ask for anything else', async () => {
    expect(await handlers.get(PDF_CHANNEL)?.(fromApp, '{not json')).toEqual({ ok: false, message: 'The request to save a PDF could not be read.' });
    expect(await send({ kind: 'save-file', suggestedName: 'x.pdf', pageSize: 'A4', path: '/tmp/x.pdf' })).toMatchObject({ ok: false });
    expect(await send({ kind: 'delete-file' })).toMatchObject({ ok: false });
  });

  it('refuses a sub-frame or another page', async () => {
    const handle = handlers.get(PDF_CHANNEL);
    await expect(handle?.({ ...fromApp, senderFrame: { url: APP_URL, parent: {} } }, '{"kind":"choose-folder"}')).rejects.toThrow('Refused a PDF request');
    await expect(handle?.({ ...fromApp, senderFrame: { url: 'https://example.org/', parent: null } }, '{"kind":"choose-folder"}')).rejects.toThrow('Refused a PDF request');
  });
});
