import { useEffect, useState } from 'react';
import type { MemberStatement } from '../../../../electron/core/api/calls/statement-types';
import { ApiError, callApi } from '../../api/client';
import type { CallState } from '../../hooks/use-call';

export interface StatementRequest {
  letsId: number;
  /** One member, or every member of the LETS (batch). */
  who: number | 'all';
  from: string;
  to: string;
}

/** The statements for a request, reloaded whenever it changes; an answer to an older request is ignored. */
export function useStatements(request: StatementRequest | null): CallState<MemberStatement[]> | null {
  const [state, setState] = useState<{ key: string; value: CallState<MemberStatement[]> } | null>(null);
  const key = JSON.stringify(request);
  useEffect(() => {
    // Read back from the text so the effect depends on the request's content, not on its object identity.
    const wanted = JSON.parse(key) as StatementRequest | null;
    if (!wanted) return undefined;
    let current = true;
    const { letsId, who, from, to } = wanted;
    const loading = who === 'all' ? callApi('statements.batch', { letsId, from, to }) : callApi('statements.get', { letsId, memberId: who, from, to }).then((s) => [s]);
    loading.then(
      (value) => current && setState({ key, value: { status: 'ready', value } }),
      (error: unknown) =>
        current &&
        setState({
          key,
          value: { status: 'failed', error: error instanceof ApiError ? error : new ApiError({ code: 'internal', message: 'The statements could not be made.', hint: 'Restart the app.' }) },
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  if (!request) return null;
  return state?.key === key ? state.value : { status: 'loading' };
}
