import { isInteger, LosslessNumber } from 'lossless-json';
import { parseJsonExact } from './node-json-parser';

/**
 * JSON as the Ergo node speaks it. The node writes int64 fields (box value, token amount, timestamps, scores) as
 * bare JSON numbers, and values above 2^53 are real (a token can be minted with Long.MAX units), so JSON.parse
 * would round them silently. Here every integer literal becomes a bigint; schemas then decide what each field may be.
 */

/**
 * BigInt() is quadratic in the digit count, so a hostile multi-megabyte literal could freeze the main process.
 * No field we read needs more than 20 digits (int64), and the node's cumulative scores stay far below this.
 */
const MAX_INTEGER_DIGITS = 200;

/** An integer a double holds exactly: converting through Number is several times cheaper than BigInt(text). */
const SHORT_INTEGER = /^-?\d{1,15}$/;

function parseNodeNumber(text: string): bigint | LosslessNumber {
  if (SHORT_INTEGER.test(text)) return BigInt(Number(text));
  // Non-integers (and absurdly long integers) stay exact text; no schema of ours accepts them where it relies on a value.
  if (isInteger(text) && text.length <= MAX_INTEGER_DIGITS) return BigInt(text);
  return new LosslessNumber(text);
}

/**
 * Parses a node response body. Throws SyntaxError for anything that is not JSON, including duplicate keys with
 * different values (an ambiguity a validator could be fooled by: which of the two values did the schema check?).
 */
export function parseNodeJson(text: string): unknown {
  return parseJsonExact(text, parseNodeNumber);
}

/**
 * A bigint is written by JSON.stringify as a marker string (a NUL character, then the digits), and the markers are
 * then unquoted in one pass: far faster than a serializer in JS. No text we send may contain a NUL character, so a
 * marker can never be confused with (or hide inside) a real string.
 */
const BIGINT_MARK = '\u0000';
const MARKED_BIGINT = /"\\u0000(-?\d+)"/g;

function markBigints(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${BIGINT_MARK}${value}`;
  if (value instanceof LosslessNumber) return `${BIGINT_MARK}${value.toString()}`;
  if (typeof value === 'string' && value.includes(BIGINT_MARK)) throw new TypeError('A text containing a NUL character cannot be sent.');
  return value;
}

/** Serialises a request body; bigints become bare JSON integers, which is what the node's decoder expects for int64. */
export function stringifyNodeJson(value: unknown): string {
  const text = JSON.stringify(value, markBigints) as string | undefined;
  if (text === undefined) throw new TypeError('Nothing to serialise: the value has no JSON form.');
  return text.replace(MARKED_BIGINT, '$1');
}
