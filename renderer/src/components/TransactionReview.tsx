import { useEffect, useState } from 'react';
import type { OutboxEntry, PreparedTransaction, SignatureRequest, SignerChoice } from '../../../electron/core/api/calls/outbox-types';
import { asApiError, callApi, type ApiError } from '../api/client';
import { useCall } from '../hooks/use-call';
import { downloadFile } from './download-file';
import { ErrorNotice } from './ErrorNotice';
import { MainnetConfirm } from './MainnetConfirm';
import { DeviceScreens, TransactionReading } from './TransactionReading';
import { OUTBOX_STATE_TEXT } from './outbox-states';
import { SignatureRequestPanel } from './SignatureRequestPanel';
import '../styles/transactions.css';

const SIGNER_LABEL: Record<SignerChoice, string> = {
  'demo-key': 'Demo key (built-in demo chain only)',
  ledger: 'Ledger hardware wallet',
};

type Step =
  | { kind: 'review' }
  | { kind: 'signing' }
  /** Signed in another wallet and taken back from its file: read from the signed transaction, waiting to be sent. */
  | { kind: 'imported'; review: PreparedTransaction }
  /** Shown to the signer's own wallet as an ErgoPay request: the wallet signs and sends it. */
  | { kind: 'requested'; request: SignatureRequest }
  | { kind: 'sent'; entry: OutboxEntry }
  /** `also`: the unsigned transactions built on it, discarded with it. */
  | { kind: 'discarded'; also: string[] };

const TITLE: Record<Step['kind'], string> = {
  review: 'Check before signing',
  signing: 'Check before signing',
  imported: 'Signed elsewhere: check before sending',
  requested: 'Check before signing',
  sent: 'Sent to the chain',
  discarded: 'Cancelled',
};

const DEVICE_POLL_MS = 2_000;
const OUTBOX_POLL_MS = 2_000;

/** The transaction's outbox entry, followed while `follow` holds. */
function useOutboxEntry(transactionId: string, follow: boolean): OutboxEntry | undefined {
  const { state } = useCall('outbox.list', {}, follow ? OUTBOX_POLL_MS : undefined);
  return state.status === 'ready' ? state.value.find((e) => e.transactionId === transactionId) : undefined;
}

/** What cancelling discarded besides this transaction, in one sentence; empty when nothing else. */
export function alsoDiscardedText(also: readonly string[]): string {
  return also.length === 0 ? '' : ` Also discarded, as they were built on it: ${also.join('; ')}.`;
}

/** After sending: the outbox state, followed until the chain has confirmed it. */
function Progress({ transactionId, onFinished }: { transactionId: string; onFinished?: () => void }) {
  const entry = useOutboxEntry(transactionId, true);
  const confirmed = entry?.state === 'confirmed';
  useEffect(() => {
    if (confirmed) onFinished?.();
  }, [confirmed, onFinished]);
  return (
    <p className="tx-progress" role="status" aria-live="polite">
      {entry ? OUTBOX_STATE_TEXT[entry.state] : 'Sent.'}
    </p>
  );
}

/**
 * What the treasurer checks before anything is signed: what the transaction does, read from the transaction itself
 * (balances before and after, the fee, every box), what the Ledger will show of it, who signs, and for the Ledger the
 * session token the device will show. Then sign and send, or hand the file to another wallet. Whatever fails, the
 * transaction stays in the outbox and nothing is sent.
 */
