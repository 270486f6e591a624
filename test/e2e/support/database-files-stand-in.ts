import { join } from 'node:path';
import type { DatabaseFileReply } from '../../../electron/core/api/calls/settings-types';
import { databaseFileRequest } from '../../../electron/core/api/calls/settings-file-request';
import { AppError } from '../../../electron/core/errors/app-error';
import { backupFileName } from '../../../electron/core/settings/database-backup';
import type { AppUnderTest } from './app-under-test';

export interface DatabaseFilesStandIn {
  /** The file the "open" dialog answers with on the next restore. */
  restoreFile: string;
  /** Where "save" dialogs put backups. */
  readonly backupDir: string;
}

/**
 * The web bridge has no Electron main process, so the test plays its part of the database-files channel: the same
 * request schema main checks, a save dialog that answers with a dated file in `backupDir`, an open dialog that
 * answers with `restoreFile`, and the core's own backup and restore. Main's side is unit-tested in
 * test/main/database-files.test.ts.
 */
export async function standInForMainDatabaseFiles(app: AppUnderTest, backupDir: string): Promise<DatabaseFilesStandIn> {
  const standIn = { restoreFile: '', backupDir };
  await app.page.exposeFunction('databaseFilesFromTest', async (text: string): Promise<DatabaseFileReply> => {
    const request = databaseFileRequest.parse(JSON.parse(text));
    try {
      if (request.kind === 'backup') {
        const path = join(backupDir, backupFileName(new Date()));
        await app.core.backupTo(path);
        return { ok: true, kind: 'backed-up', path };
      }
      const { keptCopy } = await app.core.restoreFrom(standIn.restoreFile);
      return { ok: true, kind: 'restored', path: standIn.restoreFile, keptCopy };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message, hint: error.hint };
      throw error;
    }
  });
  await app.page.addInitScript(() => {
    const page = window as unknown as { letsDatabaseFiles: unknown; databaseFilesFromTest(text: string): Promise<unknown> };
    page.letsDatabaseFiles = { request: (text: string) => page.databaseFilesFromTest(text) };
  });
  return standIn;
}
