import { useState, type FormEvent } from 'react';
import type { MemberDetail, MemberHistoryRow } from '../../../../electron/core/api/calls/member-types';
import { formatAmount, formatErg } from '../../../../electron/core/lets/amount';
import { ApiError, callApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate, shortId } from '../format';
import { balanceText } from './MemberDirectory';
import { VerifyOnDevice } from '../../components/VerifyOnDevice';
import type { LetsSummary } from '../../../../electron/core/api/types';
import { CloseAccount } from './CloseAccount';
import { ReverseTrade } from './ReverseTrade';
import { useBusyWork } from '../../hooks/use-busy-work';
import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';

const KIND: Record<MemberHistoryRow['kind'], string> = { enrolment: 'Enrolled', trade: '', closing: 'Account closed' };

function HistoryTable({ history, onReverse }: { history: MemberHistoryRow[]; onReverse: (transactionId: string) => void }) {
  if (history.length === 0) return <p>No transactions on chain yet.</p>;
  return (
    <table className="data-table history-table">
      <caption className="visually-hidden">History, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Counterparty</th>
          <th scope="col">Description</th>
          <th scope="col" className="amount">Amount</th>
          <th scope="col" className="amount">Balance</th>
          <th scope="col">Block</th>
          <th scope="col">Transaction</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry) => (
          <tr key={entry.transactionId}>
            <td>{formatDate(entry.timestamp)}</td>
            <td>{entry.counterpartyKey === null ? '—' : (entry.counterpartyName ?? `unknown ${shortId(entry.counterpartyKey)}`)}</td>
            <td>{entry.description || KIND[entry.kind] || '—'}</td>
            <td className="amount">{entry.kind === 'trade' ? formatAmount(entry.delta) : ''}</td>
            <td className="amount">{formatAmount(entry.balanceAfter)}</td>
            <td>{entry.height}</td>
            <td>
              <code className="hex" title={entry.transactionId}>
                {shortId(entry.transactionId)}
              </code>
            </td>
            <td>{entry.confirmed ? 'confirmed' : `${entry.confirmations} confirmation${entry.confirmations === 1 ? '' : 's'}`}</td>
            <td>
              {entry.reversible && (
                <button type="button" className="link-button" onClick={() => onReverse(entry.transactionId)} aria-label={`Reverse trade ${shortId(entry.transactionId)}`}>
                  Reverse…
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Draft {
  name: string;
  contact: string;
  notes: string;
}

/** Checked here for a quick answer; the core checks the same limits again (member-calls.ts). */
function draftProblem(draft: Draft): string | null {
  if (draft.name.trim() === '') return 'The name cannot be empty.';
  if (draft.name.trim().length > 200) return 'The name can be at most 200 characters.';
  if (draft.contact.trim().length > 200) return 'The contact can be at most 200 characters.';
  if (draft.notes.trim().length > 2000) return 'The notes can be at most 2000 characters.';
  return null;
}

function ProfileForm({ member, onSaved }: { member: MemberDetail; onSaved: (detail: MemberDetail) => void }) {
  const [draft, setDraft] = useState<Draft>({ name: member.name, contact: member.contact, notes: member.notes });
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const problem = draftProblem(draft);
  const change = (field: keyof Draft) => (event: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: event.target.value });
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    callApi('members.update', { id: member.id, ...draft }).then(
      (detail) => {
        setError(null);
        setSaved(true);
        onSaved(detail);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: 'Saving failed.', hint: 'Try again.' })),
    );
  };
  return (
    <form className="card profile-form" onSubmit={submit} aria-labelledby="profile-title" noValidate>
      <h3 id="profile-title">Name, contact and notes</h3>
      <p className="local-only">Stored only on this computer: these never go on chain. Back up the database in Settings to keep them.</p>
      {!member.named && <p className="local-only">This account was opened on chain without a name on this computer: type the member’s name and save.</p>}
      <label className="field">
        <span>Name</span>
        <input value={draft.name} onChange={change('name')} aria-invalid={problem?.startsWith('The name') ? true : undefined} aria-describedby="profile-problem" />
      </label>
      <label className="field">
        <span>Contact</span>
        <input value={draft.contact} onChange={change('contact')} />
      </label>
      <label className="field">
        <span>Notes</span>
        <textarea value={draft.notes} onChange={change('notes')} rows={3} />
      </label>
      <p id="profile-problem" className="field-problem" role={problem ? 'alert' : undefined}>
        {problem}
      </p>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={problem !== null}>
          Save
        </button>
        {saved && (
          <span role="status" className="saved">
            Saved on this computer.
          </span>
        )}
      </div>
    </form>
  );
}

