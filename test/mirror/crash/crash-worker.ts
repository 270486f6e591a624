import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Bundles sync-worker.ts into one ES module that plain Node runs (no TypeScript loader is installed here, and the
 * migrations need vite's import.meta.glob). Packages stay external and resolve from the project's node_modules.
 */
export async function bundleSyncWorker(): Promise<string> {
  const outDir = join(ROOT, 'node_modules/.cache/lets-sync-worker', String(process.pid));
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      ssr: resolve(import.meta.dirname, 'sync-worker.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'sync-worker.mjs' } },
    },
  });
  return join(outDir, 'sync-worker.mjs');
}

export interface WorkerRun {
  child: ChildProcess;
  /** Heights of the batches committed so far, as the worker reported them. */
  batches: number[];
  done: boolean;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals>;
  stderr: () => string;
}

export function runSyncWorker(worker: string, mirrorFile: string, nodeUrl: string, batchSize: number, readVia: 'blocks' | 'index' = 'blocks'): WorkerRun {
  const child = spawn(process.execPath, [worker, mirrorFile, nodeUrl, String(batchSize), readVia], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  let pending = '';
  const run: WorkerRun = {
    child,
    batches: [],
    done: false,
    exited: new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit(signal ?? code ?? -1))),
    stderr: () => errors,
  };
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('batch ')) run.batches.push(Number(line.slice(6)));
      if (line.startsWith('done ')) run.done = true;
    }
  });
  return run;
}

/** Resolves once the worker has reported `count` batches (or has ended). */
export function afterBatches(run: WorkerRun, count: number): Promise<void> {
  return new Promise((resolveWait) => {
    const check = () => {
      if (run.batches.length >= count || run.child.exitCode !== null || run.child.signalCode !== null) resolveWait();
      else setTimeout(check, 1);
    };
    check();
  });
}
