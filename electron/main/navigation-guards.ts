import type { WebContents } from 'electron';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

/** True only for the page this app itself loaded: the same file (or dev-server origin) as the current page. */
export function isAppUrl(target: string, appUrl: string): boolean {
  try {
    const a = new URL(target);
    const b = new URL(appUrl);
    return a.protocol === 'file:' ? a.protocol === b.protocol && a.pathname === b.pathname : a.origin === b.origin;
  } catch {
    return false;
  }
}

/**
 * The renderer may never leave the app: no navigation (a link, a drag-dropped file, a compromised script),
 * no new windows, no <webview>. Anything the treasurer should open externally goes through an explicit API call.
 */
export function installNavigationGuards(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
