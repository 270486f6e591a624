import { useState, type FormEvent } from 'react';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

const EMPTY = { name: '', contact: '', notes: '', key: '' };

/** A member's details and key, checked by the core (key on the curve, right network, not already a member). */
export function NewMemberForm({ letsId, onAdded }: { letsId: number; onAdded: (id: number) => void }) {
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields({ ...fields, [field]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    callApi('members.add', { letsId, ...fields })
      .then(
        ({ id, warning: added }) => {
          setError(null);
          setWarning(added);
          setFields(EMPTY);
          onAdded(id);
        },
        (e: unknown) => setError(asApiError(e)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="card new-member" onSubmit={submit} aria-labelledby="new-member-title">
      <h2 id="new-member-title">Add a new member</h2>
      <div className="form-grid">
        <label className="field">
          Name
          <input value={fields.name} onChange={set('name')} required maxLength={200} autoComplete="off" />
        </label>
        <label className="field">
          Contact (phone or e-mail)
          <input value={fields.contact} onChange={set('contact')} autoComplete="off" />
        </label>
        <label className="field wide">
          Public key or wallet address
          <input value={fields.key} onChange={set('key')} required className="path" placeholder="02… or 3W…" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field wide">
          Notes (kept on this computer)
          <input value={fields.notes} onChange={set('notes')} autoComplete="off" />
        </label>
      </div>
      <p className="form-note">The member’s key comes from their own Ergo wallet. Name, contact and notes never go on chain.</p>
      {error && <ErrorNotice error={error} />}
      {warning && (
        <p className="notice notice-warning" role="status">
          {warning}
        </p>
      )}
      <div className="tx-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Checking…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
