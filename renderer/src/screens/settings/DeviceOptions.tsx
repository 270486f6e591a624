import { useState } from 'react';
import type { SettingsView } from '../../../../electron/core/api/calls/settings-types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Whether the app looks for the Ledger every few seconds; saved at once, it needs no reconnect. */
export function DeviceOptions({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  // The box shows the choice at once; if saving fails it goes back to what is stored, with the error below.
  const [choice, setChoice] = useState<boolean | null>(null);

  async function setPolling(pollLedger: boolean) {
    setChoice(pollLedger);
    setError(null);
    try {
      onSaved(await callApi('settings.update', { pollLedger }));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setChoice(null);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-device">
      <h2 id="settings-device">Ledger device</h2>
      <label className="settings-toggle">
        <input type="checkbox" checked={choice ?? view.settings.pollLedger} disabled={choice !== null} onChange={(event) => void setPolling(event.target.checked)} />
        Look for the Ledger every few seconds
      </label>
      <p className="settings-explain">
        When this is off the status bar does not check the device, and the app only talks to the Ledger when you sign or verify an address.
      </p>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
