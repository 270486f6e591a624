import { useState } from 'react';
import { asApiError, callApi, type ApiError } from '../api/client';
import { ErrorNotice } from './ErrorNotice';

type State = { kind: 'idle' } | { kind: 'showing' } | { kind: 'shown' } | { kind: 'failed'; error: ApiError };

/**
 * Shows the address on the Ledger's own screen, so the treasurer compares it with the one here: a tampered computer
 * can change what the app displays, not what the device derives. Only for keys the Ledger holds.
 */
export function VerifyOnDevice({ publicKey, onShown }: { publicKey: string; onShown?: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const verify = () => {
    setState({ kind: 'showing' });
    callApi('device.verifyAddress', { publicKey }).then(
      () => {
        setState({ kind: 'shown' });
        onShown?.();
      },
      (e: unknown) => setState({ kind: 'failed', error: asApiError(e) }),
    );
  };
  return (
    <span className="verify-on-device">
      <button type="button" className="button secondary" onClick={verify} disabled={state.kind === 'showing'}>
        Verify on Ledger
      </button>
      <span role="status" aria-live="polite">
        {state.kind === 'showing' && ' Compare the address on your Ledger with the one shown here, then confirm on the device.'}
        {state.kind === 'shown' && ' The Ledger showed this address.'}
      </span>
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}
    </span>
  );
}
