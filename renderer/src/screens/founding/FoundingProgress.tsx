import { useEffect, useState } from 'react';
import type { FoundingView } from '../../../../electron/core/api/calls/founding-types';
import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import { formatErg } from '../../../../electron/core/lets/amount';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { useBusyWork } from '../../hooks/use-busy-work';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OUTBOX_STATE_TEXT } from '../../components/outbox-states';
import { QrCode } from '../../components/QrCode';
import { ShareLets } from '../../components/ShareLets';
import { TransactionReview } from '../../components/TransactionReview';
import { VerifyOnDevice } from '../../components/VerifyOnDevice';
import { useNavigate } from '../navigation';

const POLL_MS = 2_000;

/** Where the founding key's address is, and how much of what founding needs it holds, checked every few seconds. */
function Funding({ view, onChange, onAbandoned }: { view: FoundingView; onChange: (view: FoundingView) => void; onAbandoned: () => void }) {
  const { busy, error, run: act } = useBusyWork();
  const held = view.availableNanoErgs;
  const enough = held !== null && held >= view.neededNanoErgs;
  const percent = held === null ? 0 : Number((held >= view.neededNanoErgs ? view.neededNanoErgs : held) * 100n / view.neededNanoErgs);
  return (
    <section className="card stack" aria-labelledby="funding-title">
      <h2 id="funding-title">Fund the founding address</h2>
      <div className="funding-address">
        <QrCode text={view.address} label="Founding address" />
        <div className="stack">
          <p>
            Send at least <strong>{formatErg(view.neededNanoErgs)}</strong> to this address
            {view.perEnrolmentNanoErgs !== null && `, and ${formatErg(view.perEnrolmentNanoErgs)} more for each member you will enrol`}:
          </p>
          <p className="path" data-testid="founding-address">
            {view.address}
          </p>
          <p className="hint">
            Key {view.keyPath} of {view.signer === 'ledger' ? 'your Ledger' : 'the demo key'}.
          </p>
          {view.signer === 'ledger' && (
            <div>
              <p>Before you send anything, check that your Ledger shows the same address:</p>
              <VerifyOnDevice publicKey={view.publicKey} />
            </div>
          )}
        </div>
      </div>
      <label className="field">
        Received
        <progress className="progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
      </label>
      <p role="status">{view.message}</p>
      <div className="row">
        {view.network === 'devnet' && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => act(() => callApi('founding.demoCoins', { id: view.id }), onChange)}>
            Get demo coins
          </button>
        )}
        <button type="button" className="button" disabled={busy || !enough} onClick={() => act(() => callApi('founding.build', { id: view.id }), onChange)}>
          Build the genesis transactions
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => act(() => callApi('founding.abandon', { id: view.id }), onAbandoned)}>
          Give up
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** The next genesis transaction waiting for its signature, reviewed and signed like any other. */
function Signing({ view, onSent }: { view: FoundingView; onSent: () => void }) {
  const next = view.transactions.find((t) => t.state === 'built');
  const [prepared, setPrepared] = useState<PreparedTransaction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const nextId = next?.transactionId;
  useEffect(() => {
    if (!nextId) return;
    callApi('outbox.review', { transactionId: nextId }).then(setPrepared, (e: unknown) => setError(asApiError(e)));
  }, [nextId]);
  if (error) return <ErrorNotice error={error} />;
  if (!next || prepared?.transactionId !== next.transactionId) return null;
  return (
    <div className="stack">
      <p role="status">
        Genesis transaction {next.role === 'mint' ? 1 : 2} of 2: {next.role === 'mint' ? 'mint the membership tokens' : 'create the LETS’s box with its id and tokens'}.
      </p>
      <TransactionReview key={prepared.transactionId} prepared={prepared} onSent={onSent} onClose={onSent} />
    </div>
  );
}

/** The founding from its funding on: funded, signed, confirmed, followed. */
export function FoundingProgress({ view, onChange, onAbandoned }: { view: FoundingView; onChange: (view: FoundingView) => void; onAbandoned: () => void }) {
  const navigate = useNavigate();
  const refresh = () => void callApi('founding.get', { id: view.id }).then(onChange, () => undefined);
  const { step, id } = view;
  useEffect(() => {
    if (step === 'done' || step === 'signing') return undefined;
    const timer = setInterval(() => void callApi('founding.get', { id }).then(onChange, () => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [step, id, onChange]);

  return (
    <div className="stack">
      <h2>{view.name}</h2>
      {step === 'funding' && <Funding view={view} onChange={onChange} onAbandoned={onAbandoned} />}
      {step === 'signing' && <Signing view={view} onSent={refresh} />}
      {(step === 'confirming' || step === 'failed') && (
        <section className="card stack" aria-label="Genesis transactions">
          <p role="status">{view.message}</p>
          <ul>
            {view.transactions.map((t) => (
              <li key={t.transactionId}>
                {t.role === 'mint' ? 'Mint of the membership tokens' : 'The LETS’s box'}: {OUTBOX_STATE_TEXT[t.state]}
              </li>
            ))}
          </ul>
          {step === 'failed' && (
            <div className="row">
              <button type="button" className="button secondary" onClick={() => navigate('ledger')}>
                Open the outbox
              </button>
            </div>
          )}
        </section>
      )}
      {step === 'done' && view.letsId !== null && (
        <section className="card stack" aria-labelledby="founded-title">
          <h2 id="founded-title">{view.name} is founded</h2>
          <p role="status">{view.message}</p>
          <ShareLets letsId={view.letsId} />
          <div className="row">
            <button type="button" className="button" onClick={() => navigate('dashboard')}>
              Open the dashboard
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
