import { useState } from 'react';
import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import { memberLabels } from '../../../../electron/core/members/member-names';
import { membershipsLeftText, membershipsShort } from '../../../../electron/core/members/memberships';
import { asApiError, type ApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLetsChoice } from '../../components/LetsChooser';
import { Loading } from '../../components/Loading';
import { OUTBOX_STATE_TEXT } from '../../components/outbox-states';
import { TransactionReview } from '../../components/TransactionReview';
import { LIVE_REFRESH_MS, useCall } from '../../hooks/use-call';
import { useNavigate } from '../navigation';
import { enrolledName, nextEnrolmentToSign, prepareEnrolments } from './enrolment-queue';
import { NewMemberForm } from './NewMemberForm';
import '../../styles/transactions.css';

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What the screen is doing: choosing members, building their enrolments, or walking the queue to sign each. */
type Phase =
  | { kind: 'choosing' }
  | { kind: 'preparing'; built: number; total: number }
  | { kind: 'signing'; current: PreparedTransaction; position: number; total: number; sent: Sent[] }
  | { kind: 'done'; sent: Sent[] };

const WATCH_MS = 2_000;

/** An enrolment signed in this walk: whom it enrols, and its transaction, followed until the chain confirms it. */
interface Sent {
  name: string;
  transactionId: string;
}

function SentEnrolments({ sent }: { sent: readonly Sent[] }) {
  const outbox = useCall('outbox.list', {}, WATCH_MS).state;
  const stateOf = (transactionId: string) => (outbox.status === 'ready' ? outbox.value.find((e) => e.transactionId === transactionId)?.state : undefined);
  return (
    <ul className="sent-enrolments" aria-label="Enrolments sent">
      {sent.map(({ name, transactionId }) => (
        <li key={transactionId}>
          {name}: {OUTBOX_STATE_TEXT[stateOf(transactionId) ?? 'submitted']}
        </li>
      ))}
    </ul>
  );
}

/**
 * Enrolment: add members (or pick ones imported from CSV), then enrol them, one transaction each. "Enrol N" builds all
 * N at once into the outbox (each on the management box the one before will create), then walks that queue, oldest
 * first, for the committee to sign. The queue outlives the screen: leave, come back, and continue where it stopped.
 */
export function Enrolment() {
  // Only a committee enrols; members of a trustless LETS join from their own wallets.
  const { list: letsList, lets } = useLetsChoice((l) => l.model === 'committee');
  const members = useCall('members.list', { letsId: lets?.id ?? null }, LIVE_REFRESH_MS);
  const all = members.state.status === 'ready' ? members.state.value : [];
  const waiting = all.filter((m) => m.state === 'not-enrolled' && m.enrolment === null);
  const queued = all.filter((m) => m.enrolment?.state === 'built');
  const onTheirWay = all.filter((m) => m.enrolment !== null && m.enrolment.state !== 'built');
  const waitingLabels = memberLabels(waiting);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [error, setError] = useState<ApiError | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
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

  const fail = (e: unknown) => setError(asApiError(e));
  /** Signs the queue from its oldest enrolment on; `sent` are those signed so far in this walk. */
  const walk = (sent: Sent[]) =>
    nextEnrolmentToSign(lets.id).then(({ next, waiting: left }) => {
      members.reload();
      setPhase(next ? { kind: 'signing', current: next, position: sent.length + 1, total: sent.length + left, sent } : { kind: 'done', sent });
    }, fail);
  const continueSigning = () => {
    setError(null);
    setStopped(null);
    void walk([]);
  };
  const start = async () => {
    setError(null);
    setStopped(null);
    const ids = waiting.filter((m) => chosen.has(m.id)).map((m) => m.id);
    setPhase({ kind: 'preparing', built: 0, total: ids.length });
    const { built, error: refusal } = await prepareEnrolments(lets.id, ids, (done) => setPhase({ kind: 'preparing', built: done, total: ids.length }));
    setChosen(new Set());
    if (refusal) {
      fail(refusal);
      setStopped(`${plural(built, 'enrolment')} of ${ids.length} prepared; the batch stopped there, and the rest wait to be chosen again.`);
    }
    await walk([]);
  };
  // Said before anything is enrolled: the chain would refuse the enrolments past the last membership.
  const short = membershipsShort(chosen.size, lets.membershipsLeft);
  const toggle = (id: number) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  const stop = (why: string) => {
    setStopped(why);
    setPhase({ kind: 'choosing' });
    members.reload();
  };

  if (phase.kind === 'preparing') {
    return (
      <div className="enrolment">
        <p role="status" className="tx-progress">
          Preparing enrolment {phase.built + 1} of {phase.total}…
        </p>
        <progress value={phase.built} max={phase.total} aria-label="Enrolments prepared" />
      </div>
    );
  }

  if (phase.kind === 'signing') {
    const { current, position, total, sent } = phase;
    return (
      <div className="enrolment">
        <p role="status" className="tx-progress">
          Enrolment {position} of {total}: {enrolledName(current)}
        </p>
        {stopped && <p className="notice">{stopped}</p>}
        {error && <ErrorNotice error={error} />}
        <TransactionReview
          key={current.transactionId}
          prepared={current}
          onSent={() => void walk([...sent, { name: enrolledName(current), transactionId: current.transactionId }])}
          onCancelled={(also) =>
            stop(
              `${capitalised(enrolledName(current))}’s enrolment was cancelled: nothing was signed or sent for it.${
                also.length === 0 ? '' : ` The ${plural(also.length, 'enrolment')} prepared after it were built on it, so they were discarded too: those members wait below to be chosen again.`
              }`,
            )
          }
          onClose={() => stop('Signing stopped. The enrolments not signed yet wait in the queue below.')}
        />
      </div>
    );
  }

  if (phase.kind === 'done') {
    return (
      <div className="enrolment">
        <p role="status" className="tx-progress">
          {plural(phase.sent.length, 'enrolment')} sent
        </p>
        {stopped && <p className="notice">{stopped}</p>}
        {error && <ErrorNotice error={error} />}
        <SentEnrolments sent={phase.sent} />
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setStopped(null);
            setPhase({ kind: 'choosing' });
          }}
        >
          Done
        </button>
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
      {stopped && (
        <p className="notice" role="status">
          {stopped}
        </p>
      )}
      {queued.length > 0 && (
        <section className="card" aria-labelledby="queue-title">
          <h2 id="queue-title">{capitalised(plural(queued.length, 'enrolment'))} prepared, waiting for the committee to sign</h2>
          <p>
            Signed in the order they were prepared, each on the pool the one before leaves. To drop one, discard it in the outbox on the Ledger screen;
            those prepared after it go with it, being built on it. Waiting: {queued.map((m) => m.name).join(', ')}.
          </p>
          {error && <ErrorNotice error={error} />}
          <div className="tx-actions">
            <button type="button" className="button" onClick={continueSigning}>
              Continue signing ({queued.length})
            </button>
          </div>
        </section>
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
        {onTheirWay.length > 0 && <p>On their way to the chain: {onTheirWay.map((m) => `${m.name} (${OUTBOX_STATE_TEXT[m.enrolment?.state ?? 'submitted'].toLowerCase()})`).join(', ')}.</p>}
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
        {error && queued.length === 0 && <ErrorNotice error={error} />}
        <div className="tx-actions">
          <button type="button" className="button" disabled={chosen.size === 0 || short !== null} onClick={() => void start()}>
            Enrol {chosen.size === 0 ? '' : `${chosen.size} `}member{chosen.size === 1 ? '' : 's'}
          </button>
        </div>
      </section>
    </div>
  );
}
