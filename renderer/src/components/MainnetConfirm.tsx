import { useState } from 'react';
import { asApiError, callApi, type ApiError } from '../api/client';
import { ErrorNotice } from './ErrorNotice';

/**
 * The first mainnet action asks once, in so many words: on mainnet a signature spends real ERG and is final, and a
 * LETS followed there holds real members' balances. The answer is kept in Settings.
 */
export function MainnetConfirm({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = () =>
    callApi('settings.update', { mainnetConfirmed: true }).then(onConfirmed, (e: unknown) => setError(asApiError(e)));
  return (
    <section className="card notice mainnet-confirm" role="alertdialog" aria-labelledby="mainnet-confirm-title">
      <h2 id="mainnet-confirm-title">This is Ergo mainnet</h2>
      <p>
        What you sign here spends real ERG and cannot be taken back, and the LETS you follow holds your members’ real balances. The app asks this
        once.
      </p>
      <div className="row">
        <button type="button" className="button" onClick={() => void confirm()}>
          I understand: continue on mainnet
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
