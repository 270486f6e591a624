/**
 * A JSON parser for node answers that keeps every integer exact: the same results as lossless-json's parse with our
 * number rule (see lossless-json.ts), several times faster. Speed matters here because a full sync reads every
 * block's transactions: a LETS with 100 000 trades is about 450 MB of JSON, mostly long hex strings, which this
 * parser takes as slices of the answer instead of building them character by character.
 *
 * Same rules as lossless-json: integers go through `parseNumber` (bigint, or exact text when too long), duplicate
 * keys with different values are refused, "__proto__" is a plain key. Anything that is not JSON is a SyntaxError.
 */

export type NumberParser = (text: string) => unknown;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A string without escapes and without the control characters JSON forbids raw (those go the slow, strict way).
// eslint-disable-next-line no-control-regex
const PLAIN_STRING = /"[^"\\\u0000-\u001f]*"/y;

export function parseJsonExact(text: string, parseNumber: NumberParser): unknown {
  let at = 0;

  function fail(what: string): never {
    throw new SyntaxError(`${what} at position ${at}`);
  }

  function skipSpace(): void {
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
      else return;
    }
  }

  function expect(code: number): void {
    skipSpace();
    if (text.charCodeAt(at) !== code) fail(`Expected '${String.fromCharCode(code)}'`);
    at++;
  }

  function parseString(): string {
    // Nearly every string a node sends is hex or a plain word: one native regex match finds its end and proves it
    // has no escape and no control character, so it can be taken as a slice.
    PLAIN_STRING.lastIndex = at;
    if (PLAIN_STRING.test(text)) {
      const end = PLAIN_STRING.lastIndex;
      const raw = text.slice(at + 1, end - 1);
      at = end;
      return raw;
    }
    const start = at + 1;
    let end = text.indexOf('"', start);
    // A quote preceded by an odd number of backslashes is part of the string.
    for (;;) {
      if (end < 0) fail('Unterminated string');
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    at = end + 1;
    const raw = text.slice(start, end);
    // JSON.parse of the literal decodes escapes and refuses raw control characters exactly as the standard says.
    if (needsStandardParse(raw)) return JSON.parse(text.slice(start - 1, end + 1)) as string;
    return raw;
  }

  /**
   * A string, as the remembered string when `strings` holds the one written here. A node repeats a few dozen keys in
   * every object of a block, and every output of a LETS contract the same KB-long tree: comparing the text with what
   * was read before is far cheaper than scanning and building it again, and a long string handed out once more is
   * recognised at once by the checks after (node-transaction-reader.ts remembers trees it has checked).
   */
  function parseRemembered(strings: RememberedStrings): string {
    const start = at + 1;
    const end = text.indexOf('"', start);
    const known = strings.find(text, start, end);
    if (known !== undefined) {
      at = end + 1;
      return known;
    }
    const value = parseString();
    // Only a string written without escapes is remembered: its text is then the string itself.
    if (at === end + 1 && value.length === end - start) strings.remember(value);
    return value;
  }

  function parseValue(): unknown {
    skipSpace();
    const c = text.charCodeAt(at);
    if (c === QUOTE) return parseRemembered(LONG_STRINGS);
    if (c === OPEN_BRACE) return parseObject();
    if (c === OPEN_BRACKET) return parseArray();
    if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
      NUMBER_PATTERN.lastIndex = at;
      if (!NUMBER_PATTERN.test(text)) fail('Invalid number');
      const literal = text.slice(at, NUMBER_PATTERN.lastIndex);
      at = NUMBER_PATTERN.lastIndex;
      return parseNumber(literal);
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value;
      }
    }
    return fail(at >= text.length ? 'Unexpected end of JSON' : 'Unexpected character');
  }

  function parseObject(): Record<string, unknown> {
    at++;
    const object: Record<string, unknown> = {};
    skipSpace();
    if (text.charCodeAt(at) === CLOSE_BRACE) {
      at++;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text.charCodeAt(at) !== QUOTE) fail('Expected a key');
      const key = parseRemembered(KEYS);
      expect(COLON);
      const value = parseValue();
      if (Object.hasOwn(object, key)) {
        if (!sameJson(object[key], value)) fail(`Duplicate key '${key}' encountered`);
      } else if (key === '__proto__') {
        // Assignment would set the object's prototype; a node's "__proto__" is just a key.
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        object[key] = value;
      }
      skipSpace();
      const next = text.charCodeAt(at++);
      if (next === CLOSE_BRACE) return object;
      if (next !== COMMA) fail("Expected ',' or '}'");
    }
  }

  function parseArray(): unknown[] {
    at++;
    const array: unknown[] = [];
    skipSpace();
    if (text.charCodeAt(at) === CLOSE_BRACKET) {
      at++;
      return array;
    }
    for (;;) {
      array.push(parseValue());
      skipSpace();
      const next = text.charCodeAt(at++);
      if (next === CLOSE_BRACKET) return array;
      if (next !== COMMA) fail("Expected ',' or ']'");
    }
  }

  const value = parseValue();
  skipSpace();
  if (at < text.length) fail('Unexpected text after JSON');
  return value;
}

/**
 * Strings read before, by length. Bounded, as a hostile answer (or a chain busy with other contracts) can send any
 * number of distinct ones: when full, the string remembered longest ago makes room, so a string that keeps coming
 * back is soon remembered again.
 */
class RememberedStrings {
  private readonly byLength = new Map<number, string[]>();

  constructor(
    private readonly minLength: number,
    private readonly maxLength: number,
    private readonly lengths: number,
    private readonly perLength: number,
  ) {}

  /** The remembered string whose text is text[start, end), if any. */
  find(text: string, start: number, end: number): string | undefined {
    const length = end - start;
    if (length < this.minLength || length > this.maxLength) return undefined;
    const sameLength = this.byLength.get(length);
    if (sameLength === undefined) return undefined;
    // A slice shares the text's memory and compares natively. A remembered string holds no quote and no backslash,
    // so the quote at `end` closes exactly that string.
    const written = text.slice(start, end);
    return sameLength.find((known) => known === written);
  }

  remember(value: string): void {
    if (value.length < this.minLength || value.length > this.maxLength) return;
    // A copy: the value may be a slice, which would keep the whole answer it came from in memory for good.
    const copy = JSON.parse(JSON.stringify(value)) as string;
    const sameLength = this.byLength.get(value.length);
    if (sameLength !== undefined) {
      if (sameLength.length >= this.perLength) sameLength.shift();
      sameLength.push(copy);
      return;
    }
    // A Map keeps insertion order: its first key is the length remembered longest ago.
    if (this.byLength.size >= this.lengths) this.byLength.delete(this.byLength.keys().next().value as number);
    this.byLength.set(value.length, [copy]);
  }
}

/** Object keys: a node uses a few dozen. */
const KEYS = new RememberedStrings(1, 32, 32, 8);
/** Contract trees and other long values (ids and proofs are shorter): at most 2 MB held. */
const LONG_STRINGS = new RememberedStrings(128, 8192, 64, 4);

/** A backslash (an escape) or a control character (which JSON forbids raw) anywhere in the string. */
function needsStandardParse(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH || c < 0x20) return true;
  }
  return false;
}

const LITERALS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** Two parsed values are the same JSON (a repeated key with an identical value is harmless, as in lossless-json). */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
