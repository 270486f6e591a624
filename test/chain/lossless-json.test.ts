import { describe, expect, it } from 'vitest';
import { parseNodeJson, stringifyNodeJson } from '../../electron/core/chain/lossless-json';

describe('node JSON', () => {
  it('reads every integer as an exact bigint, including Long.MAX and values past 2^53', () => {
    const parsed = parseNodeJson('{"value":9223372036854775807,"amount":9007199254740993,"height":667,"neg":-5}');
    expect(parsed).toEqual({ value: 9_223_372_036_854_775_807n, amount: 9_007_199_254_740_993n, height: 667n, neg: -5n });
  });

  it('never turns a number into a rounded JS number', () => {
    const parsed = parseNodeJson('[1.5, 1e3, 12345678901234567890.0]') as unknown[];
    for (const value of parsed) expect(typeof value).not.toBe('number');
    expect(parsed.map(String)).toEqual(['1.5', '1e3', '12345678901234567890.0']);
  });

  it('keeps an absurdly long integer as text instead of spending seconds converting it', () => {
    const digits = '9'.repeat(100_000);
    const [value] = parseNodeJson(`[${digits}]`) as unknown[];
    expect(typeof value).not.toBe('bigint');
    expect(String(value)).toBe(digits);
  });

  it('refuses a duplicate key with a different value, which a validator could be fooled by', () => {
    expect(() => parseNodeJson('{"value":1,"value":-1}')).toThrow(/Duplicate key/);
  });

  it('treats a "__proto__" key as plain data', () => {
    const parsed = parseNodeJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
  });

  it('reads escapes, quotes and backslashes inside strings, and the literals', () => {
    const text = String.raw`{"a":"say \"hi\"\\","b":[true,false,null],"c":{},"d":"\u00e9\n", "e" : [ ] }`;
    expect(parseNodeJson(text)).toEqual({ a: 'say "hi"\\', b: [true, false, null], c: {}, d: 'é\n', e: [] });
  });

  it('refuses what JSON forbids: raw control characters, leading zeros, trailing text', () => {
    for (const text of ['["a\u0001b"]', '[01]', '{"a":1} x', '{"a":1,}', '"open']) {
      expect(() => parseNodeJson(text), text).toThrow(SyntaxError);
    }
  });

  it('throws on text that is not JSON', () => {
    expect(() => parseNodeJson('<html><body>502 Bad Gateway</body></html>')).toThrow(SyntaxError);
    expect(() => parseNodeJson('{"value": 1')).toThrow(SyntaxError);
  });

  it('writes bigints as bare JSON integers, as the node expects int64', () => {
    expect(stringifyNodeJson({ value: 9_223_372_036_854_775_807n, assets: [{ amount: 1n }] })).toBe(
      '{"value":9223372036854775807,"assets":[{"amount":1}]}',
    );
  });
});
