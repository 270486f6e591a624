import type Transport from '@ledgerhq/hw-transport';
import { ErgoLedgerApp } from 'ledger-ergo-js';
import { AppError } from '../../errors/app-error';
import {
  DeviceTimeoutError,
  isDisconnection,
  isLockedStatus,
  isWrongAppStatus,
  STATUS,
  statusWordOf,
  toDeviceAppError,
  type DeviceOperation,
} from './device-errors';
import { loadNodeHidTransports, type HidTransportFactory } from './hid-transports';
import { DASHBOARD_APP_NAME, readOpenApp } from './open-app';

export const ERGO_APP_NAME = 'Ergo';

export type DeviceState =
  | { status: 'no-device' }
  | { status: 'unavailable'; message: string; hint: string }
  | { status: 'locked' }
  /** openApp is null on the dashboard, otherwise the name of the app that is open instead of Ergo. */
  | { status: 'wrong-app'; openApp: string | null }
  | { status: 'ready'; appVersion: string; debugBuild: boolean; authToken: string }
  | { status: 'busy'; operation: DeviceOperation; appVersion: string; debugBuild: boolean; authToken: string };

export type DeviceStateListener = (state: DeviceState) => void;

export interface DeviceServiceOptions {
  /** Defaults to USB HID, loaded on first use. */
  transports?: HidTransportFactory | (() => Promise<HidTransportFactory>);
  /** Per operation, how long the treasurer may take on the device before we give up. */
  timeoutsMs?: Partial<Record<DeviceOperation, number>>;
}

const DEFAULT_TIMEOUTS_MS: Record<DeviceOperation, number> = {
  connecting: 10_000,
  'reading-keys': 120_000,
  'showing-address': 120_000,
  signing: 600_000,
};

/**
 * Owns the one connection to the Ledger: finds it, tells the UI what state it is in (observable),
 * runs one device operation at a time, and recovers from unplug/replug. The ErgoLedgerApp, and with it
 * the auth token, lives as long as the USB connection: the Ergo app asks once per token to trust us
 * (ledger-app-ergo doc/INS-20-ATTEST-BOX.md) and switching apps on a Ledger re-enumerates USB.
 */
export class LedgerDeviceService {
  #state: DeviceState = { status: 'no-device' };
  readonly #listeners = new Set<DeviceStateListener>();
  readonly #timeouts: Record<DeviceOperation, number>;
  readonly #loadTransports: () => Promise<HidTransportFactory>;
  #transports: HidTransportFactory | undefined;
  #transport: Transport | undefined;
  #app: ErgoLedgerApp | undefined;
  #probing: Promise<DeviceState> | undefined;
  #operation: DeviceOperation | undefined;
  #poller: ReturnType<typeof setInterval> | undefined;

  constructor(options: DeviceServiceOptions = {}) {
    const transports = options.transports ?? loadNodeHidTransports;
    this.#loadTransports = typeof transports === 'function' ? transports : () => Promise.resolve(transports);
    this.#timeouts = { ...DEFAULT_TIMEOUTS_MS, ...options.timeoutsMs };
  }

  get state(): DeviceState {
    return this.#state;
  }

