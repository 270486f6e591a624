import { DEFAULT_CONFIRMATIONS, DEVNET_SOURCE, EXPLORER_SOURCE, type AppSettings, type NodeNetwork } from '../api/calls/settings-schema';

/** How the settings decide which chain the app follows and how deep a transaction must be to count as confirmed. */

export function usesDevnet(settings: Pick<AppSettings, 'chainSource'>): boolean {
  return settings.chainSource === DEVNET_SOURCE;
}

export function usesExplorer(settings: Pick<AppSettings, 'chainSource'>): boolean {
  return settings.chainSource === EXPLORER_SOURCE;
}

export function effectiveConfirmations(settings: Pick<AppSettings, 'chainSource' | 'confirmations'>): number {
  return settings.confirmations ?? (usesDevnet(settings) ? DEFAULT_CONFIRMATIONS.devnet : DEFAULT_CONFIRMATIONS.node);
}

/** The chain the mirror holds data of: the devnet, or the network of the configured node. */
export function chainOf(settings: Pick<AppSettings, 'chainSource' | 'nodeNetwork'>): 'devnet' | NodeNetwork {
  return usesDevnet(settings) ? 'devnet' : settings.nodeNetwork;
}

/** Whether the chain runtime must be restarted to follow a change from `before` to `after`. */
export function chainRuntimeChanged(before: AppSettings, after: AppSettings): boolean {
  return (
    before.chainSource !== after.chainSource ||
    chainOf(before) !== chainOf(after) ||
    (usesDevnet(after) && before.demoLets !== after.demoLets) ||
    effectiveConfirmations(before) !== effectiveConfirmations(after)
  );
}
