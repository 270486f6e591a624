// Builds better-sqlite3 for Electron's ABI into node_modules/.electron-native/abi-<N>/, next to (not over) the
// Node build that tests use. So `npm start` and `npm test` work on a fresh clone in either order, with no manual
// rebuild. The main process picks the file up via electron/main/native-binding.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');
const electronVersion = require('electron/package.json').version;
const abi = require('node-abi').getAbi(electronVersion, 'electron');
const target = join(root, 'node_modules', '.electron-native', `abi-${abi}`, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

console.log(`Preparing the database engine for Electron ${electronVersion} (one time, about a minute)…`);
const work = mkdtempSync(join(tmpdir(), 'lets-sqlite-electron-'));
const source = dirname(require.resolve('better-sqlite3/package.json'));
try {
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });
  const run = (command, args) => execFileSync(command, args, { cwd: work, stdio: 'inherit' });
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  try {
    run(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]);
  } catch {
    // No prebuilt binary for this platform (or no network to fetch it): compile against Electron's headers.
    const gyp = process.env.npm_config_node_gyp;
    const args = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'];
    if (gyp) run(process.execPath, [gyp, ...args]);
    else run('npx', ['--yes', 'node-gyp', ...args]);
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
} finally {
  rmSync(work, { recursive: true, force: true });
}
