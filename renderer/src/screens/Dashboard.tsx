import type { AttentionItem, LetsAtAGlance } from '../../../electron/core/api/calls/dashboard-types';
import { formatAmount } from '../../../electron/core/lets/amount';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useCall } from '../hooks/use-call';
import { CatchUpProgress, CommitteeStanding, ShareToggle } from './dashboard/LetsStanding';
import { Welcome } from './dashboard/Welcome';
import { formatMonth, shortId } from './format';
import '../styles/following.css';
import '../styles/dashboard.css';
import { membershipsLeftText } from '../../../electron/core/members/memberships';

const REFRESH_MS = 5_000;

const ATTENTION: Record<string, string> = {
  built: 'built, not signed yet',
  dropped: 'dropped by the node — retry or discard it in the Ledger outbox',
  conflict: 'in conflict: its inputs were spent by another transaction — discard it and record it again',
};

function LetsCard({ lets, monthStart, rule, onChanged }: { lets: LetsAtAGlance; monthStart: number; rule: string; onChanged: () => void }) {
  // Both models conserve value on chain (trades move, joins and withdrawals happen at 0.00): Σ = 0 always.
  const unbalanced = lets.trialBalance !== 0n;
  return (
    <li className="card">
      <h2>{lets.name}</h2>
      {lets.catchUp && <CatchUpProgress letsId={lets.id} catchUp={lets.catchUp} onChanged={onChanged} />}
      <CommitteeStanding lets={lets} onChanged={onChanged} />
      <dl className="facts">
        <dt>Model</dt>
        <dd>{lets.model === 'trustless' ? 'Trustless: members join with collateral and trade from their own wallets; followed read-only' : 'Committee'}</dd>
        <dt>Unit</dt>
        <dd>{lets.unit}</dd>
        {lets.committeeAddress && (
          <>
            <dt>Committee key</dt>
            <dd className="hex">{lets.committeeAddress}</dd>
          </>
        )}
        <dt>Credit floor</dt>
        <dd className="amount">{formatAmount(lets.creditFloor)}</dd>
        <dt>Credit cap</dt>
        <dd className="amount">{lets.creditCap === null ? 'none' : formatAmount(lets.creditCap)}</dd>
        <dt>Members</dt>
        <dd>
          {lets.memberCount}
          {lets.membershipsLeft !== null && ` (${membershipsLeftText(lets.membershipsLeft)})`}
        </dd>
        <dt>Trial balance</dt>
        <dd className="amount">
          {formatAmount(lets.trialBalance)}
          {unbalanced ? (
            <span className="alarm" role="alert">
              {' '}
              Balances do not add up to zero: in Settings, read the ledger again from the chain.
            </span>
          ) : (
            <span className="check-ok"> ✓ balances add up to zero</span>
          )}
        </dd>
        <dt>Credit issued</dt>
        <dd className="amount">{formatAmount(lets.creditIssued)}</dd>
        <dt>Trades in {formatMonth(monthStart)}</dt>
        <dd>{lets.tradesThisMonth}</dd>
        <dt>Not enrolled yet</dt>
        <dd>{lets.notEnrolledCount === 0 ? 'none' : `${lets.notEnrolledCount} (stored on this computer, waiting for enrolment)`}</dd>
      </dl>
      <section className="near-limit" aria-labelledby={`near-limit-${lets.id}`}>
        <h3 id={`near-limit-${lets.id}`}>Members near their floor or cap</h3>
        <p className="rule">{rule}</p>
        {lets.nearLimit.length === 0 ? (
          <p>Nobody is near a limit.</p>
        ) : (
          <ul>
            {lets.nearLimit.map((m) => (
              <li key={m.ownerKey}>
                <strong>{m.name ?? `Unnamed account ${shortId(m.ownerKey)}`}</strong>: balance {formatAmount(m.balance)},{' '}
                {m.limit === 'floor' ? `can spend ${formatAmount(m.headroom)} more` : `can receive ${formatAmount(m.headroom)} more`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ShareToggle letsId={lets.id} />
    </li>
  );
}

function Attention({ items }: { items: AttentionItem[] }) {
  return (
    <section className="card" aria-labelledby="attention-title">
      <h2 id="attention-title">Transactions that need you</h2>
      {items.length === 0 ? (
        <p>Nothing is waiting: every transaction the app built is on its way or done.</p>
      ) : (
        <ul className="attention-list">
          {items.map((item) => (
            <li key={item.transactionId}>
              <strong>{item.description || item.purpose}</strong> ({shortId(item.transactionId)}): {ATTENTION[item.state] ?? item.state}
              {item.lastError && <span className="last-error"> — {item.lastError}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Connections() {
  const chain = useCall('chain.status', {}, REFRESH_MS).state;
  const device = useCall('device.status', {}, REFRESH_MS).state;
  const text = (s: typeof chain | typeof device) => (s.status === 'ready' ? s.value.message : s.status === 'failed' ? s.error.message : 'Checking…');
  return (
    <section className="card" aria-labelledby="connections-title">
      <h2 id="connections-title">Chain and device</h2>
      <dl className="facts">
        <dt>Sync</dt>
        <dd>{text(chain)}</dd>
        <dt>Ledger device</dt>
        <dd>{text(device)}</dd>
      </dl>
    </section>
  );
}

export function Dashboard() {
  const { state, reload } = useCall('dashboard.summary', {}, REFRESH_MS);
  if (state.status === 'loading') return <Loading what="your LETS" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const summary = state.value;
  return (
    <div className="dashboard">
      {summary.lets.length === 0 ? (
        <Welcome onDemoChosen={reload} />
      ) : (
        <ul className="card-list" aria-label="LETS">
          {summary.lets.map((lets) => (
            <LetsCard key={lets.id} lets={lets} monthStart={summary.monthStart} rule={summary.nearLimitRule} onChanged={reload} />
          ))}
        </ul>
      )}
      <Connections />
      <Attention items={summary.needsAttention} />
    </div>
  );
}
