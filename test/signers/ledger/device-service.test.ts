import { openTransportReplayer, RecordStore } from '@ledgerhq/hw-transport-mocker';
import { describe, expect, it } from 'vitest';
import { LedgerDeviceService, type DeviceState } from '../../../electron/core/signers/ledger/device-service';
import { EmulatedUsb } from '../emulator/emulated-ledger';

function watch(service: LedgerDeviceService): DeviceState['status'][] {
  const seen: DeviceState['status'][] = [];
  service.subscribe((state) => seen.push(state.status));
  return seen;
}

describe('LedgerDeviceService', () => {
  it('goes from no device to ready when a Ledger with the Ergo app is plugged in', async () => {
    const usb = new EmulatedUsb();
    const service = new LedgerDeviceService({ transports: usb });
    const seen = watch(service);

    expect(await service.refresh()).toEqual({ status: 'no-device' });
    usb.plug({ version: [0, 0, 8] });
    const ready = await service.refresh();

    expect(ready).toMatchObject({ status: 'ready', appVersion: '0.0.8', debugBuild: false });
    expect(ready.status === 'ready' && ready.authToken).toMatch(/^0x[0-9a-f]{8}$/);
    expect(seen).toEqual(['ready']);
  });

  it('reports a locked Ledger, then ready once unlocked, on the same connection', async () => {
    const usb = new EmulatedUsb();
    const device = usb.plug({ screen: 'locked' });
    const service = new LedgerDeviceService({ transports: usb });

    expect(await service.refresh()).toEqual({ status: 'locked' });
    device.screen = 'ergo';
    expect((await service.refresh()).status).toBe('ready');
    expect(usb.opened).toBe(1);
  });

  it('names the app that is open instead of Ergo, or the dashboard', async () => {
    const usb = new EmulatedUsb();
    const device = usb.plug({ screen: { otherApp: 'Bitcoin' } });
    const service = new LedgerDeviceService({ transports: usb });

    expect(await service.refresh()).toEqual({ status: 'wrong-app', openApp: 'Bitcoin' });
    device.screen = 'dashboard';
    expect(await service.refresh()).toEqual({ status: 'wrong-app', openApp: null });
  });

  it('survives unplug and replug, with a new auth token for the new session', async () => {
    const usb = new EmulatedUsb();
    usb.plug();
    const service = new LedgerDeviceService({ transports: usb });
    const first = await service.refresh();
    const seen = watch(service);

    usb.unplugAll();
    await Promise.resolve();
    expect(service.state).toEqual({ status: 'no-device' });
    usb.plug();
    const second = await service.refresh();

    expect(seen).toEqual(['no-device', 'ready']);
    expect(second.status === 'ready' && first.status === 'ready' && second.authToken !== first.authToken).toBe(true);
  });

  it('shows busy during an operation and refuses a second one meanwhile', async () => {
    const usb = new EmulatedUsb();
    usb.plug();
    const service = new LedgerDeviceService({ transports: usb });
    let release: () => void = () => undefined;
    const first = service.run('signing', () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(service.state).toMatchObject({ status: 'busy', operation: 'signing' });
    await expect(service.run('reading-keys', async () => 1)).rejects.toMatchObject({ code: 'device-busy' });
    release();
    await first;
    expect(service.state.status).toBe('ready');
  });

  it('explains why it cannot run an operation', async () => {
    const usb = new EmulatedUsb();
    const service = new LedgerDeviceService({ transports: usb });
    await expect(service.run('reading-keys', async () => 1)).rejects.toMatchObject({ code: 'device-not-connected' });
    usb.plug({ screen: 'locked' });
    await expect(service.run('reading-keys', async () => 1)).rejects.toMatchObject({ code: 'device-locked' });
    usb.device!.screen = { otherApp: 'Ethereum' };
    await expect(service.run('reading-keys', async () => 1)).rejects.toMatchObject({ code: 'device-wrong-app', message: expect.stringContaining('Ethereum') });
  });

  it('loads the USB transport only when a device is first looked for, and reports when it cannot', async () => {
    let loads = 0;
    const service = new LedgerDeviceService({
      transports: async () => {
        loads++;
        throw new Error('node-hid failed to load');
      },
    });
    expect(loads).toBe(0);

    expect(await service.refresh()).toMatchObject({ status: 'unavailable', message: expect.stringContaining('USB') });
    expect(loads).toBe(1);
  });

  it('reads a locked device from the exact status word (replayed APDUs)', async () => {
    const transport = await openTransportReplayer(RecordStore.fromString('=> b001000000\n<= 5515'));
    const service = new LedgerDeviceService({ transports: { list: async () => ['hid-path'], open: async () => transport } });

    expect(await service.refresh()).toEqual({ status: 'locked' });
  });
});
