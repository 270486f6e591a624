import { dirname } from 'node:path';
import type { Handlers } from '../api/contract';
import { openDatabase, type Db } from '../mirror/database';
import type { CoreContext } from './core-context';
import { startDevnetRuntime, type ChainRuntime } from './devnet-runtime';
import { appHandlers } from './handlers/app-handlers';
import { memberHandlers } from './handlers/member-handlers';

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

/**
 * The whole app below the window, in plain TypeScript: Electron's main process and the web bridge both host it,
 * so everything the treasurer can do is testable under Node. Each area of the app contributes its handlers.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  let chain: ChainRuntime | undefined;
  const ctx: CoreContext = { db, databasePath: options.databasePath, appVersion: options.appVersion, chain: () => chain };
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...memberHandlers(ctx),
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
