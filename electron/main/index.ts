import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from '../core/api/dispatch';
import { createCore } from '../core/app/core';
import { registerDatabaseFiles } from './database-files';
import { registerApi } from './ipc';
import { installMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { installNavigationGuards } from './navigation-guards';
import { registerPdfPrinting } from './print-to-pdf';
import { registerWalletLinks } from './wallet-links';
import { hardenedWindowOptions } from './window-options';

// Thin by design: windows, menu and IPC wiring. Everything the treasurer does lives in electron/core.

function startCore() {
  return createCore({
    databasePath: join(app.getPath('userData'), 'lets-mirror.sqlite'),
    appVersion: app.getVersion(),
    nativeBinding: electronSqliteBinding(app.getAppPath()),
    checksWorker: join(import.meta.dirname, 'checks-worker.js'),
  });
}

async function createMainWindow(): Promise<BrowserWindow> {
  const window = new BrowserWindow(hardenedWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  installNavigationGuards(window.webContents);
  window.once('ready-to-show', () => window.show());
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer && !app.isPackaged) await window.loadURL(devServer);
  else await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents));

app.whenReady().then(async () => {
  // No remote content: the app never asks for a permission, so every request (camera, notifications…) is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  installMenu(app.isPackaged);
  const core = startCore();
  app.on('will-quit', () => void core.close());
  let window = await createMainWindow();
  registerApi(createDispatcher(core.handlers, (error) => console.error(error)), () => window.webContents.getURL());
  registerPdfPrinting(() => window.webContents.getURL());
  registerDatabaseFiles(core, () => window.webContents.getURL());
  registerWalletLinks(core, () => window.webContents.getURL());
  // The chain connects in the background; the status bar shows its progress and any failure.
  core.startChain().catch((error: unknown) => console.error(error));
  app.on('activate', async () => {
    if (BrowserWindow.getAllWindows().length === 0) window = await createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
