import { useEffect, useState } from 'react';
import type { OutboxEntry } from '../../../../electron/core/api/calls/outbox-types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { outboxEntryText } from '../../components/outbox-states';
import { useCall } from '../../hooks/use-call';
import { shortId } from '../format';

const POLL_MS = 3_000;
const SENDABLE = new Set(['signed', 'dropped']);
const DISCARDABLE = new Set(['built', 'signed', 'dropped', 'conflict']);

/**
 * The app's own transactions on their way to the chain, with what the treasurer can do about each. A new
 * `refreshKey` (a review closed) asks again at once rather than at the next poll.
 */
export function OutboxList({ onReview, refreshKey }: { onReview: (entry: OutboxEntry) => void; refreshKey: number }) {
  const { state, reload } = useCall('outbox.list', {}, POLL_MS);
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  const [error, setError] = useState<ApiError | null>(null);
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setError(null);
        reload();
      },
      (e: unknown) => setError(asApiError(e)),
    );

  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const entries = state.status === 'ready' ? state.value : [];
  return (
    <section aria-labelledby="outbox-title" className="outbox">
      <h2 id="outbox-title">Outbox</h2>
      {error && <ErrorNotice error={error} />}
      {entries.length === 0 ? (
        <p className="empty-note">Nothing waiting: transactions you record appear here until the chain confirms them.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Transactions recorded on this computer</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">State</th>
              <th scope="col">Transaction</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.transactionId} data-state={entry.state}>
                <td>
                  {entry.description}
                  {entry.lastError && entry.state !== 'confirmed' && <p className="row-error">{entry.lastError}</p>}
                </td>
                <td>{outboxEntryText(entry)}</td>
                <td className="path">{shortId(entry.transactionId)}</td>
                <td className="row-actions">
                  {entry.state === 'built' && (
                    <button type="button" className="button secondary" onClick={() => onReview(entry)}>
                      {entry.requestExpiresAt ? 'Show the request…' : 'Sign…'}
                    </button>
                  )}
                  {SENDABLE.has(entry.state) && (
                    <button type="button" className="button secondary" onClick={() => act(callApi('outbox.send', { transactionId: entry.transactionId }))}>
                      Send again
                    </button>
                  )}
                  {DISCARDABLE.has(entry.state) && (
                    <button type="button" className="button secondary" onClick={() => act(callApi('outbox.discard', { transactionId: entry.transactionId }))}>
                      Discard
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
