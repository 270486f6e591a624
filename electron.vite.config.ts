import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three targets from one file. Native modules (better-sqlite3, node-hid) stay external to the main
// bundle (externalizeDeps, the default); the preload is one self-contained CommonJS file because a
// sandboxed preload cannot load ES modules or anything from node_modules.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The hashing of the chain checks runs on a worker thread of its own, started from this file (chain/checks-thread.ts).
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'checks-worker': resolve(import.meta.dirname, 'electron/core/chain/checks-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
