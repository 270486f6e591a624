import { beforeAll, describe, expect, it } from 'vitest';
import { monthRange, periodDates, periodInstants } from '../../electron/core/api/calls/statement-period';
import { pdfRequest, toPdfFileName } from '../../electron/core/api/pdf-request';

// A treasurer in New York: local dates differ from UTC dates, and daylight saving starts on 8 March 2026.
beforeAll(() => {
  process.env['TZ'] = 'America/New_York';
});

describe('statement periods chosen as local dates', () => {
  it('runs this month and last month from the first to the last calendar day', () => {
    const today = new Date(2026, 2, 17, 23, 30);
    expect(monthRange(today, 0)).toEqual({ first: '2026-03-01', last: '2026-03-31' });
    expect(monthRange(today, 1)).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthRange(new Date(2026, 0, 5), 1)).toEqual({ first: '2025-12-01', last: '2025-12-31' });
  });

  it('sends local midnight of the first day and of the day after the last day, as exact instants', () => {
    // EST (UTC−5) on 1 March, EDT (UTC−4) from 8 March: the end instant follows the clock change.
    expect(periodInstants({ first: '2026-03-01', last: '2026-03-31' })).toEqual({ from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' });
  });

  it('covers one whole day when first and last are the same date', () => {
    expect(periodInstants({ first: '2026-03-08', last: '2026-03-08' })).toEqual({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
  });

  it('refuses a range that ends before it starts, and dates that do not exist', () => {
    expect(periodInstants({ first: '2026-03-02', last: '2026-03-01' })).toBeNull();
    expect(periodInstants({ first: '2026-02-30', last: '2026-03-01' })).toBeNull();
    expect(periodInstants({ first: '', last: '2026-03-01' })).toBeNull();
  });

  it('shows the period the core echoes back as the same local dates', () => {
    const range = { first: '2026-03-01', last: '2026-03-31' };
    expect(periodDates(periodInstants(range) as { from: string; to: string })).toEqual(range);
  });
});

describe('PDF file names made from member names', () => {
  it('stay readable and lose anything the main process would refuse', () => {
    expect(toPdfFileName('Riverside LETS - Zoë O’Brien/.. - 2026-03')).toBe('Riverside LETS - Zoë O-Brien-. - 2026-03.pdf');
    expect(toPdfFileName('../../etc')).toBe('etc.pdf');
    expect(toPdfFileName('***')).toBe('statement.pdf');
  });

  it.each(['Riverside LETS - Zoë O’Brien/..', '../../etc', '***', '.hidden', 'a'.repeat(300), 'x\u0000y\nz'])('are always accepted by the main process (%#)', (text) => {
    expect(pdfRequest.safeParse({ kind: 'save-file', suggestedName: toPdfFileName(text), pageSize: 'A4' }).success).toBe(true);
  });
});
