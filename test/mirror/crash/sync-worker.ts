/*
 * Runs one sync in a process of its own, so a test can SIGKILL it mid-sync: `node sync-worker.mjs <mirror file>
 * <node url> <batch size>`. Prints "batch <height>" after every committed batch and "done <height>" at the end.
 * Bundled by vite (see crash-worker.ts) because migrations are inlined with import.meta.glob.
 */
import { createNodeClient } from '../../../electron/core/chain/node-client';
import { openDatabase } from '../../../electron/core/mirror/database';
import { syncOnce } from '../../../electron/core/mirror/sync/mirror-sync';

const [file, baseUrl, batchSize] = process.argv.slice(2);
if (!file || !baseUrl || !batchSize) throw new Error('usage: sync-worker <mirror file> <node url> <batch size>');
const db = openDatabase(file);
const result = await syncOnce(db, createNodeClient({ baseUrl, expectedNetwork: 'devnet' }), {
  batchSize: Number(batchSize),
  onBatchApplied: (height) => process.stdout.write(`batch ${height}\n`),
});
db.close();
process.stdout.write(`done ${result.height}\n`);