export function TransactionReview(props: {
  prepared: PreparedTransaction;
  /** Once the chain has confirmed it. */
  onFinished?: () => void;
  /** Once it is on its way to the chain (a batch goes on to its next transaction). */
  onSent?: (entry: OutboxEntry) => void;
  onClose: () => void;
  /**
   * Once the treasurer cancelled it (discarded from the outbox, with `also` the transactions built on it that went
   * too); without it the review says so and waits for Close.
   */
  onCancelled?: (also: string[]) => void;
}) {
  const { prepared, onFinished, onSent, onClose, onCancelled } = props;
  const options = useCall('signing.options', {}).state;
  const offered = options.status === 'ready' ? options.value.signers : [];
  const [chosen, setChosen] = useState<SignerChoice | null>(null);
  const signer = chosen ?? offered[0] ?? null;
  const device = useCall('device.status', {}, signer === 'ledger' ? DEVICE_POLL_MS : undefined).state;
  const authToken = signer === 'ledger' && device.status === 'ready' ? device.value.authToken : null;
  const [step, setStep] = useState<Step>(prepared.request ? { kind: 'requested', request: prepared.request } : { kind: 'review' });
  const [error, setError] = useState<ApiError | null>(null);
  const { transactionId } = prepared;
  const entry = useOutboxEntry(transactionId, step.kind === 'requested');
  const signedByWallet = step.kind === 'requested' && entry !== undefined && entry.state !== 'built';

  /** Signs, sends or discards: an entry once on its way, or what was discarded besides it. */
  const run = (work: () => Promise<OutboxEntry | { alsoDiscarded: string[] }>) => {
    setError(null);
    setStep({ kind: 'signing' });
    work().then(
      (outcome) => {
        if ('alsoDiscarded' in outcome) {
          if (onCancelled) return onCancelled(outcome.alsoDiscarded);
          return setStep({ kind: 'discarded', also: outcome.alsoDiscarded });
        }
        setStep({ kind: 'sent', entry: outcome });
        onSent?.(outcome);
      },
      (e: unknown) => {
        setError(asApiError(e));
        setStep({ kind: 'review' });
      },
    );
  };
  const sign = () =>
    signer && run(() => callApi('outbox.sign', { transactionId, signer, ...(authToken ? { expectedAuthToken: authToken } : {}) }));
  const exportFile = () =>
    callApi('outbox.export', { transactionId }).then((file) => downloadFile(file.fileName, file.json, 'application/json'), (e: unknown) => setError(asApiError(e)));
  const importFile = (file: File | undefined) => {
    if (!file) return;
    const before = step;
    setError(null);
    setStep({ kind: 'signing' });
    file
      .text()
      .then((json) => callApi('outbox.import', { transactionId, json }))
      .then(
        (review) => setStep({ kind: 'imported', review }),
        (e: unknown) => {
          setError(asApiError(e));
          setStep(before);
        },
      );
  };
  const importButton = (
    <label className="button secondary file-button">
      Import signed file
      <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => importFile(e.target.files?.[0])} disabled={step.kind === 'signing'} />
    </label>
  );
  const requestSignature = () => {
    setError(null);
    callApi('outbox.requestSignature', { transactionId }).then(
      (request) => setStep({ kind: 'requested', request }),
      (e: unknown) => setError(asApiError(e)),
    );
  };
  const sendImported = () => run(() => callApi('outbox.send', { transactionId }));
  const discard = () => run(() => callApi('outbox.discard', { transactionId }));

  if (step.kind === 'discarded') {
    return (
      <section className="card tx-review" aria-label="Transaction">
        <p>Cancelled. Nothing was signed or sent.{alsoDiscardedText(step.also)}</p>
        <button type="button" className="button secondary" onClick={onClose}>Close</button>
      </section>
    );
  }

  return (
    <section className="card tx-review" aria-labelledby="tx-review-title">
      <h2 id="tx-review-title">{TITLE[step.kind]}</h2>
      {step.kind === 'imported' ? (
        <TransactionReading reading={step.review.reading} memo={step.review.memo} />
      ) : (
        <TransactionReading reading={prepared.reading} memo={prepared.memo} />
      )}
      <dl className="facts">
        <dt>Signed by</dt>
        <dd>{prepared.signedBy}</dd>
        <dt>Transaction id</dt>
        <dd className="path">{transactionId}</dd>
      </dl>

      {step.kind === 'sent' || signedByWallet ? (
        <>
          <Progress transactionId={transactionId} onFinished={onFinished} />
          {entry?.state === 'conflict' && entry.lastError && (
            <p className="notice notice-error" role="alert">
              {entry.lastError}
            </p>
          )}
          <button type="button" className="button secondary" onClick={onClose}>Close</button>
        </>
      ) : step.kind === 'requested' ? (
        <>
          <SignatureRequestPanel request={step.request} entry={entry} onExportFile={() => void exportFile()} onRenew={requestSignature} />
          {error && <ErrorNotice error={error} />}
          <div className="tx-actions">
            {importButton}
            <button type="button" className="button secondary" onClick={onClose}>
              Close (the outbox keeps waiting)
            </button>
            <button type="button" className="button secondary" onClick={discard}>
              Cancel
            </button>
          </div>
        </>
      ) : step.kind === 'imported' ? (
        <>
          <p className="tx-device" role="status">
            The file holds exactly this transaction, signed by {step.review.signedBy}, and every signature checks out.
          </p>
          <div className="tx-actions">
            <button type="button" className="button" onClick={sendImported}>
              Send
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              Send later (from the outbox)
            </button>
          </div>
        </>
      ) : (
        <>
          <fieldset className="tx-signers" disabled={step.kind === 'signing'}>
            <legend>Sign with</legend>
            {offered.map((choice) => (
              <label key={choice}>
                <input type="radio" name="signer" value={choice} checked={signer === choice} onChange={() => setChosen(choice)} /> {SIGNER_LABEL[choice]}
              </label>
            ))}
          </fieldset>
          {signer === 'ledger' && <DeviceScreens screens={prepared.device.screens} reviews={prepared.device.reviews} />}
          {signer === 'ledger' && (
            <p className="tx-device" role="status">
              {device.status === 'ready' && device.value.authToken
                ? `${device.value.message}. The Ledger will ask to trust "Application ${device.value.authToken}": check it shows exactly that.`
                : device.status === 'ready'
                  ? `${device.value.message}. ${device.value.hint ?? ''}`
                  : 'Looking for the Ledger…'}
            </p>
          )}
          {error?.code === 'mainnet-unconfirmed' ? (
            <MainnetConfirm
              onConfirmed={() => {
                setError(null);
                sign();
              }}
              onCancel={() => setError(null)}
            />
          ) : (
            error && <ErrorNotice error={error} />
          )}
          <div className="tx-actions">
            <button type="button" className="button" onClick={sign} disabled={!signer || step.kind === 'signing' || (signer === 'ledger' && !authToken)}>
              {step.kind === 'signing' ? (signer === 'ledger' ? 'Confirm on your Ledger…' : 'Signing…') : 'Sign and send'}
            </button>
            <button type="button" className="button secondary" onClick={requestSignature} disabled={step.kind === 'signing'}>
              Ask {prepared.signedBy} to sign in their wallet
            </button>
            <button type="button" className="button secondary" onClick={() => void exportFile()} disabled={step.kind === 'signing'}>
              Export for another wallet
            </button>
            {importButton}
            <button type="button" className="button secondary" onClick={discard} disabled={step.kind === 'signing'}>
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}
