import type { AreaHandlers } from '../../api/contract';
import type { appCalls } from '../../api/calls/app-calls';
import type { ChainStatus } from '../../api/types';
import { schemaVersion } from '../../mirror/database';
import { describeDevice } from '../../signers/ledger/device-status';
import type { CoreContext } from '../core-context';

const NOT_CONNECTED: ChainStatus = { state: 'not-connected', message: 'Not connected to a chain yet', height: null };

export function appHandlers(ctx: CoreContext): AreaHandlers<typeof appCalls> {
  return {
    'app.info': () => ({ version: ctx.appVersion, databasePath: ctx.databasePath, schemaVersion: schemaVersion(ctx.db) }),
    'chain.status': () => ctx.chain()?.status() ?? NOT_CONNECTED,
    // Each poll looks at the device once, so plugging in, unlocking and opening the app show up within a poll.
    'device.status': async () => describeDevice(await ctx.device.refresh()),
  };
}
