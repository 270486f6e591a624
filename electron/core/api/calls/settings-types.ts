import type { AppSettings, NodeNetwork } from './settings-schema';
import type { LetsSummary } from '../types';

export type { AppSettings, NodeNetwork };

/** A LETS as Settings shows it: its parameters as read from the chain, and any difference from the local record. */
export interface LetsParametersView extends Pick<LetsSummary, 'id' | 'name' | 'unit' | 'model' | 'creditFloor' | 'creditCap'> {
  /** The LETS's management (or public token) box has been seen on chain: unit, floor and cap are the chain's, not only the local record's. */
  readFromChain: boolean;
  /** What differed between this computer's record and the chain when the chain's values replaced it, or null. */
  chainWarning: string | null;
}

/** A stretch of the local copy: where it was read from and what it passed there (mirror/queries/mirror-reads.ts). */
export interface MirrorReadView {
  /** The LETS one catch-up read it for; null when the block-by-block sync read it for every LETS followed. */
  lets: string | null;
  fromHeight: number;
  toHeight: number;
  source: string;
  checks: string;
}

export interface SettingsView {
  settings: AppSettings;
  /** The chain the app follows now: the devnet, or the node's network. */
  chain: 'devnet' | NodeNetwork;
  /** Confirmation depth in effect, and the default for the chain source (used while `settings.confirmations` is null). */
  confirmations: { effective: number; default: number };
  database: { path: string; schemaVersion: number };
  appVersion: string;
  lets: LetsParametersView[];
  /** Where the local copy of the ledger was read from, lowest blocks first. */
  mirrorReads: MirrorReadView[];
  /** Something the treasurer should know about the change just saved (e.g. the node has no extra index), or null. */
  notice: string | null;
}

export interface NodeCheckView {
  height: number;
  network: NodeNetwork;
  /** Null when the node has no extra index. */
  indexedHeight: number | null;
  /** One sentence on what the app can do with this node. */
  message: string;
}

/** What "Back up" and "Restore" in the main process answer; the renderer only shows the paths, never chooses them. */
export type DatabaseFileReply =
  /** `path` is null when the treasurer cancelled the dialog. */
  | { ok: true; kind: 'backed-up'; path: string | null }
  /** `keptCopy`: where the database as it was before is kept; both null when cancelled. */
  | { ok: true; kind: 'restored'; path: string | null; keptCopy: string | null }
  | { ok: false; message: string; hint: string };
