import type { Db } from '../mirror/database';
import type { ChainRuntime } from './devnet-runtime';

/** What every area's handlers may use: the mirror, the app's options, and the chain once it is started. */
export interface CoreContext {
  readonly db: Db;
  readonly databasePath: string;
  readonly appVersion: string;
  /** Undefined until `startChain` has connected. */
  chain(): ChainRuntime | undefined;
}
