import { useState } from 'react';
import { asApiError, type ApiError } from '../api/client';

/**
 * One piece of work at a time for a form: `busy` while it runs (buttons wait), its error kept for the notice, and its
 * result handed to `then` when it succeeds.
 */
export function useBusyWork() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = <T,>(work: () => Promise<T>, then: (value: T) => void) => {
    setBusy(true);
    setError(null);
    work()
      .then(then, (e: unknown) => setError(asApiError(e)))
      .finally(() => setBusy(false));
  };
  return { busy, error, setError, run };
}
