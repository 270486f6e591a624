import type { Db } from '../mirror/database';
import type { LedgerDeviceService } from '../signers/ledger/device-service';
import type { ChainRuntime } from './devnet-runtime';

/** What every area's handlers may use: the mirror, the app's options, the Ledger, and the chain once started. */
export interface CoreContext {
  readonly db: Db;
  readonly databasePath: string;
  readonly appVersion: string;
  readonly device: LedgerDeviceService;
  /** Undefined until `startChain` has connected. */
  chain(): ChainRuntime | undefined;
}
