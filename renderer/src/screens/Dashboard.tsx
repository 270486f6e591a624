import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useCall } from '../hooks/use-call';
import { formatAmount } from '../../../electron/core/lets/amount';

export function Dashboard() {
  const { state } = useCall('lets.list', {});
  if (state.status === 'loading') return <Loading what="your LETS" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  if (state.value.length === 0) {
    return (
      <EmptyState title="No LETS followed yet">
        <p>Once the app is connected to a chain, the LETS your committee runs appears here with its members and balances.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="card-list" aria-label="LETS">
      {state.value.map((lets) => (
        <li key={lets.id} className="card">
          <h2>{lets.name}</h2>
          <dl className="facts">
            <dt>Unit</dt>
            <dd>{lets.unit}</dd>
            <dt>Credit floor</dt>
            <dd className="amount">{formatAmount(lets.creditFloor)}</dd>
            <dt>Credit cap</dt>
            <dd className="amount">{lets.creditCap === null ? 'none' : formatAmount(lets.creditCap)}</dd>
            <dt>Members</dt>
            <dd>{lets.memberCount}</dd>
            <dt>Trial balance</dt>
            <dd className="amount">
              {formatAmount(lets.trialBalance)}
              {lets.model === 'committee' && lets.trialBalance !== 0n && (
                <span className="alarm" role="alert">
                  {' '}
                  Balances do not add up to zero: rebuild the mirror in Settings.
                </span>
              )}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
