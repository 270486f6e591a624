import { useState } from 'react';
import type { OutboxEntry, PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLetsChoice } from '../../components/LetsChooser';
import { Loading } from '../../components/Loading';
import { OUTBOX_STATE_TEXT } from '../../components/outbox-states';
import { TransactionReview } from '../../components/TransactionReview';
import { LIVE_REFRESH_MS, useCall } from '../../hooks/use-call';
import { NewMemberForm } from './NewMemberForm';
import { memberLabels } from '../../../../electron/core/members/member-names';
import { membershipsLeftText, membershipsShort } from '../../../../electron/core/members/memberships';
import { useNavigate } from '../navigation';
import '../../styles/transactions.css';

const WATCH_MS = 2_000;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Each enrolment of the batch with its state, followed until the chain has confirmed it. */
function SentEnrolments({ sent }: { sent: Batch['sent'] }) {
  const outbox = useCall('outbox.list', {}, WATCH_MS).state;
  const stateOf = (transactionId: string) => (outbox.status === 'ready' ? outbox.value.find((e) => e.transactionId === transactionId)?.state : undefined);
  return (
    <ul className="sent-enrolments" aria-label="Enrolments sent">
      {sent.map(({ name, entry }) => (
        <li key={entry.transactionId}>
          {name}: {OUTBOX_STATE_TEXT[stateOf(entry.transactionId) ?? entry.state]}
        </li>
      ))}
    </ul>
  );
}

interface Batch {
  queue: { id: number; name: string }[];
  current: PreparedTransaction | null;
  sent: { name: string; entry: OutboxEntry }[];
}

/**
 * Enrolment: add members (or pick ones imported from CSV), then enrol them one transaction each. The committee signs
 * each; the next is prepared as soon as the previous is sent, on the management box that one will create.
 */
export function Enrolment() {
  // Only a committee enrols; members of a trustless LETS join from their own wallets.
  const { list: letsList, lets } = useLetsChoice((l) => l.model === 'committee');
  const members = useCall('members.list', { letsId: lets?.id ?? null }, LIVE_REFRESH_MS);
  const waiting = members.state.status === 'ready' ? members.state.value.filter((m) => m.state === 'not-enrolled') : [];
  const waitingLabels = memberLabels(waiting);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const navigate = useNavigate();

  if (letsList.status === 'loading') return <Loading what="the LETS" />;
  if (letsList.status === 'failed') return <ErrorNotice error={letsList.error} />;
  if (!lets) {
    return (
      <EmptyState title="No LETS followed yet">
        <p>Once the app follows a LETS on chain, you can enrol its members here.</p>
      </EmptyState>
    );
  }

  const prepareNext = (queue: Batch['queue'], sent: Batch['sent']) => {
    const [next, ...rest] = queue;
    if (!next) {
      setBatch({ queue: [], current: null, sent });
      members.reload();
      return;
    }
    callApi('enrolment.prepare', { letsId: lets.id, memberId: next.id }).then(
      (current) => setBatch({ queue: rest, current, sent }),
      (e: unknown) => {
        setError(asApiError(e));
        setBatch({ queue: [], current: null, sent });
      },
    );
  };
  const start = () => {
    setError(null);
    prepareNext(
      waiting.filter((m) => chosen.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
      [],
    );
  };
  // Said before anything is enrolled: the chain would refuse the enrolments past the last membership.
  const short = membershipsShort(chosen.size, lets.membershipsLeft);
  const toggle = (id: number) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };

  if (batch) {
    const total = batch.sent.length + batch.queue.length + (batch.current ? 1 : 0);
    return (
      <div className="enrolment">
        <p role="status" className="tx-progress">
          {batch.current ? `Enrolment ${batch.sent.length + 1} of ${total}` : `${batch.sent.length} enrolment${batch.sent.length === 1 ? '' : 's'} sent`}
        </p>
        {batch.current && (
          <TransactionReview
            key={batch.current.transactionId}
            prepared={batch.current}
            onSent={(entry) => prepareNext(batch.queue, [...batch.sent, { name: batch.current?.reading.accounts[0]?.name ?? '', entry }])}
            onClose={() => {
              setBatch(null);
              members.reload();
            }}
          />
        )}
        {error && <ErrorNotice error={error} />}
        {!batch.current && (
          <>
            <SentEnrolments sent={batch.sent} />
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setBatch(null);
                setChosen(new Set());
              }}
            >
              Done
            </button>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="enrolment">
      {lets.committeeSigner === null && (
        <p className="notice settings-warning" role="note">
          No signer of this computer is known to hold the committee key of {lets.name}: enrolments need the committee’s Ledger. On the dashboard, look
          for the key on your Ledger; otherwise this computer follows {lets.name} read-only.
        </p>
      )}
      <NewMemberForm
        letsId={lets.id}
        onAdded={(id) => {
          setChosen(new Set(chosen).add(id));
          members.reload();
        }}
      />
      <section className="card" aria-labelledby="to-enrol-title">
        <h2 id="to-enrol-title">Members waiting to be enrolled in {lets.name}</h2>
        {lets.membershipsLeft !== null && (
          <p className="memberships-left">{`${capitalised(membershipsLeftText(lets.membershipsLeft))} in ${lets.name}.`}</p>
        )}
        {waiting.length === 0 ? (
          <p className="empty-note">Everyone is enrolled. Add a new member above, or import members from a CSV file on the Members screen.</p>
        ) : (
          <fieldset className="tx-signers">
            <legend>Enrol these members (the committee signs one transaction each)</legend>
            <div className="selection-actions">
              <button type="button" className="button secondary" onClick={() => setChosen(new Set(waiting.map((m) => m.id)))} disabled={chosen.size === waiting.length}>
                Select all {waiting.length}
              </button>
              <button type="button" className="button secondary" onClick={() => setChosen(new Set())} disabled={chosen.size === 0}>
                Select none
              </button>
            </div>
            {waiting.map((m) => (
              <label key={m.id}>
                <input type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m.id)} /> {waitingLabels.get(m.id)}
                {m.contact ? ` — ${m.contact}` : ''}
              </label>
            ))}
          </fieldset>
        )}
        {short && (
          <div className="notice notice-error" role="alert">
            <p>{`You chose ${short}`}</p>
            <button type="button" className="button secondary" onClick={() => navigate('members')}>
              Open Members to close an account
            </button>
          </div>
        )}
        {error && <ErrorNotice error={error} />}
        <div className="tx-actions">
          <button type="button" className="button" disabled={chosen.size === 0 || short !== null} onClick={start}>
            Enrol {chosen.size === 0 ? '' : `${chosen.size} `}member{chosen.size === 1 ? '' : 's'}
          </button>
        </div>
      </section>
    </div>
  );
}
