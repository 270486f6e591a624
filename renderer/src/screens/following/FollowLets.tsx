import { useState, type FormEvent } from 'react';
import type { FollowPreview } from '../../../../electron/core/api/calls/following-types';
import { formatAmount } from '../../../../electron/core/lets/amount';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MainnetConfirm } from '../../components/MainnetConfirm';
import { useNavigate } from '../navigation';
import { RulesOf } from '../settings/ChainRules';
import '../../styles/following.css';

/** What the chain shows of the LETS before the treasurer decides to follow it. */
function Preview({ preview }: { preview: FollowPreview }) {
  return (
    <section className="card follow-preview" aria-labelledby="follow-preview-title">
      <h2 id="follow-preview-title">{preview.name}</h2>
      <p className="check-ok">
        ✓ Checked on chain: its contracts are this app’s (version {preview.contractVersion}) byte for byte, and it was founded as this app founds a
        LETS.
      </p>
      <dl className="facts">
        <dt>Model</dt>
        <dd>{preview.model === 'committee' ? 'Committee LETS' : 'Trustless LETS: members join with collateral; followed read-only'}</dd>
        <dt>Unit</dt>
        <dd>{preview.unit}</dd>
        <dt>Credit floor</dt>
        <dd className="amount">{formatAmount(preview.creditFloor)}</dd>
        <dt>Credit cap</dt>
        <dd className="amount">{preview.creditCap === null ? 'none' : formatAmount(preview.creditCap)}</dd>
        <dt>Members</dt>
        <dd>{preview.members === null ? `room for ${preview.capacity}` : `${preview.members} of ${preview.capacity}`}</dd>
        <dt>Founded at block</dt>
        <dd>{preview.genesisHeight}</dd>
        {preview.committeeKey && (
          <>
            <dt>Committee key</dt>
            <dd className="path">{preview.committeeKey}</dd>
          </>
        )}
        <dt>LETS id</dt>
        <dd className="path">{preview.letsTokenId}</dd>
        <dt>History</dt>
        <dd>
          {preview.readVia === 'index'
            ? 'read through the node’s index: only this LETS’s own transactions'
            : `read block by block from block ${preview.genesisHeight}: the source has no index, so this takes longer`}
        </dd>
      </dl>
      <RulesOf rules={preview.rules} />
    </section>
  );
}

/** Follow a LETS founded elsewhere, by its link (from "Share this LETS") or its LETS id. */
export function FollowLets() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<FollowPreview | null>(null);
  const [busy, setBusy] = useState<'finding' | 'following' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmMainnet, setConfirmMainnet] = useState(false);

  const find = (event: FormEvent) => {
    event.preventDefault();
    setBusy('finding');
    setError(null);
    setPreview(null);
    callApi('follow.find', { link: text })
      .then(setPreview, (e: unknown) => setError(asApiError(e)))
      .finally(() => setBusy(null));
  };
  const follow = () => {
    if (!preview) return;
    setBusy('following');
    setError(null);
    callApi('follow.start', { link: preview.link }).then(
      () => navigate('dashboard'),
      (e: unknown) => {
        const failure = asApiError(e);
        if (failure.code === 'mainnet-unconfirmed') setConfirmMainnet(true);
        else setError(failure);
        setBusy(null);
      },
    );
  };

  return (
    <div className="stack follow-lets">
      <form className="card stack" onSubmit={find}>
        <p>
          Paste the link the committee shared (“Share this LETS” on their computer), or the LETS id. The app finds the LETS on the chain it follows,
          and checks it before anything is kept.
        </p>
        <label className="field">
          LETS link or id
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="ergo-lets:testnet/…" autoComplete="off" spellCheck={false} />
        </label>
        <div className="row">
          <button type="submit" className="button" disabled={busy !== null || text.trim() === ''}>
            {busy === 'finding' ? 'Looking it up on chain…' : 'Look it up'}
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {preview && <Preview preview={preview} />}
      {preview &&
        (preview.alreadyFollowed ? (
          <p className="notice">This computer follows {preview.name} already: it is on the dashboard.</p>
        ) : confirmMainnet ? (
          <MainnetConfirm
            onConfirmed={() => {
              setConfirmMainnet(false);
              follow();
            }}
            onCancel={() => setConfirmMainnet(false)}
          />
        ) : (
          <div className="row">
            <button type="button" className="button" onClick={follow} disabled={busy !== null}>
              {busy === 'following' ? 'Following…' : `Follow ${preview.name}`}
            </button>
            <span className="hint">Its history is read in the background; the dashboard shows how far.</span>
          </div>
        ))}
    </div>
  );
}
