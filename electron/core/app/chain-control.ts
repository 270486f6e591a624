import type { Db } from '../mirror/database';
import type { AppSettings, SettingsPatch } from '../api/calls/settings-schema';
import { chainRuntimeChanged } from '../settings/app-settings';
import { changeSettings, settingsAfter, type SettingsChange } from '../settings/settings-change';
import { readSettings } from '../settings/settings-store';
import type { ChainRuntime } from './chain-runtime';

export interface ChainControl {
  /** Undefined until started, and while a switch or restore is under way. */
  current(): ChainRuntime | undefined;
  /** Connects to the chain source in the settings; does nothing when already connected. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Saves a settings change; a change of chain source, network or depth stops the runtime and starts the new one. */
  changeSettings(patch: SettingsPatch): Promise<SettingsChange>;
  /** Runs `work` with the chain stopped (a restore swaps the database under it), then connects again if it was. */
  whileStopped<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Owns the one chain runtime of the app. Starting, stopping, switching and restoring run one after another, never
 * interleaved, so two runtimes never sync into the same mirror and a switch never sees a half-started runtime.
 */
export function createChainControl(db: () => Db, startRuntime: (settings: AppSettings) => Promise<ChainRuntime>): ChainControl {
  let runtime: ChainRuntime | undefined;
  let wanted = false;
  let queue: Promise<unknown> = Promise.resolve();

  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function connect(): Promise<void> {
    runtime ??= await startRuntime(readSettings(db()));
  }

  async function disconnect(): Promise<void> {
    const running = runtime;
    runtime = undefined;
    await running?.stop();
  }

  return {
    current: () => runtime,
    start: () =>
      inTurn(async () => {
        wanted = true;
        await connect();
      }),
    stop: () =>
      inTurn(async () => {
        wanted = false;
        await disconnect();
      }),
    changeSettings: (patch) =>
      inTurn(async () => {
        const restart = chainRuntimeChanged(readSettings(db()), settingsAfter(readSettings(db()), patch));
        if (!restart) return changeSettings(db(), patch);
        await disconnect();
        try {
          return changeSettings(db(), patch);
        } finally {
          if (wanted) await connect();
        }
      }),
    whileStopped: (work) =>
      inTurn(async () => {
        await disconnect();
        try {
          return await work();
        } finally {
          if (wanted) await connect();
        }
      }),
  };
}
