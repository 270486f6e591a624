import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import type { LetsSummary, MemberSummary } from '../../../../electron/core/api/types';
import { formatAmount, parseAmount } from '../../../../electron/core/lets/amount';
import { memberLabels } from '../../../../electron/core/members/member-names';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TransactionReview } from '../../components/TransactionReview';
import { useCall } from '../../hooks/use-call';

/** Each member by name (told apart from another of the same name: memberLabels) and balance. */
function memberOptions(members: readonly MemberSummary[]) {
  const labels = memberLabels(members);
  return members.map((member) => (
    <option key={member.id} value={member.id}>
      {labels.get(member.id)} ({member.balance === null ? '—' : formatAmount(member.balance)})
    </option>
  ));
}

/**
 * Payer, payee, amount, what for. The core builds the trade and refuses, before anything is signed, when a limit
 * would be broken; then the review shows the new balances and the treasurer signs.
 */
export function RecordTrade({ lets, onClose, onCancelled, onConfirmed }: { lets: LetsSummary; onClose: () => void; onCancelled: (also: string[]) => void; onConfirmed: () => void }) {
  const members = useCall('members.list', { letsId: lets.id }).state;
  const enrolled = members.status === 'ready' ? members.value.filter((m) => m.state === 'enrolled') : [];
  const [payerId, setPayerId] = useState('');
  const [payeeId, setPayeeId] = useState('');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [prepared, setPrepared] = useState<PreparedTransaction | null>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  // Opened from the keyboard or the mouse, the form is ready to type into.
  useEffect(() => firstField.current?.focus(), []);

  if (prepared) return <TransactionReview prepared={prepared} onFinished={onConfirmed} onClose={onClose} onCancelled={onCancelled} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minor = parseAmount(amount);
    const formProblem =
      payerId === '' || payeeId === ''
        ? 'Choose who pays and who is paid.'
        : payerId === payeeId
          ? 'A member cannot pay themselves: choose two different members.'
          : minor === undefined || minor <= 0n
            ? 'Enter an amount above 0, with at most two decimals (for example 2.50).'
            : null;
    setProblem(formProblem);
    setError(null);
    if (formProblem) return;
    setBusy(true);
    callApi('trades.prepare', { letsId: lets.id, payerId: Number(payerId), payeeId: Number(payeeId), amount, description })
      .then(setPrepared, (e: unknown) => setError(asApiError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="card trade-form" onSubmit={submit} aria-labelledby="record-trade-title" noValidate>
      <h2 id="record-trade-title">Record a trade</h2>
      <div className="form-grid">
        <label className="field">
          Who pays
          <select ref={firstField} value={payerId} onChange={(e) => setPayerId(e.target.value)} required>
            <option value="">Choose a member…</option>
            {memberOptions(enrolled)}
          </select>
        </label>
        <label className="field">
          Who is paid
          <select value={payeeId} onChange={(e) => setPayeeId(e.target.value)} required>
            <option value="">Choose a member…</option>
            {memberOptions(enrolled)}
          </select>
        </label>
        <label className="field">
          Amount ({lets.unit})
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="2.50" required />
        </label>
        <label className="field">
          What for (kept on this computer)
          <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} placeholder="milk" />
        </label>
      </div>
      <p className="form-note">
        Limits: no balance below {formatAmount(lets.creditFloor)}
        {lets.creditCap === null ? '' : ` or above ${formatAmount(lets.creditCap)}`} {lets.unit}. The chain enforces them.
      </p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="tx-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Preparing…' : 'Review'}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
