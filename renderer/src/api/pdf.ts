import type { PdfPageSize, PdfReply, PdfRequest } from '../../../electron/core/api/pdf-request';

export type { PdfPageSize };

declare global {
  interface Window {
    /** Exposed by the Electron preload only; absent in the test/dev web bridge. */
    letsPdf?: { request(text: string): Promise<unknown> };
  }
}

/** A save that main refused or that failed, in a sentence for the treasurer. */
export class PdfError extends Error {}

/** Saving as PDF needs Electron's printToPDF; in a plain browser the screen offers Print instead. */
export function canSavePdf(): boolean {
  return window.letsPdf !== undefined;
}

async function ask(request: PdfRequest): Promise<Exclude<PdfReply, { ok: false }>> {
  if (!window.letsPdf) throw new PdfError('Saving as PDF works in the desktop app only; use Print instead.');
  const reply = (await window.letsPdf.request(JSON.stringify(request))) as PdfReply;
  if (!reply.ok) throw new PdfError(reply.message);
  return reply;
}

/** The whole page (its print stylesheet) as one PDF, through a save dialog. Null when the treasurer cancelled. */
export async function savePdf(suggestedName: string, pageSize: PdfPageSize): Promise<string | null> {
  const reply = await ask({ kind: 'save-file', suggestedName, pageSize });
  return reply.kind === 'saved' ? reply.path : null;
}

/** Lets the treasurer pick a folder for one-file-per-member saving; the page only ever holds an opaque token. */
export async function chooseFolder(): Promise<{ folder: string; label: string } | null> {
  const reply = await ask({ kind: 'choose-folder' });
  return reply.kind === 'folder' && reply.folder ? { folder: reply.folder, label: reply.label } : null;
}

export async function savePdfInto(folder: string, fileName: string, pageSize: PdfPageSize): Promise<string | null> {
  const reply = await ask({ kind: 'save-into-folder', folder, fileName, pageSize });
  return reply.kind === 'saved' ? reply.path : null;
}
