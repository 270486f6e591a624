import { AppError } from '../../errors/app-error';

/**
 * Status words the treasurer can act on. Sources: ledger-app-ergo src/sw.h (0x6985, 0xE00A, 0xB000)
 * and Ledger's common status words (@ledgerhq/errors StatusCodes: 0x5515 locked, 0x6e00/0x6d00 the
 * Ergo app is not the one open, 0x6e01 bootloader).
 */
export const STATUS = {
  OK: 0x9000,
  DENIED: 0x6985,
  LOCKED: 0x5515,
  CLA_NOT_SUPPORTED: 0x6e00,
  CLA_NOT_SUPPORTED_BOOTLOADER: 0x6e01,
  INS_NOT_SUPPORTED: 0x6d00,
  BUSY: 0xb000,
  TOO_MANY_TOKENS: 0xe00a,
} as const;

/** Older firmware answers a locked screen with "security status not satisfied" instead of 0x5515. */
const LOCKED_LEGACY = 0x6982;

const WRONG_APP_CODES: readonly number[] = [STATUS.CLA_NOT_SUPPORTED, STATUS.CLA_NOT_SUPPORTED_BOOTLOADER, STATUS.INS_NOT_SUPPORTED];

/** Error names @ledgerhq transports use when the cable is pulled or two calls overlap. */
const DISCONNECTED_NAMES = ['DisconnectedDevice', 'DisconnectedDeviceDuringOperation', 'TransportInterfaceNotAvailable'];
const BUSY_NAMES = ['TransportRaceCondition'];

export class DeviceTimeoutError extends Error {
  override readonly name = 'DeviceTimeoutError';
}

/** The status word of a ledger-ergo-js DeviceError or an @ledgerhq TransportStatusError, if any. */
export function statusWordOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { code?: unknown; statusCode?: unknown }).code ?? (error as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}

export function isDisconnection(error: unknown): boolean {
  return error instanceof Error && DISCONNECTED_NAMES.includes(error.name);
}

export function isLockedStatus(status: number | undefined): boolean {
  return status === STATUS.LOCKED || status === LOCKED_LEGACY;
}

export function isWrongAppStatus(status: number | undefined): boolean {
  return status !== undefined && WRONG_APP_CODES.includes(status);
}

/** What the device is doing, so a message can say what was interrupted. */
export type DeviceOperation = 'connecting' | 'reading-keys' | 'showing-address' | 'signing';

const INTERRUPTED: Record<DeviceOperation, string> = {
  connecting: 'connecting to the Ledger',
  'reading-keys': 'reading the keys from the Ledger',
  'showing-address': 'showing the address on the Ledger',
  signing: 'signing on the Ledger',
};

/**
 * Turns anything a Ledger call throws into a sentence a treasurer can act on. Whatever happened,
 * nothing has been signed or sent; the messages for signing say so because that is the worry.
 */
export function toDeviceAppError(error: unknown, operation: DeviceOperation): AppError {
  if (error instanceof AppError) return error;
  const nothingSent = operation === 'signing' ? ' Nothing was signed or sent.' : '';
  if (error instanceof DeviceTimeoutError) {
    return new AppError('device-timeout', `The Ledger did not answer in time while ${INTERRUPTED[operation]}.${nothingSent}`, 'Unlock the Ledger, keep the Ergo app open, and try again; confirm on the device within a few minutes.');
  }
  if (isDisconnection(error)) {
    return new AppError('device-disconnected', `The Ledger was unplugged while ${INTERRUPTED[operation]}.${nothingSent}`, 'Plug the Ledger back in, unlock it, open the Ergo app and try again.');
  }
  if (error instanceof Error && BUSY_NAMES.includes(error.name)) {
    return busy();
  }
  const status = statusWordOf(error);
  if (status === STATUS.DENIED) {
    return new AppError(
      'device-rejected',
      operation === 'signing'
        ? 'The Ledger refused to sign. Either "Reject" was chosen on the device, or this transaction needs blind signing and blind signing is off. Nothing was signed or sent.'
        : `The request was rejected on the Ledger while ${INTERRUPTED[operation]}.`,
      operation === 'signing'
        ? 'If you did not reject it: in the Ergo app on the Ledger open Settings, set "Blind signing" to enabled, go back, and sign again. Transactions that pay into a LETS contract always need it.'
        : 'Try again and approve on the device if the details match what the app shows.',
    );
  }
  if (isLockedStatus(status)) {
    return new AppError('device-locked', `The Ledger is locked.${nothingSent}`, 'Enter your PIN on the Ledger, open the Ergo app, and try again.');
  }
  if (isWrongAppStatus(status)) {
    return new AppError('device-wrong-app', `The Ergo app is not open on the Ledger.${nothingSent}`, 'On the Ledger, open the Ergo app (install it with Ledger Live if it is missing) and try again.');
  }
  if (status === STATUS.BUSY) {
    return busy();
  }
  if (status === STATUS.TOO_MANY_TOKENS) {
    return new AppError('limit-exceeded', `The Ledger cannot hold this many different tokens in one transaction.${nothingSent}`, 'Split the work into smaller transactions, then sign each one.');
  }
  const code = status === undefined ? '' : ` (code 0x${status.toString(16).padStart(4, '0')})`;
  return new AppError('device-error', `The Ledger reported an error while ${INTERRUPTED[operation]}${code}.${nothingSent}`, 'Unplug the Ledger, plug it back in, open the Ergo app and try again. Update the Ergo app in Ledger Live if it keeps happening.');
}

function busy(): AppError {
  return new AppError('device-busy', 'The Ledger is still busy with another request.', 'Finish or reject what the Ledger screen shows, then try again.');
}
