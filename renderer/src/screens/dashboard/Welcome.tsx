import { useState } from 'react';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useNavigate } from '../navigation';

/**
 * The three ways in, while the app follows no LETS on the chain it is on: try the demo (the demo chain with two
 * made-up LETS), found a LETS of one's own, or follow one founded on another computer.
 */
export function Welcome({ onDemoChosen }: { onDemoChosen: () => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const tryDemo = () => {
    setBusy(true);
    setError(null);
    callApi('settings.update', { chainSource: 'devnet', demoLets: true }).then(onDemoChosen, (e: unknown) => {
      setError(asApiError(e));
      setBusy(false);
    });
  };
  return (
    <section className="stack" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome: how would you like to start?</h2>
      <div className="welcome">
        <div className="card">
          <h3>Try the demo</h3>
          <p>A made-up community on the built-in demo chain: Alice, Bob and Charlie of Riverside LETS, and a trustless time bank. Nothing is real; try everything.</p>
          <button type="button" className="button" onClick={tryDemo} disabled={busy}>
            {busy ? 'Starting the demo…' : 'Try the demo'}
          </button>
        </div>
        <div className="card">
          <h3>Found a new LETS</h3>
          <p>Your committee’s own LETS, on testnet (or the demo chain), founded with your Ledger: name, unit, credit limits, then two transactions.</p>
          <button type="button" className="button" onClick={() => navigate('found')}>
            Found a new LETS
          </button>
        </div>
        <div className="card">
          <h3>Follow an existing LETS</h3>
          <p>A LETS founded on another computer: paste the link its committee shared. The app checks it on chain and reads its history.</p>
          <button type="button" className="button" onClick={() => navigate('follow')}>
            Follow an existing LETS
          </button>
        </div>
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
