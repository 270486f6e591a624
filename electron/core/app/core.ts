import { dirname } from 'node:path';
import type { Handlers } from '../api/contract';
import { openDatabase, type Db } from '../mirror/database';
import type { HidTransportFactory } from '../signers/ledger/hid-transports';
import { LedgerDeviceService } from '../signers/ledger/device-service';
import type { CoreContext } from './core-context';
import { startDevnetRuntime, type ChainRuntime } from './devnet-runtime';
import { appHandlers } from './handlers/app-handlers';
import { dashboardHandlers } from './handlers/dashboard-handlers';
import { ledgerHandlers } from './handlers/ledger-handlers';
import { memberHandlers } from './handlers/member-handlers';
import { outboxHandlers } from './handlers/outbox-handlers';
import { statementHandlers } from './handlers/statement-handlers';

export interface CoreOptions {
  databasePath: string;
  appVersion: string;
  nativeBinding?: string;
  /** Where Ledgers are found; USB HID (loaded on first use) unless a test passes an emulated device. */
  deviceTransports?: HidTransportFactory;
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
  const device = new LedgerDeviceService({ transports: options.deviceTransports });
  const ctx: CoreContext = { db, databasePath: options.databasePath, appVersion: options.appVersion, device, chain: () => chain };
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...memberHandlers(ctx),
    ...outboxHandlers(ctx),
    ...statementHandlers(ctx),
  };
  return {
    handlers,
    db,
    startChain: async () => {
      chain ??= await startDevnetRuntime({ db, dataDir: dirname(options.databasePath) });
    },
    close: async () => {
      await chain?.stop();
      await device.stop();
      db.close();
    },
  };
}
