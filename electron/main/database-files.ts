import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { DatabaseFileReply } from '../core/api/calls/settings-types';
import type { Core } from '../core/app/core';
import { AppError } from '../core/errors/app-error';
import { backupFileName } from '../core/settings/database-backup';
import { databaseFileRequest, type DatabaseFileRequest } from '../core/api/calls/settings-file-request';
import { DATABASE_FILES_CHANNEL } from '../preload/channel';
import { isAppSender } from './ipc';

const SQLITE_FILTER = [{ name: 'LETS database backup', extensions: ['sqlite'] }];

function failure(error: unknown): DatabaseFileReply {
  if (error instanceof AppError) return { ok: false, message: error.message, hint: error.hint };
  return { ok: false, message: `The database file could not be handled: ${(error as Error).message}`, hint: 'Try again; nothing was restored.' };
}

/**
 * Backup and restore of the local database. The paths come only from the save and open dialogs shown here, on the
 * window that asked: the page can ask for "backup" or "restore" and see where the file went, but cannot name one.
 */
export function registerDatabaseFiles(core: Pick<Core, 'backupTo' | 'restoreFrom'>, appUrl: () => string): void {
  async function handle(event: IpcMainInvokeEvent, request: DatabaseFileRequest): Promise<DatabaseFileReply> {
    const owner = BrowserWindow.fromWebContents(event.sender);
    if (!owner) return { ok: false, message: 'Only the app window can back up or restore the database.', hint: '' };
    switch (request.kind) {
      case 'backup': {
        const choice = await dialog.showSaveDialog(owner, { title: 'Back up the database', defaultPath: backupFileName(new Date()), filters: SQLITE_FILTER });
        if (choice.canceled || !choice.filePath) return { ok: true, kind: 'backed-up', path: null };
        await core.backupTo(choice.filePath);
        return { ok: true, kind: 'backed-up', path: choice.filePath };
      }
      case 'restore': {
        const choice = await dialog.showOpenDialog(owner, { title: 'Restore the database from a backup', properties: ['openFile'], filters: SQLITE_FILTER });
        const path = choice.filePaths[0];
        if (choice.canceled || !path) return { ok: true, kind: 'restored', path: null, keptCopy: null };
        const { keptCopy } = await core.restoreFrom(path);
        return { ok: true, kind: 'restored', path, keptCopy };
      }
    }
  }

  ipcMain.handle(DATABASE_FILES_CHANNEL, async (event: IpcMainInvokeEvent, text: unknown): Promise<DatabaseFileReply> => {
    if (!isAppSender(event, appUrl())) throw new Error('Refused a database file request from a frame that is not the app.');
    let parsed: ReturnType<typeof databaseFileRequest.safeParse>;
    try {
      parsed = databaseFileRequest.safeParse(typeof text === 'string' ? JSON.parse(text) : undefined);
    } catch {
      return { ok: false, message: 'The request could not be read.', hint: 'Try again.' };
    }
    if (!parsed.success) return { ok: false, message: 'The request was refused: it is not a backup or restore request.', hint: 'Try again.' };
    try {
      return await handle(event, parsed.data);
    } catch (error) {
      return failure(error);
    }
  });
}
