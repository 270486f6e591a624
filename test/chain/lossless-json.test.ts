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

  it('reads keys and long strings it has met before exactly, and never mistakes a lookalike for them', () => {
    const tree = 'ab'.repeat(300);
    const lookalike = 'ab'.repeat(299) + 'ac';
    for (let round = 0; round < 3; round++) {
      expect(parseNodeJson(`{"boxId":"${tree}","value":${round}}`)).toEqual({ boxId: tree, value: BigInt(round) });
      // Same lengths and first characters as what was remembered; escapes written out; the quote escaped.
      expect(parseNodeJson(`{"boxIe":"${lookalike}","valu\\u0065":1}`)).toEqual({ boxIe: lookalike, value: 1n });
      expect(parseNodeJson(`["${tree.slice(0, -2)}\\"x"]`)).toEqual([`${tree.slice(0, -2)}"x`]);
    }
    expect(() => parseNodeJson(`["${tree.slice(0, -1)}\\u0001"]`)).not.toThrow();
    expect(() => parseNodeJson(`["${tree.slice(0, -1)}\u0001"]`)).toThrow(SyntaxError);
    expect(() => parseNodeJson('{"boxId":1,"boxId":2}')).toThrow(/Duplicate key/);
    expect(() => parseNodeJson(`{"boxId":"${tree}`)).toThrow(SyntaxError);
  });

  it('reads every string exactly while more distinct keys and long strings come than it can remember', () => {
    const longs = Array.from({ length: 100 }, (_, i) => `${i.toString(16).padStart(2, '0')}${'cd'.repeat(64 + (i % 70))}`);
    const keys = Array.from({ length: 300 }, (_, i) => `k${i % 20}`.padEnd(1 + (i % 32), '_'));
    for (let round = 0; round < 2; round++) {
      for (const [i, long] of longs.entries()) {
        const key = keys[(i * 3 + round) % keys.length] as string;
        expect(parseNodeJson(`{"${key}":"${long}"}`)).toEqual({ [key]: long });
      }
    }
  });

  it('reads integers of every length exactly, around where a double stops being exact', () => {
    const literals = ['0', '-0', '999999999999999', '-999999999999999', '9007199254740993', '-9007199254740993', '1234567890123456789'];
    expect(parseNodeJson(`[${literals.join(',')}]`)).toEqual(literals.map((l) => BigInt(l)));
  });

  it('writes bigints as bare JSON integers, as the node expects int64', () => {
    expect(stringifyNodeJson({ value: 9_223_372_036_854_775_807n, assets: [{ amount: 1n }] })).toBe(
      '{"value":9223372036854775807,"assets":[{"amount":1}]}',
    );
  });
});
