import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useCall } from '../hooks/use-call';

export function Settings() {
  const { state } = useCall('app.info', {});
  if (state.status === 'loading') return <Loading what="settings" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const info = state.value;
  return (
    <section className="card" aria-labelledby="settings-local">
      <h2 id="settings-local">This computer</h2>
      <dl className="facts">
        <dt>App version</dt>
        <dd>{info.version}</dd>
        <dt>Local database</dt>
        <dd className="path">{info.databasePath}</dd>
        <dt>Database schema</dt>
        <dd>version {info.schemaVersion}</dd>
      </dl>
    </section>
  );
}
