import type { DeviceStatus } from '../api/types';
import { describeDevice } from '../signers/ledger/device-status';
import type { DeviceState } from '../signers/ledger/device-service';

/**
 * The device as the status bar shows it while polling is off: the last state the app saw while it was talking to
 * the Ledger (signing, reading keys), otherwise a plain "not checked", never a stale "no Ledger connected".
 */
export function unpolledDeviceStatus(state: DeviceState): DeviceStatus {
  if (state.status === 'ready' || state.status === 'busy') return describeDevice(state);
  return {
    state: 'not-connected',
    message: 'Not checked: looking for the Ledger is off in Settings',
    hint: 'The app connects to the Ledger when you sign, or turn looking for it back on in Settings.',
    authToken: null,
  };
}
