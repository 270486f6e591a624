import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseFileReply } from '../../electron/core/api/calls/settings-types';
import { AppError } from '../../electron/core/errors/app-error';
import { DATABASE_FILES_CHANNEL } from '../../electron/preload/channel';

// Electron cannot start on CI machines: ipcMain records the handler and the dialogs answer what each test says.
const handlers = new Map<string, (...args: unknown[]) => Promise<DatabaseFileReply>>();
const dialogAnswers = { save: { canceled: false, filePath: '' as string | undefined }, open: { canceled: false, filePaths: [] as string[] } };
const dialogOptions: { defaultPath?: string }[] = [];
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => Promise<DatabaseFileReply>) => handlers.set(channel, fn) },
  dialog: {
    showSaveDialog: async (_window: unknown, options: { defaultPath?: string }) => {
      dialogOptions.push(options);
      return dialogAnswers.save;
    },
    showOpenDialog: async () => dialogAnswers.open,
  },
  BrowserWindow: { fromWebContents: (contents: { window?: object }) => contents.window ?? null },
}));

const APP_URL = 'file:///opt/lets/out/renderer/index.html';
const fromApp = { senderFrame: { url: APP_URL, parent: null }, sender: { window: {} } };
const send = (request: unknown, event: object = fromApp) => handlers.get(DATABASE_FILES_CHANNEL)?.(event, JSON.stringify(request)) as Promise<DatabaseFileReply>;

describe('backup and restore of the database from the main process', () => {
  const core = { backedUpTo: [] as string[], restoredFrom: [] as string[], refuse: null as AppError | null };

  beforeEach(async () => {
    handlers.clear();
    dialogOptions.length = 0;
    Object.assign(core, { backedUpTo: [], restoredFrom: [], refuse: null });
    const { registerDatabaseFiles } = await import('../../electron/main/database-files');
    registerDatabaseFiles(
      {
        backupTo: async (path) => {
          core.backedUpTo.push(path);
        },
        restoreFrom: async (path) => {
          if (core.refuse) throw core.refuse;
          core.restoredFrom.push(path);
          return { keptCopy: '/data/lets-mirror.before-restore.sqlite' };
        },
      },
      () => APP_URL,
    );
  });

  it('backs up to the file chosen in the save dialog, suggesting a dated name', async () => {
    dialogAnswers.save = { canceled: false, filePath: '/backups/lets-backup-2026-11-25.sqlite' };
    expect(await send({ kind: 'backup' })).toEqual({ ok: true, kind: 'backed-up', path: '/backups/lets-backup-2026-11-25.sqlite' });
    expect(core.backedUpTo).toEqual(['/backups/lets-backup-2026-11-25.sqlite']);
    expect(dialogOptions[0]?.defaultPath).toMatch(/^lets-backup-\d{4}-\d{2}-\d{2}\.sqlite$/);
  });

  it('restores from the file chosen in the open dialog, and does nothing when cancelled', async () => {
    dialogAnswers.open = { canceled: true, filePaths: [] };
    expect(await send({ kind: 'restore' })).toEqual({ ok: true, kind: 'restored', path: null, keptCopy: null });
    dialogAnswers.open = { canceled: false, filePaths: ['/backups/old.sqlite'] };
    expect(await send({ kind: 'restore' })).toEqual({ ok: true, kind: 'restored', path: '/backups/old.sqlite', keptCopy: '/data/lets-mirror.before-restore.sqlite' });
    expect(core.restoredFrom).toEqual(['/backups/old.sqlite']);
  });

  it('passes the core’s refusal on in its own words', async () => {
    core.refuse = new AppError('invalid-input', 'old.sqlite is not a backup of this app’s database: it is damaged.', 'Choose another file. Nothing was changed.');
    dialogAnswers.open = { canceled: false, filePaths: ['/backups/old.sqlite'] };
    expect(await send({ kind: 'restore' })).toEqual({ ok: false, message: core.refuse.message, hint: core.refuse.hint });
  });

  it('refuses a request that names a path, and any request from a frame that is not the app', async () => {
    expect(await send({ kind: 'restore', path: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(core.restoredFrom).toEqual([]);
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { window: {} } };
    await expect(send({ kind: 'backup' }, fromElsewhere)).rejects.toThrow('not the app');
    expect(core.backedUpTo).toEqual([]);
  });
});
