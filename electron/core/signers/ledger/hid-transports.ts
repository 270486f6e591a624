import type Transport from '@ledgerhq/hw-transport';

/** How the device service finds and opens Ledgers; tests pass emulated devices instead of USB. */
export interface HidTransportFactory {
  /** Paths of the Ledgers plugged in right now. */
  list(): Promise<string[]>;
  open(path: string): Promise<Transport>;
}

interface NodeHidTransportClass {
  list(): Promise<string[]>;
  open(path: string): Promise<Transport>;
}

/**
 * Loads the USB HID transport only when a device is first looked for, so tests, CI and the devnet
 * never load node-hid's native module. The package's ESM build imports extension-less files that
 * Node's ESM loader cannot resolve, so this imports its CommonJS build by path.
 */
export async function loadNodeHidTransports(): Promise<HidTransportFactory> {
  const loaded: unknown = await import('@ledgerhq/hw-transport-node-hid/lib/TransportNodeHid');
  const TransportNodeHid = findTransportClass(loaded);
  return { list: () => TransportNodeHid.list(), open: (path) => TransportNodeHid.open(path) };
}

/** CommonJS interop differs between Node (module.exports under `default`) and bundlers (class as `default`). */
function findTransportClass(loaded: unknown): NodeHidTransportClass {
  let candidate = loaded;
  for (let depth = 0; depth < 3; depth++) {
    if (typeof candidate === 'function' && 'list' in candidate && 'open' in candidate) return candidate as unknown as NodeHidTransportClass;
    candidate = (candidate as { default?: unknown } | null)?.default;
  }
  throw new Error('@ledgerhq/hw-transport-node-hid has no transport class');
}
