import { localDate, localTime } from '../api/calls/statement-period';
import type { ChainStatus } from '../api/types';
import { nodeIsCatchingUp } from './chain-source';
import { toErrorPayload, type ErrorCode, type ErrorPayload } from '../errors/app-error';

/**
 * The chain status the status bar shows, kept up to date by the sync loop after each round. The clock is injected
 * so the "since 14:02, retrying in 8 s" countdown is exact in tests; status() recomputes it on every call, so a UI
 * that polls sees it count down without the loop doing anything.
 */
export interface ConnectionTracker {
  /** No node configured, or sync stopped. */
  disconnected(): void;
  /** First contact with a node (or a new address) is under way. */
  connecting(): void;
  /**
   * A round succeeded: the mirror now holds blocks up to mirrorHeight of the node's nodeHeight. When the node knows
   * headers well beyond its blocks (headersHeight), the node itself is still catching up and says so.
   */
  progressed(mirrorHeight: number, nodeHeight: number, headersHeight?: number, catchingUp?: string | null): void;
  /** A round failed; the loop tries again in retryInMs. */
  failed(error: unknown, retryInMs: number): void;
  status(): ChainStatus;
  /** The whole error of the current failure streak, for a details view; null while things work. */
  lastError(): ErrorPayload | null;
}

/** Short, for a status bar, naming the source ("Node", "Explorer"); the full message and hint stay in lastError(). */
const FAILURE_SUMMARY: Partial<Record<ErrorCode, (source: string) => string>> = {
  'chain-unreachable': (source) => `${source} unreachable`,
  'chain-response-invalid': (source) => `${source} sent data the app cannot use`,
  'chain-node-error': (source) => `${source} reports an error`,
  'chain-wrong-network': (source) => `${source} is on another network`,
  unauthorised: (source) => `${source} refused the API key`,
};

export interface TrackedSource {
  /** For sentences: "the Ergo node at http://127.0.0.1:9053". */
  label: string;
  /** For the status bar's short summaries: "Node", "Explorer", "Demo chain". */
  name: string;
}

type Phase =
  | { state: 'not-connected' }
  | { state: 'connecting' }
  | { state: 'syncing' | 'synced'; mirrorHeight: number; nodeHeight: number }
  /** A newly followed LETS's history is being read; `text` says how far (mirror/sync/catch-up.ts describeCatchUp). */
  | { state: 'reading-history'; text: string }
  | { state: 'node-catching-up'; nodeHeight: number; headersHeight: number }
  | { state: 'unreachable'; since: number; retryAt: number; error: ErrorPayload };

export function createConnectionTracker({ now, source }: { now: () => number; source: TrackedSource }): ConnectionTracker {
  let phase: Phase = { state: 'not-connected' };
  let height: number | null = null;

  function message(): string {
    switch (phase.state) {
      case 'not-connected':
        return `Not connected to ${source.label}.`;
      case 'connecting':
        return `Connecting to ${source.label}…`;
      case 'syncing':
        return `Catching up: block ${phase.mirrorHeight} of ${phase.nodeHeight}.`;
      case 'synced':
        // The mirror's own height: a node that claims a lower one (behind, or lying) does not lower what is shown.
        return phase.nodeHeight < phase.mirrorHeight
          ? `Up to date at block ${phase.mirrorHeight}; the ${source.name.toLowerCase()} reports only block ${phase.nodeHeight}.`
          : `Up to date at block ${phase.mirrorHeight}.`;
      case 'reading-history':
        return phase.text;
      case 'node-catching-up':
        return `The node is catching up: block ${groupDigits(phase.nodeHeight)} of ${groupDigits(phase.headersHeight)}.`;
      case 'unreachable': {
        const summary = FAILURE_SUMMARY[phase.error.code]?.(source.name) ?? 'Chain sync failed';
        const seconds = Math.ceil((phase.retryAt - now()) / 1000);
        const retry = seconds > 0 ? `retrying in ${seconds} s` : 'retrying now';
        return `${summary} since ${clockTime(phase.since, now())}, ${retry}.`;
      }
    }
  }

  return {
    disconnected() {
      phase = { state: 'not-connected' };
      height = null;
    },
    connecting() {
      phase = { state: 'connecting' };
    },
    progressed(mirrorHeight, nodeHeight, headersHeight, catchingUp) {
      if (headersHeight !== undefined && nodeIsCatchingUp({ height: nodeHeight, headersHeight })) phase = { state: 'node-catching-up', nodeHeight, headersHeight };
      else if (catchingUp) phase = { state: 'reading-history', text: catchingUp };
      else phase = { state: mirrorHeight < nodeHeight ? 'syncing' : 'synced', mirrorHeight, nodeHeight };
      height = mirrorHeight;
    },
    failed(error, retryInMs) {
      const at = now();
      // "since" is when the streak began: a node down for an hour must not look freshly failed after every retry.
      const since = phase.state === 'unreachable' ? phase.since : at;
      phase = { state: 'unreachable', since, retryAt: at + retryInMs, error: toErrorPayload(error) };
    },
    status() {
      // The API's states predate these: a node catching up, or a LETS's history being read, is to the treasurer syncing.
      return { state: phase.state === 'node-catching-up' || phase.state === 'reading-history' ? 'syncing' : phase.state, message: message(), height };
    },
    lastError() {
      return phase.state === 'unreachable' ? phase.error : null;
    },
  };
}

/** 24-hour local time, with the date when the streak began on another day. */
function clockTime(at: number, today: number): string {
  const date = new Date(at);
  const sameDay = new Date(today).toDateString() === date.toDateString();
  return sameDay ? localTime(date) : `${localDate(date)} ${localTime(date)}`;
}

/** 1100000 → "1 100 000": block heights are read aloud and compared at a glance. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
