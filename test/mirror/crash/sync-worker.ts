/*
 * Runs one sync in a process of its own, so a test can SIGKILL it mid-sync: `node sync-worker.mjs <mirror file>
 * <node url> <batch size> [index]`. With "index", LETS still to be caught up are read through the node's index.
 * Prints "batch <height>" after every committed batch or catch-up step and "done <height>" at the end.
 * Bundled by vite (see crash-worker.ts) because migrations are inlined with import.meta.glob.
 */
import { createNodeClient } from '../../../electron/core/chain/node-client';
import { createNodeIndex } from '../../../electron/core/chain/node-index';
import { openDatabase } from '../../../electron/core/mirror/database';
import { createCatchUp } from '../../../electron/core/mirror/sync/catch-up';
import { syncOnce } from '../../../electron/core/mirror/sync/mirror-sync';

const [file, baseUrl, batchSize, withIndex] = process.argv.slice(2);
if (!file || !baseUrl || !batchSize) throw new Error('usage: sync-worker <mirror file> <node url> <batch size> [index]');
const db = openDatabase(file);
const report = (height: number) => process.stdout.write(`batch ${height}\n`);
const index = withIndex === 'index' ? createNodeIndex({ baseUrl, network: 'devnet' }) : null;
const result = await syncOnce(db, createNodeClient({ baseUrl, expectedNetwork: 'devnet' }), {
  batchSize: Number(batchSize),
  onBatchApplied: report,
  catchUp: createCatchUp({ index, batchSize: Number(batchSize), pageSize: 20, onApplied: (_, height) => report(height) }),
});
db.close();
process.stdout.write(`done ${result.height}\n`);
