import type { Handlers } from '../api/contract';
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
  close(): void;
}

/**
 * The whole app below the window, in plain TypeScript: Electron's main process and the web bridge both host it,
 * so everything the treasurer can do is testable under Node.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  const handlers: Handlers = {
    'app.info': () => ({ version: options.appVersion, databasePath: options.databasePath, schemaVersion: schemaVersion(db) }),
    // Chain sync and the Ledger arrive with their own services; until then the status bar says so plainly.
    'chain.status': () => ({ state: 'not-connected', message: 'Not connected to a chain yet', height: null }),
    'device.status': () => ({ state: 'not-connected', message: 'No Ledger connected', }),
    'lets.list': () => listLets(db),
    'members.list': ({ search }) => listMembers(db, search),
  };
  return { handlers, db, close: () => db.close() };
}
