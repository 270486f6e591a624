import { AppError } from '../errors/app-error';

/**
 * BIP-44 key paths as the Ergo Ledger app accepts them: m/44'/429'/account'/change/index.
 * The app refuses to sign or show an address for shorter paths, and only change 0 or 1 is allowed
 * (ledger-app-ergo doc/INS-11-DERIVE-ADDR.md), so every key the app uses has exactly this shape.
 */
const HARDENED = 0x8000_0000;
const KEY_PATH = /^m\/44'\/429'\/(\d+)'\/([01])\/(\d+)$/;

export interface KeyPathParts {
  account: number;
  change: 0 | 1;
  index: number;
}

export function accountPath(account: number): string {
  assertIndex(account, 'account');
  return `m/44'/429'/${account}'`;
}

export function addressKeyPath(account: number, index: number, change: 0 | 1 = 0): string {
  assertIndex(account, 'account');
  assertIndex(index, 'address index');
  return `m/44'/429'/${account}'/${change}/${index}`;
}

export function parseKeyPath(path: string): KeyPathParts {
  const match = KEY_PATH.exec(path);
  const account = Number(match?.[1]);
  const index = Number(match?.[3]);
  if (!match || account >= HARDENED || index >= HARDENED) {
    throw new AppError(
      'invalid-input',
      `"${path}" is not a key path the Ergo Ledger app can use.`,
      "Use a path of the form m/44'/429'/account'/0/index.",
    );
  }
  return { account, change: match[2] === '1' ? 1 : 0, index };
}

/** Keeps first-seen order: the device reviews one signing session per distinct path, in this order. */
export function distinctKeyPaths(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}

function assertIndex(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= HARDENED) {
    throw new AppError('invalid-input', `The ${what} ${value} is out of range.`, 'Use a whole number from 0 to 2147483647.');
  }
}
