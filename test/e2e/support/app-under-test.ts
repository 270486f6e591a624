import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDispatcher } from '../../../electron/core/api/dispatch';
import { createCore, type Core } from '../../../electron/core/app/core';
import type { HidTransportFactory } from '../../../electron/core/signers/ledger/hid-transports';
import { startWithDemo } from '../../helpers/demo-core';
import { launchChromium } from './browser';
import { startWebBridge, type WebBridge } from './web-bridge';

export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results');
const RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');
/** The chain checks' worker as the build ships it: the app under test hashes its checks on their own thread, as the desktop app does. */
export const CHECKS_WORKER = resolve(import.meta.dirname, '../../../out/main/checks-worker.js');

/** The real core on a fresh database, the built renderer served through the web bridge, and Chromium at 1280×800. */
export interface AppUnderTest {
  core: Core;
  bridge: WebBridge;
  browser: Browser;
  page: Page;
  unexpectedErrors: unknown[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `withChain` starts the embedded devnet with its demo LETS, as the app does once the treasurer chose "Try the demo". `ledger` is where the
 * core finds Ledgers: an emulated USB port with the test Ergo app, instead of real HID.
 */
export interface AppUnderTestOptions {
  withChain?: boolean;
  ledger?: HidTransportFactory;
  /** Follow this node instead (e.g. the devnet served as a testnet node), polled quickly, 2 confirmations. */
  node?: { url: string; network: 'testnet' | 'mainnet' };
  /** A mirror file made beforehand (the benchmark's), opened instead of a fresh one and followed by no chain. */
  mirrorFile?: string;
}

export async function startAppUnderTest({ withChain = false, ledger, node, mirrorFile }: AppUnderTestOptions = {}): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lets-e2e-'));
  const core = createCore({ databasePath: mirrorFile ?? join(dataDir, 'mirror.sqlite'), appVersion: '0.0.0-e2e', deviceTransports: ledger, checksWorker: CHECKS_WORKER, ...(node && { syncIntervalMs: 300 }) });
  if (node) {
    await core.handlers['settings.update']({ chainSource: node.url, nodeNetwork: node.network, confirmations: 2 });
    await core.startChain();
  } else if (withChain) await startWithDemo(core);
  const unexpectedErrors: unknown[] = [];
  const bridge = await startWebBridge(createDispatcher(core.handlers, (e) => unexpectedErrors.push(e)), RENDERER_DIR);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    core,
    bridge,
    browser,
    page,
    unexpectedErrors,
    screenshot: async (name) => {
      await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
    },
    close: async () => {
      await browser.close();
      await bridge.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo app in the browser, once the status bar says the mirror has caught up with the devnet. */
export async function startDemoAppShown(options: Omit<AppUnderTestOptions, 'withChain' | 'node'> = {}): Promise<AppUnderTest> {
  const app = await startAppUnderTest({ ...options, withChain: true });
  await app.page.goto(app.bridge.url);
  await app.page.getByRole('contentinfo', { name: 'Status' }).getByText(/Up to date at block \d+/).waitFor({ timeout: 30_000 });
  return app;
}
