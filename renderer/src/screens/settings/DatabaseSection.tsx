import { useState } from 'react';
import { ConfirmStep } from './ConfirmStep';
import { canHandleDatabaseFiles, databaseFile, DatabaseFileError } from './database-files';

type Outcome = { tone: 'ok'; text: string } | { tone: 'error'; text: string; hint: string } | null;

/** Where the database lives, and backup / restore of it (member metadata exists only there). */
export function DatabaseSection({ path, schemaVersion, onRestored }: { path: string; schemaVersion: number; onRestored: () => void }) {
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const available = canHandleDatabaseFiles();

  async function run(kind: 'backup' | 'restore') {
    setBusy(kind);
    setConfirming(false);
    setOutcome(null);
    try {
      const reply = await databaseFile({ kind });
      if (reply.path === null) return;
      if (reply.kind === 'backed-up') setOutcome({ tone: 'ok', text: `Backed up to ${reply.path}` });
      else {
        setOutcome({ tone: 'ok', text: `Restored from ${reply.path}. The database as it was is kept at ${reply.keptCopy ?? 'its folder'}.` });
        onRestored();
      }
    } catch (error) {
      const failure = error instanceof DatabaseFileError ? error : new DatabaseFileError('The database file could not be handled.', 'Try again.');
      setOutcome({ tone: 'error', text: failure.message, hint: failure.hint });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-database">
      <h2 id="settings-database">Local database</h2>
      <p className="settings-explain">
        Member names, contacts and notes exist only in this database, never on chain. Back it up regularly and keep the backup somewhere else.
      </p>
      <dl className="facts">
        <dt>Location</dt>
        <dd className="path">{path}</dd>
        <dt>Schema</dt>
        <dd>version {schemaVersion}</dd>
      </dl>
      <div className="settings-actions">
        <button type="button" className="button" disabled={!available || busy !== null} onClick={() => void run('backup')}>
          {busy === 'backup' ? 'Backing up…' : 'Back up the database…'}
        </button>
        <button type="button" className="button secondary" disabled={!available || busy !== null} onClick={() => setConfirming(true)}>
          {busy === 'restore' ? 'Restoring…' : 'Restore from a backup…'}
        </button>
      </div>
      {!available && <p className="settings-explain">Backup and restore work in the desktop app.</p>}
      {confirming && (
        <ConfirmStep
          id="restore-confirm-title"
          question="Replace this computer’s database with a backup?"
          consequence="Member names, contacts, notes and settings become those of the backup. The database as it is now is kept beside it, and the ledger is read from the chain again."
          confirm="Choose the backup file…"
          onConfirm={() => void run('restore')}
          onCancel={() => setConfirming(false)}
        />
      )}
      {outcome?.tone === 'ok' && (
        <p className="notice notice-ok" role="status">
          {outcome.text}
        </p>
      )}
      {outcome?.tone === 'error' && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{outcome.text}</p>
          <p className="notice-hint">{outcome.hint}</p>
        </div>
      )}
    </section>
  );
}
