import { dirname } from 'node:path';
import { checkOnThread } from '../chain/chain-checks';
import type { Handlers } from '../api/contract';
import { openDatabase, type Db } from '../mirror/database';
import { bundledMigrations } from '../mirror/migrations';
import { rollbackAbove } from '../mirror/queries/chain-store';
import { standingSignatureRequest } from '../mirror/queries/outbox';
import type { AppSettings } from '../api/calls/settings-schema';
import { AppError } from '../errors/app-error';
import { SignerCatalogue } from '../operations/signing-keys';
import { chainOf, effectiveConfirmations, usesDevnet, usesExplorer } from '../settings/app-settings';
import { readSettings } from '../settings/settings-store';
import { backupDatabase, restoreDatabase } from '../settings/database-backup';
import type { HidTransportFactory } from '../signers/ledger/hid-transports';
import { LedgerDeviceService } from '../signers/ledger/device-service';
import { createChainControl } from './chain-control';
import type { CoreContext } from './core-context';
import type { ChainRuntime } from './chain-runtime';
import { startDevnetRuntime } from './devnet-runtime';
import { startExplorerRuntime } from './explorer-runtime';
import { startNodeRuntime } from './node-runtime';
import { appHandlers } from './handlers/app-handlers';
import { dashboardHandlers } from './handlers/dashboard-handlers';
import { followingHandlers } from './handlers/following-handlers';
import { foundingHandlers } from './handlers/founding-handlers';
import { ledgerHandlers } from './handlers/ledger-handlers';
import { memberHandlers } from './handlers/member-handlers';
import { outboxHandlers } from './handlers/outbox-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { statementHandlers } from './handlers/statement-handlers';

export interface CoreOptions {
  databasePath: string;
  appVersion: string;
  nativeBinding?: string;
  /** Where Ledgers are found; USB HID (loaded on first use) unless a test passes an emulated device. */
  deviceTransports?: HidTransportFactory;
  /** Pause between sync rounds; the chain source's own default unless given (tests that cannot wait 10 s). */
  syncIntervalMs?: number;
  /** How often the demo chain mines a block while transactions wait; 5 s unless given (tests). */
  blockIntervalMs?: number;
  /**
   * The built checks-worker.js, to hash the chain checks on a thread of their own (chain/checks-thread.ts); without it
   * they run on the sync's thread (tests that run the TypeScript sources).
   */
  checksWorker?: string;
}

export interface Core {
  handlers: Handlers;
  /** The open database; a restore replaces it, so read it here each time rather than keeping it. */
  readonly db: Db;
  /** Connects to the chain source in Settings: the embedded devnet (with its demo LETS) or the treasurer's node. */
  startChain(): Promise<void>;
  /** An online backup of the database to `path` (a file the treasurer chose in a save dialog). */
  backupTo(path: string): Promise<void>;
  /** Replaces the database with the backup at `path` after checking it; the current one is kept at `keptCopy`. */
  restoreFrom(path: string): Promise<{ keptCopy: string }>;
  /** The `ergopay:` link of the signing request that stands for the transaction, for a wallet on this computer. */
  walletLink(transactionId: string): string | undefined;
  close(): Promise<void>;
}

/**
 * The whole app below the window, in plain TypeScript: Electron's main process and the web bridge both host it,
 * so everything the treasurer can do is testable under Node. Each area of the app contributes its handlers.
 */
export function createCore(options: CoreOptions): Core {
  const { databasePath, nativeBinding } = options;
  const open = () => openDatabase(databasePath, { nativeBinding });
  let db = open();
  if (options.checksWorker !== undefined) checkOnThread(options.checksWorker);
  const startRuntime = async (settings: AppSettings): Promise<ChainRuntime> => {
    const confirmations = effectiveConfirmations(settings);
    const { syncIntervalMs, blockIntervalMs } = options;
    if (usesDevnet(settings)) return startDevnetRuntime({ db, dataDir: dirname(databasePath), confirmations, demo: settings.demoLets, syncIntervalMs, blockIntervalMs });
    if (usesExplorer(settings)) return startExplorerRuntime({ db, network: settings.nodeNetwork, confirmations, syncIntervalMs });
    return startNodeRuntime({ db, url: settings.chainSource, network: settings.nodeNetwork, confirmations, syncIntervalMs });
  };
  const chain = createChainControl(() => db, startRuntime);
  const device = new LedgerDeviceService({ transports: options.deviceTransports });
  // One catalogue per chain runtime: after Settings switch from the devnet to a node, the demo key must be gone.
  const catalogues = new WeakMap<ChainRuntime, SignerCatalogue>();
  const connectedChain = () => {
    const current = chain.current();
    if (!current) throw new AppError('chain-unreachable', 'The app is not connected to a chain yet.', 'Wait a moment for it to connect, then try again.');
    return current;
  };
  const ctx: CoreContext = {
    get db() {
      return db;
    },
    databasePath,
    appVersion: options.appVersion,
    device,
    chain: () => chain.current(),
    connectedChain,
    network: () => chainOf(readSettings(db)),
    signers: () => {
      const current = connectedChain();
      const catalogue = catalogues.get(current) ?? new SignerCatalogue(device, current.access.network);
      catalogues.set(current, catalogue);
      return catalogue;
    },
    changeSettings: (patch) => chain.changeSettings(patch),
    // With the sync stopped, so no batch lands between the drop and the restart. Everything above height 0 goes, as a
    // reorg to before the first block would take it; the sync then reads every followed LETS from its start again.
    rebuildMirror: () => chain.whileStopped(async () => db.transaction(() => rollbackAbove(db, 0))()),
  };
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...followingHandlers(ctx),
    ...foundingHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...memberHandlers(ctx),
    ...outboxHandlers(ctx),
    ...settingsHandlers(ctx),
    ...statementHandlers(ctx),
  };
  return {
    handlers,
    get db() {
      return db;
    },
    startChain: () => chain.start(),
    backupTo: (path) => backupDatabase(db, databasePath, path),
    // The sync is stopped while the files are swapped, and follows the restored database afterwards.
    restoreFrom: (path) =>
      chain.whileStopped(async () => {
        try {
          const restored = await restoreDatabase({ current: db, databasePath, source: path, reopen: open, migrations: bundledMigrations, nativeBinding });
          db = restored.db;
          return { keptCopy: restored.keptCopy };
        } finally {
          if (!db.open) db = open();
        }
      }),
    walletLink: (transactionId) => standingSignatureRequest(db, transactionId)?.uri,
    close: async () => {
      await chain.stop();
      await device.stop();
      db.close();
    },
  };
}
