import { AppError } from '../../errors/app-error';

/**
 * Status words the treasurer can act on. Sources: ledger-app-ergo src/sw.h (0x6985, 0x6A86/7, 0xB000, 0xB002,
 * 0xB0FF, 0xE00A, 0xE012, 0xE018, 0xE019) and Ledger's common status words (@ledgerhq/errors StatusCodes: 0x5515 locked, 0x6e00/0x6d00 the
 * Ergo app is not the one open, 0x6e01 bootloader).
 */
export const STATUS = {
  OK: 0x9000,
  DENIED: 0x6985,
  LOCKED: 0x5515,
  WRONG_P1P2: 0x6a86,
  WRONG_DATA_LENGTH: 0x6a87,
  CLA_NOT_SUPPORTED: 0x6e00,
  CLA_NOT_SUPPORTED_BOOTLOADER: 0x6e01,
  INS_NOT_SUPPORTED: 0x6d00,
  BUSY: 0xb000,
  BAD_SESSION_ID: 0xb002,
  BAD_STATE: 0xb0ff,
  TOO_MANY_TOKENS: 0xe00a,
  BIP32_BAD_PATH: 0xe012,
  BAD_FRAME_SIGNATURE: 0xe018,
  BAD_NET_TYPE: 0xe019,
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

/** What the device service knew when the error came: whether the Ergo app itself was open (it checks first). */
export interface DeviceErrorContext {
  ergoAppOpen?: boolean;
}

/**
 * Turns anything a Ledger call throws into a sentence a treasurer can act on. Whatever happened,
 * nothing has been signed or sent; the messages for signing say so because that is the worry.
 */
export function toDeviceAppError(error: unknown, operation: DeviceOperation, context: DeviceErrorContext = {}): AppError {
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
  const protocol = protocolError(status, operation, nothingSent, context);
  if (protocol) return protocol;
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

/** The Ergo app's own refusals of a request it did not expect (ledger-app-ergo src/sw.h, apdu_dispatcher.c). */
function protocolError(status: number | undefined, operation: DeviceOperation, nothingSent: string, context: DeviceErrorContext): AppError | undefined {
  const again = operation === 'signing' ? 'Sign again' : 'Try again';
  switch (status) {
    case STATUS.INS_NOT_SUPPORTED:
      // Inside the Ergo app, an unknown command means the installed app predates it; elsewhere, another app is open.
      if (!context.ergoAppOpen) return undefined;
      return new AppError('device-error', `The Ergo app on the Ledger is too old for this request.${nothingSent}`, 'Update the Ergo app in Ledger Live, open it again, and try again.');
    case STATUS.BAD_STATE:
    case STATUS.BAD_SESSION_ID:
      return new AppError(
        'device-error',
        `The Ledger lost its session while ${INTERRUPTED[operation]}: another request reached the Ergo app in between (another wallet program?).${nothingSent}`,
        `Close other wallet programs such as Ledger Live, then ${again.toLowerCase()}.`,
      );
    case STATUS.BAD_FRAME_SIGNATURE:
      return new AppError(
        'device-error',
        `The Ergo app restarted while ${INTERRUPTED[operation]}, twice in a row, so the boxes it had checked could not be used.${nothingSent}`,
        `Keep the Ergo app open on the Ledger, then ${again.toLowerCase()}.`,
      );
    case STATUS.BAD_NET_TYPE:
      return new AppError(
        'chain-wrong-network',
        `The Ergo app refused the network of this request.${nothingSent}`,
        'Check in Settings which network the app follows (mainnet or testnet), and update the Ergo app in Ledger Live.',
      );
    case STATUS.BIP32_BAD_PATH:
      return new AppError(
        'invalid-input',
        `The Ergo app does not use that key path.${nothingSent}`,
        "Choose an account and address index: the Ergo app signs with keys at m/44'/429'/account'/0/index.",
      );
    case STATUS.WRONG_P1P2:
    case STATUS.WRONG_DATA_LENGTH:
      return new AppError(
        'device-error',
        `The Ergo app did not accept the request (code 0x${status.toString(16)}): this LETS Treasurer and the Ergo app on the Ledger do not match.${nothingSent}`,
        'Update the Ergo app in Ledger Live and LETS Treasurer to their latest versions, then try again.',
      );
    default:
      return undefined;
  }
}
