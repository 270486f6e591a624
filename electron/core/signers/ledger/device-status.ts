import type { DeviceStatus } from '../../api/types';
import type { DeviceState } from './device-service';

const BUSY_WITH = {
  connecting: 'connecting',
  'reading-keys': 'reading keys — approve on the device',
  'showing-address': 'showing an address — compare it with the app',
  signing: 'signing — review and approve on the device',
} as const;

/** The device state in the words of the status bar and the signing dialog. */
export function describeDevice(state: DeviceState): DeviceStatus {
  switch (state.status) {
    case 'no-device':
      return { state: 'not-connected', message: 'No Ledger connected', hint: 'Plug in your Ledger to sign; the app works read-only without it.', authToken: null };
    case 'unavailable':
      return { state: 'not-connected', message: state.message, hint: state.hint, authToken: null };
    case 'locked':
      return { state: 'locked', message: 'Ledger locked', hint: 'Enter your PIN on the Ledger.', authToken: null };
    case 'wrong-app':
      return {
        state: 'wrong-app',
        message: state.openApp ? `The ${state.openApp} app is open on the Ledger` : 'Ledger connected, Ergo app not open',
        hint: 'Open the Ergo app on the Ledger.',
        authToken: null,
      };
    case 'ready':
      return { state: 'ready', message: `Ledger ready: Ergo app ${state.appVersion}${state.debugBuild ? ' (debug build)' : ''}`, hint: null, authToken: state.authToken };
    case 'busy':
      return { state: 'busy', message: `Ledger busy: ${BUSY_WITH[state.operation]}`, hint: null, authToken: state.authToken };
  }
}
