import type { AreaHandlers } from '../../api/contract';
import type { appCalls } from '../../api/calls/app-calls';
import type { ChainStatus } from '../../api/types';
import { schemaVersion } from '../../mirror/database';
import type { CoreContext } from '../core-context';

const NOT_CONNECTED: ChainStatus = { state: 'not-connected', message: 'Not connected to a chain yet', height: null };

export function appHandlers(ctx: CoreContext): AreaHandlers<typeof appCalls> {
  return {
    'app.info': () => ({ version: ctx.appVersion, databasePath: ctx.databasePath, schemaVersion: schemaVersion(ctx.db) }),
    'chain.status': () => ctx.chain()?.status() ?? NOT_CONNECTED,
    // The Ledger device service is wired in with the signing screens; until then the status bar says so plainly.
    'device.status': () => ({ state: 'not-connected', message: 'No Ledger connected' }),
  };
}
