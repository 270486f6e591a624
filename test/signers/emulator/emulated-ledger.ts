import { LedgerDeviceService, type DeviceServiceOptions } from '../../../electron/core/signers/ledger/device-service';
import type { HidTransportFactory } from '../../../electron/core/signers/ledger/hid-transports';
import { ErgoAppEmulator, type EmulatorOptions } from './ergo-app-emulator';

/**
 * A USB port for tests: `plug` puts an emulated Ledger on it, `unplugAll` pulls it. Each plug is a
 * fresh USB connection to the same device (same seed), as a replug of a real Ledger would be.
 */
export class EmulatedUsb implements HidTransportFactory {
  device: ErgoAppEmulator | undefined;
  opened = 0;

  plug(options: EmulatorOptions = {}): ErgoAppEmulator {
    this.device = new ErgoAppEmulator(options);
    return this.device;
  }

  unplugAll(): void {
    this.device?.unplug();
    this.device = undefined;
  }

  async list(): Promise<string[]> {
    return this.device ? ['emulated-ledger'] : [];
  }

  async open(): Promise<ErgoAppEmulator> {
    if (!this.device) throw Object.assign(new Error('no device'), { name: 'DisconnectedDevice' });
    this.opened++;
    return this.device;
  }
}

export function emulatedLedger(options: EmulatorOptions = {}, serviceOptions: Omit<DeviceServiceOptions, 'transports'> = {}) {
  const usb = new EmulatedUsb();
  const device = usb.plug(options);
  const service = new LedgerDeviceService({ ...serviceOptions, transports: usb });
  return { usb, device, service };
}
