import { dirname } from 'node:path';
import type { Handlers } from '../api/contract';
import type { ChainStatus } from '../api/types';
import { startDevnetRuntime, type ChainRuntime } from './devnet-runtime';
import { openDatabase, schemaVersion, type Db } from '../mirror/database';
import { listLets } from '../mirror/queries/lets';
import { listMembers } from '../mirror/queries/members';

export interface CoreOptions {
  databasePath: string;
  appVersion: string;
  nativeBinding?: string;
}

export interface Core {
  handlers: Handlers;
  db: Db;
  /** Connects to the chain: the embedded devnet (with its demo LETS) until a node can be configured. */
  startChain(): Promise<void>;
  close(): Promise<void>;
}

const NOT_CONNECTED: ChainStatus = { state: 'not-connected', message: 'Not connected to a chain yet', height: null };

/**
 * The whole app below the window, in plain TypeScript: Electron's main process and the web bridge both host it,
 * so everything the treasurer can do is testable under Node.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  let chain: ChainRuntime | undefined;
  const handlers: Handlers = {
    'app.info': () => ({ version: options.appVersion, databasePath: options.databasePath, schemaVersion: schemaVersion(db) }),
    'chain.status': () => chain?.status() ?? NOT_CONNECTED,
    // The Ledger device service is wired in with the signing screens; until then the status bar says so plainly.
    'device.status': () => ({ state: 'not-connected', message: 'No Ledger connected', }),
    'lets.list': () => listLets(db),
    'members.list': ({ search }) => listMembers(db, search),
  };
  return {
    handlers,
    db,
    startChain: async () => {
      chain ??= await startDevnetRuntime({ db, dataDir: dirname(options.databasePath) });
    },
    close: async () => {
      await chain?.stop();
      db.close();
    },
  };
}
