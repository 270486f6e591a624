import type { CallState } from '../hooks/use-call';
import { useCall } from '../hooks/use-call';

const POLL_MS = 5_000;

type Tone = 'ok' | 'warn' | 'off';

interface Reported {
  state: string;
  message: string;
}

/** Green only for the one healthy state; amber when something is wrong; grey while idle or checking. */
function present(call: CallState<Reported>, healthy: string, broken: string[]): { tone: Tone; text: string } {
  if (call.status === 'loading') return { tone: 'off', text: 'Checking…' };
  if (call.status === 'failed') return { tone: 'warn', text: call.error.message };
  if (call.value.state === healthy) return { tone: 'ok', text: call.value.message };
  return { tone: broken.includes(call.value.state) ? 'warn' : 'off', text: call.value.message };
}

function Indicator({ label, tone, text }: { label: string; tone: Tone; text: string }) {
  return (
    <span className="status-item">
      <span className={`status-dot status-${tone}`} aria-hidden="true" />
      <span className="status-label">{label}:</span> {text}
    </span>
  );
}

/** Chain/sync and device state, always visible; both are polled so a dropped node or device shows within seconds. */
export function StatusBar() {
  const chain = present(useCall('chain.status', {}, POLL_MS).state, 'synced', ['unreachable']);
  const device = present(useCall('device.status', {}, POLL_MS).state, 'ready', ['locked', 'wrong-app']);
  return (
    <footer className="status-bar" aria-label="Status">
      <Indicator label="Chain" {...chain} />
      <Indicator label="Ledger device" {...device} />
    </footer>
  );
}
