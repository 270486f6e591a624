import { useState } from 'react';
import type { CatchUpView, LetsSummary } from '../../../../electron/core/api/types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ShareLets } from '../../components/ShareLets';
import { HandOver } from './HandOver';

function duration(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : seconds < 5_400 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3_600)} h`;
}

/** How far the history of a newly followed LETS has been read, with the time left, and a pause. */
export function CatchUpProgress({ letsId, catchUp, onChanged }: { letsId: number; catchUp: CatchUpView; onChanged: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const { done, total, secondsLeft, paused, phase } = catchUp;
  const toggle = () => callApi('follow.pause', { letsId, paused: !paused }).then(onChanged, (e: unknown) => setError(asApiError(e)));
  const counted = done !== null && total !== null && total > 0;
  return (
    <section className="catch-up" aria-label="Reading its history">
      <p role="status">
        {paused ? 'Reading its history is paused' : 'Reading its history'}
        {phase === 'index' ? ' through the node’s index' : ' block by block'}
        {counted ? `: ${done} of ${total} ${phase === 'index' ? 'transactions' : 'blocks'}` : ''}
        {!paused && secondsLeft !== null ? `, about ${duration(secondsLeft)} left` : ''}. Balances appear when it is done; it carries on after a
        restart.
      </p>
      {counted && <progress className="progress" max={total} value={done} />}
      <div className="row">
        <button type="button" className="button secondary" onClick={() => void toggle()}>
          {paused ? 'Resume' : 'Pause'}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** Who can act for the LETS from this computer, with a way to look for the committee key on the Ledger. */
export function CommitteeStanding({ lets, onChanged }: { lets: LetsSummary; onChanged: () => void }) {
  // What the last look on the Ledger found, for the committee key it looked for: a hand-over makes it stale.
  const [result, setResult] = useState<{ committeeKey: string | null; message: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept open while the hand-over is followed to confirmed, even once this computer no longer holds the key.
  const [handingOver, setHandingOver] = useState(false);
  if (lets.model === 'trustless') return <p className="read-only">Followed read-only: members join and pay from their own wallets.</p>;
  if (handingOver) {
    return (
      <HandOver
        lets={lets}
        onDone={() => {
          setHandingOver(false);
          onChanged();
        }}
      />
    );
  }
  if (lets.committeeSigner !== null) {
    return (
      <div>
        <p className="check-ok">{lets.committeeSigner === 'ledger' ? 'Your Ledger holds the committee key.' : 'The demo key holds the committee key.'}</p>
        <button type="button" className="button secondary" onClick={() => setHandingOver(true)}>
          Hand over the treasurer role…
        </button>
      </div>
    );
  }
  const check = () => {
    setBusy(true);
    setError(null);
    callApi('lets.checkCommitteeKey', { letsId: lets.id })
      .then(
        (answer) => {
          setResult({ committeeKey: lets.committeeKey, message: answer.message });
          if (answer.held) onChanged();
        },
        (e: unknown) => setError(asApiError(e)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className="read-only">
      <p>Followed read-only: no signer of this computer is known to hold the committee key, so enrolments and closings are not offered.</p>
      {lets.committeeKey !== null && (
        <button type="button" className="button secondary" onClick={check} disabled={busy}>
          {busy ? 'Looking on the Ledger…' : 'Look for the committee key on my Ledger'}
        </button>
      )}
      {result?.committeeKey === lets.committeeKey && <p role="status">{result.message}</p>}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

/** "Share this LETS", folded until asked for. */
export function ShareToggle({ letsId }: { letsId: number }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="share-toggle">
      <button type="button" className="button secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        Share this LETS
      </button>
      {open && <ShareLets letsId={letsId} />}
    </div>
  );
}
