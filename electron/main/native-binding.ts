import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled once for Node (tests) and once for Electron's ABI (the app), side by side, so
 * `npm test` and `npm start` work in either order without rebuilding. electron/build/native-for-electron.mjs
 * writes the Electron build here; a packaged app uses the one bundled next to it.
 */
export function electronSqliteBinding(appRoot: string): string | undefined {
  const file = join(appRoot, 'node_modules', '.electron-native', `abi-${process.versions.modules}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
