import { useCall } from '../hooks/use-call';

const POLL_MS = 5_000;

const LABELS = {
  devnet: { text: 'Demo chain', detail: 'made-up coins, for trying the app' },
  testnet: { text: 'Testnet', detail: 'test coins of no value' },
  mainnet: { text: 'Mainnet', detail: 'real ERG: what you sign is final' },
} as const;

/**
 * The network every LETS on screen lives on, shown on every screen: a LETS belongs to its network. On the demo chain
 * one quiet line beside it says that nothing there is real, so a screenshot or a printout is never taken for a ledger.
 */
export function NetworkBadge() {
  const { state } = useCall('settings.get', {}, POLL_MS);
  if (state.status !== 'ready') return null;
  const label = LABELS[state.value.chain];
  return (
    <>
      <span className={`network-badge network-${state.value.chain}`} title={label.detail}>
        {label.text}
        <span className="visually-hidden">: {label.detail}</span>
      </span>
      {state.value.chain === 'devnet' && (
        <p className="demo-note" role="note" aria-label="Demo chain">
          Made up on this computer: its coins, members and trades are not real.
        </p>
      )}
    </>
  );
}
