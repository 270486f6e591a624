/** Shapes that cross the API boundary. Plain data only: bigint for money, ISO strings for dates. */

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
}

export type ChainState = 'not-connected' | 'connecting' | 'syncing' | 'synced' | 'unreachable';

export interface ChainStatus {
  state: ChainState;
  /** One sentence for the status bar, e.g. "Node unreachable since 14:02, retrying". */
  message: string;
  height: number | null;
}

export type DeviceState = 'not-connected' | 'locked' | 'wrong-app' | 'ready' | 'busy';

export interface DeviceStatus {
  state: DeviceState;
  message: string;
}

export interface MemberSummary {
  id: number;
  name: string;
  contact: string;
  /** Current balance from the member's account box on chain; null until the mirror has seen one. */
  balance: bigint | null;
}

export interface LetsSummary {
  id: number;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  creditFloor: bigint;
  creditCap: bigint | null;
  /** Members with an account box on chain. */
  memberCount: number;
  /** Σ balances; anything but 0 in a committee LETS is an alarm. */
  trialBalance: bigint;
}
