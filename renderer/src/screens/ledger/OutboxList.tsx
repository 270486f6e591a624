import { useEffect, useState } from 'react';
import type { OutboxEntry } from '../../../../electron/core/api/calls/outbox-types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { outboxEntryText } from '../../components/outbox-states';
import { alsoDiscardedText } from '../../components/TransactionReview';
import { useCall } from '../../hooks/use-call';
import { shortId } from '../format';

const POLL_MS = 3_000;
const SENDABLE = new Set(['signed', 'dropped']);
const DISCARDABLE = new Set(['built', 'signed', 'dropped', 'conflict']);
/** The order the outbox lists entries in: to sign, failed, on their way, then done. */
const URGENCY: Record<OutboxEntry['state'], number> = { built: 0, dropped: 1, conflict: 1, signed: 2, submitted: 3, mempool: 3, included: 4, confirmed: 5 };

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
  const [said, setSaid] = useState('');
  const act = (work: Promise<unknown>, outcome: (value: unknown) => string = () => '') =>
    work.then(
      (value) => {
        setError(null);
        setSaid(outcome(value));
        reload();
      },
      (e: unknown) => setError(asApiError(e)),
    );
  const discard = (entry: OutboxEntry) =>
    act(callApi('outbox.discard', { transactionId: entry.transactionId }), (value) => {
      const text = alsoDiscardedText((value as { alsoDiscarded: string[] }).alsoDiscarded);
      return text && `Discarded “${entry.description}”.${text}`;
    });

  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const entries = state.status === 'ready' ? state.value : [];
  // What needs the treasurer first (to sign, failed, then on its way); confirmed ones are folded: their history is the ledger.
  const open = entries.filter((entry) => entry.state !== 'confirmed').sort((a, b) => URGENCY[a.state] - URGENCY[b.state]);
  const confirmed = entries.filter((entry) => entry.state === 'confirmed');
  const table = (rows: OutboxEntry[], caption: string) => (
    <table className="data-table outbox-table">
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col className="outbox-what" />
        <col className="outbox-state" />
        <col className="outbox-id" />
        <col className="outbox-actions" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">State</th>
          <th scope="col">Transaction</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => (
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
                <button type="button" className="button secondary" onClick={() => discard(entry)}>
                  Discard
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="outbox-title" className="outbox">
      <h2 id="outbox-title">Outbox</h2>
      {error && <ErrorNotice error={error} />}
      {said && (
        <p className="notice" role="status">
          {said}
        </p>
      )}
      {open.length === 0 ? (
        <p className="empty-note">Nothing waiting: transactions you record appear here until the chain confirms them.</p>
      ) : (
        table(open, 'Transactions recorded on this computer that are not confirmed yet')
      )}
      {confirmed.length > 0 && (
        <details className="outbox-confirmed">
          <summary>
            Confirmed ({confirmed.length}): on chain, their history is in the ledger below
          </summary>
          {table(confirmed, 'Transactions recorded on this computer and confirmed on chain')}
        </details>
      )}
    </section>
  );
}
