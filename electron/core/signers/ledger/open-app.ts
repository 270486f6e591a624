import type Transport from '@ledgerhq/hw-transport';
import { STATUS } from './device-errors';

/** Error carrying a raw status word, shaped like ledger-ergo-js's DeviceError (a numeric `code`). */
export class StatusWordError extends Error {
  override readonly name = 'StatusWordError';
  constructor(readonly code: number) {
    super(`Ledger status 0x${code.toString(16).padStart(4, '0')}`);
  }
}

export interface OpenApp {
  /** "Ergo" for our app, "BOLOS" on the dashboard, otherwise another app's name. */
  name: string;
  version: string;
}

export const DASHBOARD_APP_NAME = 'BOLOS';

/**
 * BOLOS answers "get app and version" (CLA 0xB0, INS 0x01) on the dashboard and inside every app:
 * 01 | nameLength | name | versionLength | version | [flags]. Asking it first tells "locked" (0x5515)
 * from "wrong app" without sending an Ergo command to some other app.
 */
export async function readOpenApp(transport: Transport): Promise<OpenApp> {
  const response = await transport.exchange(Buffer.from([0xb0, 0x01, 0x00, 0x00, 0x00]));
  const status = response.length >= 2 ? response.readUInt16BE(response.length - 2) : 0;
  if (status !== STATUS.OK) throw new StatusWordError(status);
  const nameLength = response[1] ?? 0;
  const name = response.subarray(2, 2 + nameLength).toString('ascii');
  const versionLength = response[2 + nameLength] ?? 0;
  const version = response.subarray(3 + nameLength, 3 + nameLength + versionLength).toString('ascii');
  return { name, version };
}
