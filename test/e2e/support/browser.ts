import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser. The background-networking flags stop Chromium's own calls
 * home, which this machine's closed network would refuse at every start.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
