import { useState } from 'react';
import type { LedgerKey, PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import type { LetsSummary } from '../../../../electron/core/api/types';
import { callApi } from '../../api/client';
import { useBusyWork } from '../../hooks/use-busy-work';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { KeyPathFields, type KeyPathChoice } from '../../components/KeyPathFields';
import { TransactionReview } from '../../components/TransactionReview';
import { VerifyOnDevice } from '../../components/VerifyOnDevice';
import '../../styles/transactions.css';

type Source = 'ledger' | 'typed';

/**
 * Handing the treasurer role to the next key (committee key rotation). A key read from a Ledger must first be shown
 * on that Ledger's screen, so a tampered computer cannot slip its own key in; a typed key is checked by the core.
 * The current committee key signs; afterwards only the new one can act for the committee.
 */
export function HandOver({ lets, onDone }: { lets: LetsSummary; onDone: () => void }) {
  const [source, setSource] = useState<Source>('ledger');
  const [keyPath, setKeyPath] = useState<KeyPathChoice>({ account: '1', index: '0' });
  const [ledgerKey, setLedgerKey] = useState<LedgerKey | null>(null);
  const [verified, setVerified] = useState(false);
  const [typed, setTyped] = useState('');
  const [prepared, setPrepared] = useState<PreparedTransaction | null>(null);
  const { busy, error, run } = useBusyWork();

  const readKey = () => {
    setLedgerKey(null);
    setVerified(false);
    run(() => callApi('device.readKey', { account: Number(keyPath.account), index: Number(keyPath.index) }), setLedgerKey);
  };
  const newKey = source === 'ledger' ? (verified ? ledgerKey?.publicKey : undefined) : typed.trim() || undefined;
  const review = () => newKey && run(() => callApi('committee.prepareHandover', { letsId: lets.id, newKey }), setPrepared);

  if (prepared) return <TransactionReview prepared={prepared} onClose={onDone} />;
  return (
    <section className="card hand-over" aria-labelledby={`hand-over-${lets.id}`}>
      <h3 id={`hand-over-${lets.id}`}>Hand over the treasurer role</h3>
      <p>
        The committee key signs enrolments, closings and hand-overs of {lets.name}. Once it passes to the new treasurer’s key, only that key can act for
        the committee; this computer keeps following {lets.name}, read-only unless its Ledger holds the new key.
      </p>
      <fieldset className="settings-choice">
        <legend>The new committee key</legend>
        <label>
          <input type="radio" name={`hand-over-source-${lets.id}`} checked={source === 'ledger'} onChange={() => setSource('ledger')} /> A key of a Ledger
          (the new treasurer’s, or another account of this one)
        </label>
        <label>
          <input type="radio" name={`hand-over-source-${lets.id}`} checked={source === 'typed'} onChange={() => setSource('typed')} /> A public key or
          address from the new treasurer’s wallet
        </label>
      </fieldset>
      {source === 'ledger' ? (
        <>
          <p>Connect the Ledger that will hold the committee key and open its Ergo app.</p>
          <KeyPathFields
            value={keyPath}
            onChange={(next) => {
              setKeyPath(next);
              setLedgerKey(null);
            }}
          />
          <button type="button" className="button secondary" onClick={readKey} disabled={busy}>
            Read the key from the Ledger
          </button>
          {ledgerKey && (
            <p>
              <span className="hex">{ledgerKey.address}</span> <VerifyOnDevice publicKey={ledgerKey.publicKey} onShown={() => setVerified(true)} />
            </p>
          )}
        </>
      ) : (
        <Field label="Public key or address" value={typed} onChange={setTyped} hint="Paste it, type it, or let a QR scanner type it." />
      )}
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="button" onClick={review} disabled={busy || newKey === undefined}>
          Review the hand-over
        </button>
      </div>
      {source === 'ledger' && ledgerKey && !verified && <p className="form-note">Check the address on the Ledger’s screen first.</p>}
    </section>
  );
}