  /** The listener is called on every change (not with the current state); returns an unsubscribe function. */
  subscribe(listener: DeviceStateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Polls so that plugging, unlocking and opening the app show up without the treasurer clicking. */
  start(intervalMs = 2_000): void {
    if (this.#poller) return;
    void this.refresh();
    this.#poller = setInterval(() => void this.refresh(), intervalMs);
    this.#poller.unref?.();
  }

  async stop(): Promise<void> {
    clearInterval(this.#poller);
    this.#poller = undefined;
    await this.#dropConnection();
    this.#setState({ status: 'no-device' });
  }

  /** Looks at the device once (never while an operation is running) and returns the new state. */
  refresh(): Promise<DeviceState> {
    if (this.#operation) return Promise.resolve(this.#state);
    this.#probing ??= this.#probe().finally(() => (this.#probing = undefined));
    return this.#probing;
  }

  /**
   * Runs one operation on the Ergo app with the state shown as busy. Errors come back as AppErrors a
   * treasurer understands; on a timeout or unplug the connection is dropped so the next call starts clean.
   */
  async run<T>(operation: DeviceOperation, work: (app: ErgoLedgerApp) => Promise<T>): Promise<T> {
    if (this.#operation) throw toDeviceAppError(Object.assign(new Error('busy'), { name: 'TransportRaceCondition' }), operation);
    const ready = await this.refresh();
    if (ready.status !== 'ready' || !this.#app) throw notReadyError(ready);
    this.#operation = operation;
    this.#setState({ ...ready, status: 'busy', operation });
    try {
      return await withTimeout(work(this.#app), this.#timeouts[operation]);
    } catch (error) {
      if (error instanceof DeviceTimeoutError || isDisconnection(error)) await this.#dropConnection();
      throw toDeviceAppError(error, operation, { ergoAppOpen: await this.#ergoAppAnswered(error) });
    } finally {
      this.#operation = undefined;
      await this.refresh();
    }
  }

  /** Whether an "unknown command" came from the Ergo app itself (too old for it) rather than from another app. */
  async #ergoAppAnswered(error: unknown): Promise<boolean> {
    if (statusWordOf(error) !== STATUS.INS_NOT_SUPPORTED || !this.#transport) return false;
    return readOpenApp(this.#transport).then(
      (open) => open.name === ERGO_APP_NAME,
      () => false,
    );
  }

  async #probe(): Promise<DeviceState> {
    try {
      return this.#setState(await withTimeout(this.#inspect(), this.#timeouts.connecting));
    } catch (error) {
      return this.#setState(await this.#stateAfterFailure(error));
    }
  }

  async #inspect(): Promise<DeviceState> {
    const transport = this.#transport ?? (await this.#connect());
    if (!transport) return { status: 'no-device' };
    const openApp = await readOpenApp(transport);
    if (openApp.name !== ERGO_APP_NAME) {
      return { status: 'wrong-app', openApp: openApp.name === DASHBOARD_APP_NAME ? null : openApp.name };
    }
    this.#app ??= new ErgoLedgerApp(transport);
    const version = await this.#app.getAppVersion();
    return {
      status: 'ready',
      appVersion: `${version.major}.${version.minor}.${version.patch}`,
      debugBuild: version.flags.isDebug,
      authToken: formatAuthToken(this.#app.authToken),
    };
  }

  async #connect(): Promise<Transport | undefined> {
    this.#transports ??= await this.#loadTransports();
    const [path] = await this.#transports.list();
    if (path === undefined) return undefined;
    const transport = await this.#transports.open(path);
    transport.on('disconnect', () => {
      if (this.#transport !== transport) return;
      void this.#dropConnection();
      this.#setState({ status: 'no-device' });
    });
    this.#transport = transport;
    return transport;
  }

  async #stateAfterFailure(error: unknown): Promise<DeviceState> {
    const status = statusWordOf(error);
    if (isLockedStatus(status)) return { status: 'locked' };
    if (isWrongAppStatus(status)) return { status: 'wrong-app', openApp: null };
    await this.#dropConnection();
    if (isDisconnection(error)) return { status: 'no-device' };
    if (!this.#transports) {
      return { status: 'unavailable', message: 'This computer does not let the app use USB devices.', hint: 'Reinstall the app; until then it works read-only without a Ledger.' };
    }
    return {
      status: 'unavailable',
      message: 'A Ledger is plugged in but the app cannot talk to it.',
      hint: 'Close Ledger Live and other wallet apps, then unplug and replug the Ledger. On Linux, install Ledger\'s udev rules once.',
    };
  }

  async #dropConnection(): Promise<void> {
    const transport = this.#transport;
    this.#transport = undefined;
    this.#app = undefined;
    await transport?.close().catch(() => undefined);
  }

  #setState(state: DeviceState): DeviceState {
    if (JSON.stringify(state) !== JSON.stringify(this.#state)) {
      this.#state = state;
      for (const listener of this.#listeners) listener(state);
    }
    return this.#state;
  }
}

/** The auth token as the Ergo app prints it on screen ("Application 0x%08x"). */
export function formatAuthToken(token: number | undefined): string {
  return `0x${(token ?? 0).toString(16).padStart(8, '0')}`;
}

function notReadyError(state: DeviceState): AppError {
  switch (state.status) {
    case 'no-device':
      return new AppError('device-not-connected', 'No Ledger is connected.', 'Plug in your Ledger, unlock it with your PIN and open the Ergo app.');
    case 'locked':
      return new AppError('device-locked', 'The Ledger is locked.', 'Enter your PIN on the Ledger and open the Ergo app.');
    case 'wrong-app':
      return new AppError(
        'device-wrong-app',
        state.openApp ? `The ${state.openApp} app is open on the Ledger, not the Ergo app.` : 'The Ergo app is not open on the Ledger.',
        'On the Ledger, open the Ergo app (install it with Ledger Live if it is missing).',
      );
    case 'unavailable':
      return new AppError('device-error', state.message, state.hint);
    default:
      return new AppError('device-busy', 'The Ledger is still busy with another request.', 'Finish or reject what the Ledger screen shows, then try again.');
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeviceTimeoutError(`no answer within ${ms} ms`)), ms);
  });
  // A device left waiting on a prompt may still answer (or fail) after we gave up; that late result is moot.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
