import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { PDF_CHANNEL } from '../preload/channel';
import { isAppSender } from './ipc';
import { pdfRequest, type PdfPageSize, type PdfReply, type PdfRequest } from '../core/api/pdf-request';

/**
 * Save as PDF with Chromium's own print engine (webContents.printToPDF) on the page that asked, so the PDF is
 * exactly what the print preview shows. The page's print stylesheet decides what appears; its @page size wins
 * over `pageSize` (preferCSSPageSize) so the screen's A4 / US Letter choice and the PDF cannot disagree.
 */
function render(contents: WebContents, pageSize: PdfPageSize): Promise<Buffer> {
  return contents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: true });
}

const failure = (message: string): PdfReply => ({ ok: false, message });

export function registerPdfPrinting(appUrl: () => string): void {
  // Folders the treasurer picked in this session, by the opaque token the page was given for each.
  const folders = new Map<string, string>();

  async function handle(event: IpcMainInvokeEvent, request: PdfRequest): Promise<PdfReply> {
    const contents = event.sender;
    const owner = BrowserWindow.fromWebContents(contents);
    if (!owner) return failure('Only the app window can save a PDF.');
    switch (request.kind) {
      case 'save-file': {
        const choice = await dialog.showSaveDialog(owner, { title: 'Save as PDF', defaultPath: request.suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
        if (choice.canceled || !choice.filePath) return { ok: true, kind: 'saved', path: null };
        await writeFile(choice.filePath, await render(contents, request.pageSize));
        return { ok: true, kind: 'saved', path: choice.filePath };
      }
      case 'choose-folder': {
        const choice = await dialog.showOpenDialog(owner, { title: 'Choose a folder for the statements', properties: ['openDirectory', 'createDirectory'] });
        const path = choice.filePaths[0];
        if (choice.canceled || !path) return { ok: true, kind: 'folder', folder: null, label: '' };
        const folder = randomUUID();
        folders.set(folder, path);
        return { ok: true, kind: 'folder', folder, label: path };
      }
      case 'save-into-folder': {
        const path = folders.get(request.folder);
        if (!path) return failure('That folder is no longer available. Choose the folder again.');
        const file = join(path, request.fileName);
        await writeFile(file, await render(contents, request.pageSize));
        return { ok: true, kind: 'saved', path: file };
      }
    }
  }

  ipcMain.handle(PDF_CHANNEL, async (event: IpcMainInvokeEvent, text: unknown): Promise<PdfReply> => {
    if (!isAppSender(event, appUrl())) throw new Error('Refused a PDF request from a frame that is not the app.');
    let parsed: ReturnType<typeof pdfRequest.safeParse>;
    try {
      parsed = pdfRequest.safeParse(typeof text === 'string' ? JSON.parse(text) : undefined);
    } catch {
      return failure('The request to save a PDF could not be read.');
    }
    if (!parsed.success) return failure(`The request to save a PDF was refused: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
    try {
      return await handle(event, parsed.data);
    } catch (error) {
      return failure(`The PDF could not be saved: ${(error as Error).message}`);
    }
  });
}
