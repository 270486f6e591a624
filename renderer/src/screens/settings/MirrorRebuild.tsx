import { useState } from 'react';
import type { MirrorReadView, SettingsView } from '../../../../electron/core/api/calls/settings-types';
import { ApiError, asApiError, callApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConfirmStep } from './ConfirmStep';

/**
 * The way out the app points to when its copy of the ledger disagrees with itself or with the chain (balances that do
 * not add up, a reorganisation deeper than it keeps): drop the copy and read it again. Names and notes are not in it.
 */
export function MirrorRebuild({ reads, onRebuilt }: { reads: MirrorReadView[]; onRebuilt: (view: SettingsView) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function rebuild() {
    setBusy(true);
    setConfirming(false);
    setDone(null);
    setError(null);
    try {
      const view = await callApi('settings.rebuildMirror', {});
      setDone(view.notice);
      onRebuilt(view);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-mirror">
      <h2 id="settings-mirror">Local copy of the ledger</h2>
      <p className="settings-explain">
        Balances, trades and statements come from a copy of the chain kept on this computer. If the app says the copy is inconsistent, read it again
        from the chain.
      </p>
      <MirrorReads reads={reads} />
      <div className="settings-actions">
        <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(true)}>
          {busy ? 'Starting over…' : 'Read the ledger again from the chain…'}
        </button>
      </div>
      {confirming && (
        <ConfirmStep
          id="rebuild-confirm-title"
          question="Read the whole ledger again from the chain?"
          consequence="Balances and trades disappear until the app has caught up again, which takes from seconds to minutes. Member names, contacts, notes, the outbox and settings are kept."
          confirm="Read it again"
          onConfirm={() => void rebuild()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** Where each stretch of the copy was read from, and what was checked there (issue 18). */
function MirrorReads({ reads }: { reads: MirrorReadView[] }) {
  if (reads.length === 0) return null;
  return (
    <table className="data-table mirror-reads" aria-label="Where the copy was read from">
      <thead>
        <tr>
          <th scope="col">Blocks</th>
          <th scope="col">For</th>
          <th scope="col">Read from</th>
          <th scope="col">Checked</th>
        </tr>
      </thead>
      <tbody>
        {reads.map((read) => (
          <tr key={`${read.lets ?? ''}:${read.fromHeight}`}>
            <td>
              {read.fromHeight.toLocaleString('en')}–{read.toHeight.toLocaleString('en')}
            </td>
            <td>{read.lets ?? 'every LETS followed'}</td>
            <td>{read.source}</td>
            <td>{read.checks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
