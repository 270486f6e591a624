import type { DatabaseFileReply } from '../../../../electron/core/api/calls/settings-types';
import type { DatabaseFileRequest } from '../../../../electron/core/api/calls/settings-file-request';

declare global {
  interface Window {
    /** Exposed by the Electron preload (and by the e2e harness); main shows the file dialogs and handles the file. */
    letsDatabaseFiles?: { request(text: string): Promise<unknown> };
  }
}

export type DatabaseFileOutcome = Exclude<DatabaseFileReply, { ok: false }>;

/** A backup or restore that main refused or that failed, with what to do. */
export class DatabaseFileError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export function canHandleDatabaseFiles(): boolean {
  return window.letsDatabaseFiles !== undefined;
}

/** Asks main to back up or restore; the treasurer picks the file in main's dialog, the page never names a path. */
export async function databaseFile(request: DatabaseFileRequest): Promise<DatabaseFileOutcome> {
  if (!window.letsDatabaseFiles) throw new DatabaseFileError('Backup and restore work in the desktop app only.', 'Start the app with npm start.');
  const reply = (await window.letsDatabaseFiles.request(JSON.stringify(request))) as DatabaseFileReply;
  if (!reply.ok) throw new DatabaseFileError(reply.message, reply.hint);
  return reply;
}
