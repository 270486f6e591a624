import { useState, type FormEvent } from 'react';
import type { NodeCheckView, NodeNetwork, SettingsView } from '../../../../electron/core/api/calls/settings-types';
import { ApiError, asApiError, callApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Draft {
  source: 'devnet' | 'explorer' | 'node';
  url: string;
  network: NodeNetwork;
  /** Empty: the default for the source. */
  confirmations: string;
}

function draftOf(view: SettingsView): Draft {
  const { settings } = view;
  const source = settings.chainSource === 'devnet' || settings.chainSource === 'explorer' ? settings.chainSource : 'node';
  return {
    source,
    url: source === 'node' ? settings.chainSource : '',
    network: settings.nodeNetwork,
    confirmations: settings.confirmations === null ? '' : String(settings.confirmations),
  };
}

/** Checked here for a quick answer; the core checks the same rules again (api/calls/settings-schema.ts). */
function confirmationsOf(text: string): number | null | ApiError {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    return new ApiError({ code: 'invalid-input', message: 'The confirmation depth must be a whole number of blocks from 1 to 100.', hint: 'Leave it empty for the default.' });
  }
  return value;
}

const CHAIN_NAMES = { devnet: 'the built-in demo chain', mainnet: 'an Ergo mainnet node', testnet: 'an Ergo testnet node' } as const;

function followed(view: SettingsView): string {
  return view.settings.chainSource === 'explorer' && view.chain !== 'devnet' ? `the public Ergo Explorer (${view.chain})` : CHAIN_NAMES[view.chain];
}

/** Chain source (demo chain, public Explorer or the treasurer's node), its network, and the confirmation depth; saving restarts the sync. */
export function ChainSourceForm({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [busy, setBusy] = useState<'saving' | 'checking' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setError(null);
    setMessage(null);
  };

  async function checkNode() {
    setBusy('checking');
    setError(null);
    try {
      const check = await callApi('settings.checkNode', { url: draft.url, network: draft.network });
      setMessage((check as NodeCheckView).message);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(null);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const confirmations = confirmationsOf(draft.confirmations);
    if (confirmations instanceof ApiError) return setError(confirmations);
    setBusy('saving');
    setError(null);
    setMessage(null);
    try {
      const chainSource = draft.source === 'node' ? draft.url : draft.source;
      const saved = await callApi('settings.update', { chainSource, nodeNetwork: draft.network, confirmations });
      setDraft(draftOf(saved));
      setMessage(saved.notice ?? 'Saved.');
      onSaved(saved);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-chain">
      <h2 id="settings-chain">Chain</h2>
      <p className="settings-explain">
        The app follows {followed(view)}. A transaction counts as confirmed after {view.confirmations.effective} block
        {view.confirmations.effective === 1 ? '' : 's'}.
      </p>
      <form className="settings-form" onSubmit={(event) => void save(event)}>
        <fieldset className="settings-choice">
          <legend>Chain source</legend>
          <label>
            <input type="radio" name="chain-source" checked={draft.source === 'devnet'} onChange={() => change({ source: 'devnet' })} />
            Built-in demo chain (test coins, demo LETS)
          </label>
          <label>
            <input type="radio" name="chain-source" checked={draft.source === 'node'} onChange={() => change({ source: 'node' })} />
            My Ergo node
          </label>
          <label>
            <input type="radio" name="chain-source" checked={draft.source === 'explorer'} onChange={() => change({ source: 'explorer' })} />
            Public Ergo Explorer (mainnet/testnet)
          </label>
        </fieldset>
        {draft.source === 'explorer' && (
          <div className="settings-node">
            <p className="settings-explain">
              No node of your own needed: the app reads the ledger from the public Ergo Explorer (api.ergoplatform.com, or
              api-testnet.ergoplatform.com for testnet) and sends transactions through it.
            </p>
            <WhatIsChecked source="explorer" />
            <NetworkField value={draft.network} onChange={(network) => change({ network })} />
          </div>
        )}
        {draft.source === 'node' && (
          <div className="settings-node">
            <label className="field">
              Node URL
              <input type="url" value={draft.url} placeholder="http://127.0.0.1:9053" onChange={(event) => change({ url: event.target.value })} />
            </label>
            <WhatIsChecked source="node" />
            <NetworkField value={draft.network} onChange={(network) => change({ network })} />
            <button type="button" className="button secondary" disabled={busy !== null || draft.url.trim() === ''} onClick={() => void checkNode()}>
              {busy === 'checking' ? 'Checking…' : 'Check the node'}
            </button>
          </div>
        )}
        <label className="field">
          Confirmation depth (blocks)
          <input
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            value={draft.confirmations}
            placeholder={`default: ${draft.source === 'devnet' ? 2 : 10}`}
            onChange={(event) => change({ confirmations: event.target.value })}
          />
        </label>
        <div className="settings-actions">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'saving' ? 'Saving and reconnecting…' : 'Save and connect'}
          </button>
        </div>
      </form>
      {message && (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** What the mirror checks of what a source sends, and what it still takes on the source's word (issue 18). */
function WhatIsChecked({ source }: { source: 'node' | 'explorer' }) {
  const common =
    'every block header must hash to its id, carry a valid Autolykos proof of work, declare at least the difficulty floor the app ' +
    'ships for its network (on mainnet, a sixty-fourth of the network’s difficulty in July 2024) and, inside a difficulty epoch, the ' +
    'difficulty of the block before it, and follow that block; every transaction and box must have the id its content hashes to.';
  return source === 'node' ? (
    <p className="settings-explain">
      What the app checks of a node, as a light wallet does: {common} In the blocks it reads, the transactions must be exactly those the
      header commits to; a history read through the node’s index comes with the node’s proof that each transaction is in its block. Not
      checked: how the difficulty was recalculated at the start of each epoch (only that it stays above the floor), and that the index
      lists every transaction of the LETS (one left out would show as a missing trade, never as a forged one).
    </p>
  ) : (
    <p className="settings-explain">
      What the app checks of the Explorer: {common} The Explorer gives no proof that a transaction it lists is in a block, and leaves
      out part of some transactions, so a history read through it rests on its word more than one read from a node: for full checking,
      use an Ergo node, preferably your own.
    </p>
  );
}

function NetworkField({ value, onChange }: { value: NodeNetwork; onChange: (network: NodeNetwork) => void }) {
  return (
    <label className="field">
      Network of the ledger
      <select value={value} onChange={(event) => onChange(event.target.value as NodeNetwork)}>
        <option value="mainnet">Mainnet</option>
        <option value="testnet">Testnet</option>
      </select>
    </label>
  );
}
