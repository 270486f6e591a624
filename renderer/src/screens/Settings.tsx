import { useState } from 'react';
import type { SettingsView } from '../../../electron/core/api/calls/settings-types';
import { asApiError, callApi, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useCall } from '../hooks/use-call';
import { ChainSourceForm } from './settings/ChainSourceForm';
import { DatabaseSection } from './settings/DatabaseSection';
import { MirrorRebuild } from './settings/MirrorRebuild';
import { DeviceOptions } from './settings/DeviceOptions';
import { LetsParameters } from './settings/LetsParameters';
import '../styles/settings.css';

/** Chain, LETS parameters and rules, the local database with backup and restore, the device, the app version. */
export function Settings() {
  const { state } = useCall('settings.get', {});
  // What a save or a restore answered replaces the first load. A restore replaces every setting, so the forms are
  // started afresh from it (a new generation), while a save keeps the form that made it, with its message.
  const [latest, setLatest] = useState<{ view: SettingsView; generation: number } | null>(null);
  const [reloadError, setReloadError] = useState<ApiError | null>(null);
  if (state.status === 'loading') return <Loading what="settings" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const view = latest?.view ?? state.value;
  const generation = latest?.generation ?? 0;
  const saved = (next: SettingsView) => setLatest({ view: next, generation });
  const restored = () =>
    callApi('settings.get', {}).then(
      (next) => setLatest({ view: next, generation: generation + 1 }),
      (error: unknown) => setReloadError(asApiError(error)),
    );

  return (
    <div className="settings-screen">
      {reloadError && <ErrorNotice error={reloadError} />}
      <ChainSourceForm key={generation} view={view} onSaved={saved} />
      <LetsParameters lets={view.lets} />
      <DatabaseSection path={view.database.path} schemaVersion={view.database.schemaVersion} onRestored={() => void restored()} />
      <MirrorRebuild reads={view.mirrorReads} onRebuilt={saved} />
      <DeviceOptions view={view} onSaved={saved} />
      <section className="card settings-section" aria-labelledby="settings-about">
        <h2 id="settings-about">About</h2>
        <dl className="facts">
          <dt>App version</dt>
          <dd>{view.appVersion}</dd>
        </dl>
      </section>
    </div>
  );
}
