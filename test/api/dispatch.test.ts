import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../electron/core/api/contract';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { decodeWire, encodeWire } from '../../electron/core/api/wire';
import { createCore } from '../../electron/core/app/core';
import { AppError } from '../../electron/core/errors/app-error';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { tempDir } from '../helpers/temp-dir';

function aDispatcher(overrides: Partial<Handlers> = {}) {
  const core = createCore({ databasePath: join(tempDir(), 'mirror.sqlite'), appVersion: '1.2.3' });
  const unexpected: unknown[] = [];
  const dispatcher = createDispatcher({ ...core.handlers, ...overrides }, (error) => unexpected.push(error));
  return { dispatcher, unexpected, core };
}

describe('the API contract at the boundary', () => {
  it('runs a valid call against the real core', async () => {
    const { dispatcher, core } = aDispatcher();
    const result = await dispatcher.dispatch('app.info', {});
    expect(result).toEqual({ ok: true, value: { version: '1.2.3', databasePath: expect.stringContaining('mirror.sqlite'), schemaVersion: bundledMigrations.length } });
    core.close();
  });

  it('applies schema defaults before the handler sees the input', async () => {
    const seen: unknown[] = [];
    const { dispatcher, core } = aDispatcher({ 'members.list': (input) => (seen.push(input), []) });
    await dispatcher.dispatch('members.list', {});
    await dispatcher.dispatch('members.list', { search: '  Alice  ' });
    const defaults = { letsId: null, sort: 'name', direction: 'asc' };
    expect(seen).toEqual([{ search: '', ...defaults }, { search: 'Alice', ...defaults }]);
    core.close();
  });

  it.each([
    ['a name that is not in the contract', 'members.delete', {}, 'unknown-call', 'The app asked for "members.delete", which does not exist.'],
    ['a name that is not a string', 42, {}, 'unknown-call', 'The app asked for "42", which does not exist.'],
    ['an inherited property name', 'toString', {}, 'unknown-call', 'The app asked for "toString", which does not exist.'],
    ['input that is too long', 'members.list', { search: 'x'.repeat(101) }, 'invalid-input', 'Some input was not valid. search: Search text can be at most 100 characters.'],
    ['input of the wrong type', 'members.list', { search: 7 }, 'invalid-input', 'Some input was not valid. search: Invalid input: expected string, received number'],
    ['an unexpected extra field', 'app.info', { admin: true }, 'invalid-input', 'Some input was not valid. Unrecognized key: "admin"'],
    ['no input object at all', 'app.info', null, 'invalid-input', 'Some input was not valid. Invalid input: expected object, received null'],
  ])('rejects %s with a clear error', async (_case, name, payload, code, message) => {
    const { dispatcher, core } = aDispatcher();
    const result = await dispatcher.dispatch(name, payload);
    expect(result).toEqual({ ok: false, error: { code, message, hint: expect.any(String) } });
    expect(result.ok === false && result.error.hint.length).toBeGreaterThan(10);
    core.close();
  });

  it('passes a handler’s AppError through unchanged', async () => {
    const { dispatcher, unexpected, core } = aDispatcher({
      'lets.list': () => {
        throw new AppError('not-found', 'That LETS is not followed.', 'Add it in Settings.');
      },
    });
    expect(await dispatcher.dispatch('lets.list', {})).toEqual({ ok: false, error: { code: 'not-found', message: 'That LETS is not followed.', hint: 'Add it in Settings.' } });
    expect(unexpected).toEqual([]);
    core.close();
  });

  it('hides an unexpected failure behind a calm message and reports it for the log', async () => {
    const boom = new TypeError("Cannot read properties of undefined (reading 'x')");
    const { dispatcher, unexpected, core } = aDispatcher({
      'lets.list': () => {
        throw boom;
      },
    });
    const result = await dispatcher.dispatch('lets.list', {});
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Cannot read properties');
    expect(result.ok === false && result.error.code).toBe('internal');
    expect(unexpected).toEqual([boom]);
    core.close();
  });
});

describe('the wire format', () => {
  it('carries bigints exactly, including the 64-bit extremes', () => {
    const value = { min: -(2n ** 63n), max: 2n ** 63n - 1n, nested: [{ cents: -15_000n }], text: 'x', n: 3 };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });

  it('does not turn look-alike objects into bigints', () => {
    expect(decodeWire('{"a":{"$bigint":"12x"},"b":{"$bigint":"1","c":2}}')).toEqual({ a: { $bigint: '12x' }, b: { $bigint: '1', c: 2 } });
  });

  it('answers unreadable request text with an error payload, not an exception', async () => {
    const { dispatcher, core } = aDispatcher();
    expect(decodeWire(await dispatcher.dispatchWire('app.info', '{not json'))).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'The request could not be read.' } });
    expect(decodeWire(await dispatcher.dispatchWire('app.info', { raw: 'object' }))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(decodeWire(await dispatcher.dispatchWire('members.list', encodeWire({ search: 'a' })))).toEqual({ ok: true, value: [] });
    core.close();
  });
});
