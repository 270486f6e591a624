import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createCore } from '../../electron/core/app/core';
import { tempDir } from '../helpers/temp-dir';

function dispatcher() {
  const core = createCore({ databasePath: join(tempDir(), 'mirror.sqlite'), appVersion: '0.0.0' });
  return createDispatcher(core.handlers, (error) => {
    throw error;
  });
}

describe('the statement and report calls at the API boundary', () => {
  it('refuse a period that does not end after it starts', async () => {
    const result = await dispatcher().dispatch('statements.get', { letsId: 1, memberId: 1, from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('The period must end after it starts.') }) });
  });

  it('refuse a date without a time zone, which would leave the period ambiguous', async () => {
    const result = await dispatcher().dispatch('statements.batch', { letsId: 1, from: '2026-03-01', to: '2026-04-01T00:00:00+02:00' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('The start of the period is not a valid date.') }) });
  });

  it('answer a valid request for a LETS this app does not follow with not-found', async () => {
    const result = await dispatcher().dispatch('statements.batch', { letsId: 7, from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
  });

  it('hold the monthly report to the same period rules, and to a LETS the app follows', async () => {
    const calls = dispatcher();
    const backwards = await calls.dispatch('reports.monthly', { letsId: 1, from: '2026-04-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(backwards).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('The period must end after it starts.') }) });
    const extra = await calls.dispatch('reports.monthly', { letsId: 1, memberId: 2, from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await calls.dispatch('reports.monthly', { letsId: 7, from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
  });
});
