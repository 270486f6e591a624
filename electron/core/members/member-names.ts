/*
 * Telling members apart: two members may share a name (two Marias at the market), so wherever members are listed to
 * choose from, those of the same name are shown with the start and end of their wallet address.
 */

/** A name as people compare names: case, the composition of accents and runs of spaces aside. */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** What a warning of two members of one name says happens to them. */
export const BOTH_KEPT = 'both are kept, and lists show each with their address';

/** An address shortened to what tells two members apart on screen and on paper. */
export const shortened = (address: string): string => `${address.slice(0, 6)}…${address.slice(-4)}`;

/**
 * How each member is shown among `members`: the name alone, or with the shortened address (or, for a LETS not on
 * chain yet, the start of the key) where another member of the list has the same name.
 */
export function memberLabels<M extends { id: number; name: string; address: string | null; ownerKey: string }>(members: readonly M[]): Map<number, string> {
  const keys = members.map((m) => nameKey(m.name));
  const count = new Map<string, number>();
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1);
  return new Map(
    members.map((m, i) => [m.id, (count.get(keys[i] as string) ?? 0) > 1 ? `${m.name} (${m.address === null ? `key ${m.ownerKey.slice(0, 8)}…` : shortened(m.address)})` : m.name]),
  );
}
