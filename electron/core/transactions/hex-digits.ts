/** Each ASCII code's value as a hexadecimal digit, or −1: decoding short hex in a loop over this beats Buffer's per call. */
const HEX_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let digit = 0; digit < 16; digit++) {
    values['0123456789abcdef'.charCodeAt(digit)] = digit;
    values['0123456789ABCDEF'.charCodeAt(digit)] = digit;
  }
  return values;
})();

/**
 * Decodes `text` (an even number of hexadecimal digits) into `into` at `at`; false, with the bytes so far written, at
 * the first character that is not a hexadecimal digit (where Buffer.write would stop without saying so).
 */
export function decodeHexInto(text: string, into: Uint8Array, at: number): boolean {
  for (let i = 0; i < text.length >> 1; i++) {
    const high = HEX_VALUES[text.charCodeAt(2 * i)] ?? -1;
    const low = HEX_VALUES[text.charCodeAt(2 * i + 1)] ?? -1;
    if (high < 0 || low < 0) return false;
    into[at + i] = (high << 4) | low;
  }
  return text.length % 2 === 0;
}
