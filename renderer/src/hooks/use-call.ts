import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../electron/core/api/contract';
import { asApiError, callApi, type ApiError } from '../api/client';
import { NewestAnswer } from './newest-answer';

/** How often screens that show chain data ask again, so confirmations appear without a click. */
export const LIVE_REFRESH_MS = 5_000;

export type CallState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: ApiError };

/**
 * Runs an API call when the screen shows and whenever its input changes; `refreshMs` polls (status bar).
 * The input is compared by its wire text so callers can pass object literals.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N>, refreshMs?: number) {
  const [state, setState] = useState<CallState<CallOutput<N>>>({ status: 'loading' });
  const key = JSON.stringify(input);
  const answers = useRef(new NewestAnswer());
  const load = useCallback(() => {
    answers.current.follow(callApi(name, JSON.parse(key) as CallInput<N>), (outcome) =>
      setState(outcome.ok ? { status: 'ready', value: outcome.value } : { status: 'failed', error: asApiError(outcome.error) }),
    );
  }, [name, key]);
  useEffect(() => {
    load();
    if (!refreshMs) return undefined;
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [load, refreshMs]);
  return { state, reload: load };
}
