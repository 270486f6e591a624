import type { ErrorPayload } from '../errors/app-error';

/**
 * The wire format shared by IPC and the web bridge: JSON in which bigints travel as {"$bigint":"-15000"},
 * because money is bigint end to end and JSON has no 64-bit integers.
 */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

const BIGINT_TAG = '$bigint';

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { [BIGINT_TAG]: v.toString() } : v));
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && Object.keys(v).length === 1 && BIGINT_TAG in v) {
      const digits = (v as Record<string, unknown>)[BIGINT_TAG];
      if (typeof digits === 'string' && /^-?\d{1,20}$/.test(digits)) return BigInt(digits);
    }
    return v;
  });
}
