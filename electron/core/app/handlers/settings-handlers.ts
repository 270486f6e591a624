import type { AreaHandlers } from '../../api/contract';
import type { settingsCalls } from '../../api/calls/settings-calls';
import type { SettingsView } from '../../api/calls/settings-types';
import { schemaVersion } from '../../mirror/database';
import type { AppSettings } from '../../api/calls/settings-schema';
import { chainOf, effectiveConfirmations, usesDevnet, usesExplorer } from '../../settings/app-settings';
import { letsParameters } from '../../settings/lets-parameters-view';
import { mirrorReadsView } from '../../settings/mirror-reads-view';
import { describeNodeCheck } from '../../settings/node-notice';
import { settingsAfter } from '../../settings/settings-change';
import { readSettings } from '../../settings/settings-store';
import type { CoreContext } from '../core-context';
import { checkNode } from '../node-runtime';

export function settingsHandlers(ctx: CoreContext): AreaHandlers<typeof settingsCalls> {
  const view = (notice: string | null = null): SettingsView => {
    const settings = readSettings(ctx.db);
    return {
      settings,
      chain: chainOf(settings),
      confirmations: { effective: effectiveConfirmations(settings), default: effectiveConfirmations({ ...settings, confirmations: null }) },
      database: { path: ctx.databasePath, schemaVersion: schemaVersion(ctx.db) },
      appVersion: ctx.appVersion,
      lets: letsParameters(ctx.db),
      mirrorReads: mirrorReadsView(ctx.db),
      notice,
    };
  };
  const isNewNode = (before: AppSettings, after: AppSettings) =>
    !usesDevnet(after) && !usesExplorer(after) && (after.chainSource !== before.chainSource || after.nodeNetwork !== before.nodeNetwork);

  return {
    'settings.get': () => view(),
    'settings.update': async (patch) => {
      const after = settingsAfter(readSettings(ctx.db), patch);
      // A node that cannot be reached or is on another network is refused here, before the app leaves its chain.
      const check = isNewNode(readSettings(ctx.db), after) ? await checkNode({ url: after.chainSource, network: after.nodeNetwork }) : null;
      await ctx.changeSettings(patch);
      return view(check && describeNodeCheck(check));
    },
    'settings.rebuildMirror': async () => {
      await ctx.rebuildMirror();
      return view('The ledger is being read again from the chain. Balances and trades come back as it catches up; names, notes and the outbox are kept.');
    },
    'settings.checkNode': async ({ url, network }) => {
      const check = await checkNode({ url, network });
      return { ...check, message: describeNodeCheck(check) };
    },
  };
}
