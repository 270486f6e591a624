import { useState } from 'react';
import type { FoundingView } from '../../../../electron/core/api/calls/founding-types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCall } from '../../hooks/use-call';
import { FoundingForm } from './FoundingForm';
import { FoundingProgress } from './FoundingProgress';
import '../../styles/following.css';

/**
 * Found a LETS, as a wizard: what it is, what the chain will enforce, the founding key, funding, the two genesis
 * transactions, followed. A founding under way is picked up where it was, after a restart too.
 */
export function FoundLets() {
  const current = useCall('founding.current', {}).state;
  const settings = useCall('settings.get', {}).state;
  // What the last action answered; `null` after giving up (back to a fresh form), undefined until then.
  const [latest, setLatest] = useState<FoundingView | null | undefined>(undefined);
  if (current.status === 'loading' || settings.status === 'loading') return <Loading what="the founding" />;
  if (current.status === 'failed') return <ErrorNotice error={current.error} />;
  if (settings.status === 'failed') return <ErrorNotice error={settings.error} />;
  const view = latest === undefined ? current.value : latest;
  if (!view) return <FoundingForm network={settings.value.chain} onStarted={setLatest} />;
  return <FoundingProgress view={view} onChange={setLatest} onAbandoned={() => setLatest(null)} />;
}
