import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installNavigationGuards, isAppUrl } from '../../electron/main/navigation-guards';
import { hardenedWindowOptions } from '../../electron/main/window-options';

describe('the main window', () => {
  it('is created with every renderer security switch set explicitly', () => {
    const { webPreferences, width, height } = hardenedWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
    });
    expect([width, height]).toEqual([1280, 800]);
  });
});

/** A stand-in for WebContents that records what the guards do with each event. */
function fakeContents(currentUrl: string) {
  const emitter = new EventEmitter();
  let openHandler: (() => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => (emitter.on(event, listener), contents),
    setWindowOpenHandler: (handler: () => { action: string }) => {
      openHandler = handler;
    },
    getURL: () => currentUrl,
  };
  const fire = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, openWindow: () => openHandler?.() };
}

describe('navigation guards', () => {
  const appPage = 'file:///opt/lets/out/renderer/index.html';

  it('block navigation away from the app, redirects and webviews', () => {
    const { contents, fire } = fakeContents(appPage);
    installNavigationGuards(contents as never);
    expect(fire('will-navigate', 'https://example.org/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://example.org')).toBe(true);
    expect(fire('will-attach-webview', 'https://example.org')).toBe(true);
  });

  it('let the app reload its own page (fragment changes only)', () => {
    const { contents, fire } = fakeContents(appPage);
    installNavigationGuards(contents as never);
    expect(fire('will-navigate', `${appPage}#members`)).toBe(false);
  });

  it('deny every new window', () => {
    const { contents, openWindow } = fakeContents(appPage);
    installNavigationGuards(contents as never);
    expect(openWindow()).toEqual({ action: 'deny' });
  });

  it('recognise the dev server by origin and reject look-alikes', () => {
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', appPage)).toBe(false);
  });
});

/** Reads the policy from the <meta http-equiv> of the renderer's HTML into directive → sources. */
function rendererCsp(): Map<string, string[]> {
  const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('renderer/index.html has no Content-Security-Policy');
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));
}

describe('the renderer Content-Security-Policy', () => {
  const csp = rendererCsp();

  it('denies everything by default', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  it('allows scripts and styles only from the app itself', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
  });

  it('names no remote host and no unsafe source anywhere', () => {
    const sources = [...csp.values()].flat();
    expect(sources.filter((s) => /unsafe|https?:|\*|ws:/.test(s))).toEqual([]);
  });
});
