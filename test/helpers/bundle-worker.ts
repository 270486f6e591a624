import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'vite';

/*
 * Worker threads run plain JavaScript, and vitest only transforms what it imports itself; so a worker written in
 * TypeScript is bundled first, by Vite as for the app (its `?raw` and `import.meta.glob` imports included), as a
 * server-side build: our modules inlined, packages left to node_modules.
 */

// Inside the repository, so that the bundle's package imports resolve from its node_modules.
const bundleDir = join(import.meta.dirname, '../../node_modules/.cache/lets-bench');

/** Bundles the worker entry at `entry` (a .ts path) and answers the path of the JavaScript file to start. */
export async function bundleWorker(entry: string): Promise<string> {
  mkdirSync(bundleDir, { recursive: true });
  const name = basename(entry).replace(/\.ts$/, '');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir: bundleDir,
      emptyOutDir: false,
      rollupOptions: { output: { format: 'esm', entryFileNames: `${name}.mjs` } },
    },
  });
  return join(bundleDir, `${name}.mjs`);
}

/** The chain checks' worker (electron/core/chain/checks-worker.ts), bundled as the app's build ships it. */
export const bundledChecksWorker = (): Promise<string> => bundleWorker(join(import.meta.dirname, '../../electron/core/chain/checks-worker.ts'));
