import { z } from 'zod';

/*
 * What the renderer may ask the main process to do with PDFs: save the current page as one PDF through a save
 * dialog, or (batch, one file per member) have the treasurer pick a folder once and then save each page into it.
 * The renderer never names a path: it gets an opaque folder token and may only give plain *.pdf file names, so a
 * compromised page cannot write anywhere the treasurer did not choose.
 */

export const pageSizes = ['A4', 'Letter'] as const;
export type PdfPageSize = (typeof pageSizes)[number];

const MAX_FILE_NAME = 150;
const pdfFileName = z
  .string()
  .max(MAX_FILE_NAME)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*\.pdf$/u, 'A file name may only hold letters, digits, spaces, dots, dashes and underscores, and must end in .pdf.')
  .refine((name) => !name.includes('..'), 'A file name may not contain "..".');

/** A PDF file name the rule above accepts, made from any text (member names): anything else becomes a dash. */
export function toPdfFileName(text: string): string {
  const safe = text
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, MAX_FILE_NAME - '.pdf'.length)
    .replace(/[ .]+$/u, '');
  return `${safe || 'statement'}.pdf`;
}

export const pdfRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('save-file'), suggestedName: pdfFileName, pageSize: z.enum(pageSizes) }),
  z.strictObject({ kind: z.literal('choose-folder') }),
  z.strictObject({ kind: z.literal('save-into-folder'), folder: z.uuid(), fileName: pdfFileName, pageSize: z.enum(pageSizes) }),
]);
export type PdfRequest = z.infer<typeof pdfRequest>;

export type PdfReply =
  /** `path` is null when the treasurer cancelled the dialog. */
  | { ok: true; kind: 'saved'; path: string | null }
  /** `folder` is null when the treasurer cancelled; `label` is the folder's path, to show. */
  | { ok: true; kind: 'folder'; folder: string | null; label: string }
  | { ok: false; message: string };
