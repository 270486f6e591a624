import type { AreaHandlers } from '../../api/contract';
import type { appCalls } from '../../api/calls/app-calls';
import type { ChainStatus } from '../../api/types';
import { schemaVersion } from '../../mirror/database';
import { unpolledDeviceStatus } from '../../settings/device-polling';
import { readSettings } from '../../settings/settings-store';
import { describeDevice } from '../../signers/ledger/device-status';
import type { CoreContext } from '../core-context';

const NOT_CONNECTED: ChainStatus = { state: 'not-connected', message: 'Not connected to a chain yet', height: null };

export function appHandlers(ctx: CoreContext): AreaHandlers<typeof appCalls> {
  return {
    'app.info': () => ({ version: ctx.appVersion, databasePath: ctx.databasePath, schemaVersion: schemaVersion(ctx.db) }),
    'chain.status': () => ctx.chain()?.status() ?? NOT_CONNECTED,
    // Each poll looks at the device once, so plugging in, unlocking and opening the app show up within a poll;
    // with polling off in Settings the app leaves the USB bus alone until the treasurer signs.
    'device.status': async () => (readSettings(ctx.db).pollLedger ? describeDevice(await ctx.device.refresh()) : unpolledDeviceStatus(ctx.device.state)),
  };
}