/** In a trustless LETS the collateral can set a higher floor than the LETS's own; say which one binds. */
function spendText(toFloor: bigint, floor: bigint, letsFloor: bigint): string {
  return `${formatAmount(toFloor)} (floor ${formatAmount(floor)}${floor === letsFloor ? '' : ', set by the collateral'})`;
}

function stateText(member: MemberDetail): string {
  const trustless = member.lets.model === 'trustless';
  if (member.state === 'enrolled') return trustless ? 'joined on chain (trades from their own wallet)' : 'enrolled on chain';
  if (member.leftAt !== null) return `${trustless ? 'withdrew their collateral and left' : 'account closed, left'} on ${formatDate(member.leftAt)}`;
  return trustless ? 'not joined yet: members of a trustless LETS join from their own wallet' : 'not enrolled yet: enrol them with the enrolment wizard';
}

export function MemberDetailView(props: {
  member: MemberDetail;
  committeeSigner: LetsSummary['committeeSigner'];
  onBack: () => void;
  onChanged: (detail: MemberDetail) => void;
  onReload: () => void;
}) {
  const { member, committeeSigner, onBack, onChanged, onReload } = props;
  const { lets, headroom } = member;
  const [reversal, setReversal] = useState<PreparedTransaction | null>(null);
  const { error: reversalError, run } = useBusyWork();
  const reverse = (transactionId: string) => run(() => callApi('trades.prepareReversal', { letsId: lets.id, transactionId }), setReversal);
  return (
    <div className="member-detail">
      <button type="button" className="link-button back" onClick={onBack}>
        ← All members
      </button>
      <h2>{member.name}</h2>
      <div className="card">
        <dl className="facts">
          <dt>LETS</dt>
          <dd>
            {lets.name} ({lets.unit})
          </dd>
          <dt>State</dt>
          <dd>{stateText(member)}</dd>
          <dt>Balance</dt>
          <dd className="amount">{balanceText(member)}</dd>
          {member.collateral && (
            <>
              <dt>Collateral</dt>
              <dd className="amount">
                {formatErg(member.collateral.locked)}
                {member.debtBackedByCollateral !== null && ` (backs a debt of up to ${formatAmount(member.debtBackedByCollateral)})`}
              </dd>
              <dt>Collateral unlocks</dt>
              <dd>at block {member.collateral.unlockHeight}; it can be withdrawn from then on at a balance of 0.00</dd>
            </>
          )}
          <dt>Can still spend</dt>
          <dd className="amount">{headroom && member.balance !== null ? spendText(headroom.toFloor, member.balance - headroom.toFloor, lets.creditFloor) : '—'}</dd>
          <dt>Can still receive</dt>
          <dd className="amount">{headroom ? (headroom.toCap === null ? 'no cap' : `${formatAmount(headroom.toCap)} (cap ${formatAmount(lets.creditCap ?? 0n)})`) : '—'}</dd>
          <dt>Account box</dt>
          <dd className="hex">{member.accountBoxId ?? 'none on chain yet'}</dd>
          <dt>Owner address</dt>
          <dd>
            <span className="hex">{member.ownerAddress}</span> <span className="network">({member.network})</span>
            <VerifyOnDevice publicKey={member.ownerKey} />
          </dd>
          <dt>Public key</dt>
          <dd className="hex">{member.ownerKey}</dd>
        </dl>
      </div>
      <ProfileForm key={member.id} member={member} onSaved={onChanged} />
      {member.state === 'enrolled' && lets.model === 'committee' && <CloseAccount member={member} committeeSigner={committeeSigner} onReviewClosed={onReload} />}
      <section aria-labelledby="history-title">
        <h3 id="history-title">History</h3>
        {reversal && (
          <ReverseTrade
            prepared={reversal}
            onClose={() => {
              setReversal(null);
              onReload();
            }}
          />
        )}
        {reversalError && <ErrorNotice error={reversalError} />}
        <HistoryTable history={member.history} onReverse={reverse} />
      </section>
    </div>
  );
}
