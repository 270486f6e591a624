import { z } from 'zod';
import { call } from '../call';
import type { AppInfo, ChainStatus, DeviceStatus } from '../types';

/** The app itself, the chain connection and the signing device: what the status bar and Settings show. */
export const appCalls = {
  'app.info': call<AppInfo>()(z.strictObject({})),
  'chain.status': call<ChainStatus>()(z.strictObject({})),
  'device.status': call<DeviceStatus>()(z.strictObject({})),
} as const;
