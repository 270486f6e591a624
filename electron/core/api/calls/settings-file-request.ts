import { z } from 'zod';

/*
 * What the page may ask the main process to do with database files: back up through a save dialog, or restore
 * through an open dialog. The request names no path: the treasurer chooses the file in the dialog, so a compromised
 * page can neither read nor overwrite a file of its choosing.
 */
export const databaseFileRequest = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('backup') }), z.strictObject({ kind: z.literal('restore') })]);
export type DatabaseFileRequest = z.infer<typeof databaseFileRequest>;
