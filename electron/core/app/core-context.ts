import type { Db } from '../mirror/database';
import type { SettingsPatch } from '../api/calls/settings-schema';
import type { SettingsChange } from '../settings/settings-change';
import type { LedgerDeviceService } from '../signers/ledger/device-service';
import type { ChainNetwork } from '../operations/chain-access';
import type { SignerCatalogue } from '../operations/signing-keys';
import type { ChainRuntime } from './chain-runtime';

/** What every area's handlers may use: the mirror, the app's options, the Ledger, and the chain once started. */
export interface CoreContext {
  /** The open database: read it on every call, a restore replaces it. */
  readonly db: Db;
  readonly databasePath: string;
  readonly appVersion: string;
  readonly device: LedgerDeviceService;
  /** Undefined until `startChain` has connected. */
  chain(): ChainRuntime | undefined;
  /** The chain connected to; an AppError saying to wait while the app connects. */
  connectedChain(): ChainRuntime;
  /** The chain the settings choose: where the LETS listed live, even before the app has connected. */
  network(): ChainNetwork;
  /** The signers offered on the connected chain (the demo key on the demo chain only). */
  signers(): SignerCatalogue;
  /** Saves settings; a new chain source, network or confirmation depth restarts the chain on it. */
  changeSettings(patch: SettingsPatch): Promise<SettingsChange>;
  /** Drops the mirror's chain data and reads it again from the chain (names, notes, outbox and settings stay). */
  rebuildMirror(): Promise<void>;
}
