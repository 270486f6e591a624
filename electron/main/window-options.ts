import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The only way this app creates a window. Every security switch is set explicitly rather than trusted to
 * Electron's defaults, so a future default change (or an upgrade) cannot silently weaken the renderer.
 */
export function hardenedWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f7f7f5',
    title: 'LETS Treasurer',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
