export interface RetryPolicy {
  /** Total tries, the first one included; 1 means no retry. */
  attempts: number;
  baseDelayMs: number;
}

/** However many attempts are configured, a wait never grows past this: the status bar counts it down to the user. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Wait before retry number `retry` (1 for the first retry): exponential, capped, with "equal jitter" — a random
 * point in the upper half of the step, so the wait is never longer than the nominal step and never shorter than
 * half of it, while clients that failed together (e.g. after a node restart) do not all come back at once.
 */
export function retryDelayMs(retry: number, baseDelayMs: number, random: () => number): number {
  const step = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
