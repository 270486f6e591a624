import { describe, expect, it } from 'vitest';
import { amountCell, timeCell } from '../../electron/core/csv/cells';
import { CsvSyntaxError, neutraliseFormula, parseCsv, restoreNeutralised, separatorOf, writeCsv } from '../../electron/core/csv/csv';

const cellsOf = (text: string) => parseCsv(text).map((r) => r.cells);

describe('reading CSV', () => {
  it('splits plain records on commas and on LF or CRLF line ends', () => {
    expect(cellsOf('name,contact\r\nAlice,alice@example.org\nBob,')).toEqual([
      ['name', 'contact'],
      ['Alice', 'alice@example.org'],
      ['Bob', ''],
    ]);
  });

  it('reads quoted cells holding commas, doubled quotes and line breaks', () => {
    expect(cellsOf('"Martin, Alice","says ""hi""","line 1\nline 2"\n')).toEqual([['Martin, Alice', 'says "hi"', 'line 1\nline 2']]);
  });

  it('numbers records as a spreadsheet numbers rows: blank lines count, a line break inside quotes does not', () => {
    const rows = parseCsv('\uFEFFname,notes\n"Alice","two\nlines"\n\nBob,x\n');
    expect(rows.map((r) => [r.row, r.cells[0]])).toEqual([[1, 'name'], [2, 'Alice'], [4, 'Bob']]);
  });

  it('finds the separator of a file in its first line, outside quotes: commas, semicolons or tabs', () => {
    expect(separatorOf('name,contact;x\nA;B;C;D')).toBe(',');
    expect(separatorOf('\uFEFFname;contact;"a, b, c"\nA,B')).toBe(';');
    expect(separatorOf('name\tcontact\nA,B')).toBe('\t');
    expect(separatorOf('name\nA;B')).toBe(',');
    expect(parseCsv('name;"a;b"\r\nx;"y"', ';').map((r) => r.cells)).toEqual([
      ['name', 'a;b'],
      ['x', 'y'],
    ]);
  });

  it('ignores a byte-order mark so the first header is read correctly', () => {
    expect(cellsOf('\uFEFFname\nAlice')[0]).toEqual(['name']);
  });

  it('reports an unclosed quote and text after a closing quote with their row', () => {
    expect(() => parseCsv('name\n"Alice\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('name\n"Alice\n')).toThrow(/Row 2: a quoted cell is never closed/);
    expect(() => parseCsv('name\nBob\n"Al"ice\n')).toThrow(/Row 3: text follows a closing quote/);
  });

  it('keeps a trailing empty quoted cell', () => {
    expect(cellsOf('a,""')).toEqual([['a', '']]);
    expect(cellsOf('a,"",\n')).toEqual([['a', '', '']]);
  });
});

describe('writing CSV', () => {
  it('quotes only the cells that need it and ends every line with CRLF', () => {
    expect(writeCsv([['name', 'notes'], ['Martin, Alice', 'says "hi"'], ['Bob', 'a\nb']])).toBe('name,notes\r\n"Martin, Alice","says ""hi"""\r\nBob,"a\nb"\r\n');
  });

  it('is read back unchanged', () => {
    const records = [['name', 'contact', 'notes'], ['Zoë "Z" Dubois', 'zoe@example.org', 'line 1\r\nline 2, with comma'], ['', '', '']];
    expect(cellsOf(writeCsv(records))).toEqual(records);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd'].map(neutraliseFormula)).toEqual([
      `'=HYPERLINK("http://evil")`,
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\tcmd",
    ]);
    expect(writeCsv([['=1+1', 'ok']])).toBe(`'=1+1,ok\r\n`);
  });

  it('leaves plain numbers, negative amounts included, as numbers', () => {
    expect(['-2.00', '3.50', '-7', 'Alice', ''].map(neutraliseFormula)).toEqual(['-2.00', '3.50', '-7', 'Alice', '']);
  });

  it('restores a neutralised cell on the way back in, and nothing else', () => {
    expect(restoreNeutralised(neutraliseFormula('=cmd'))).toBe('=cmd');
    expect(restoreNeutralised("'quoted'")).toBe("'quoted'");
    expect(restoreNeutralised("O'Brien")).toBe("O'Brien");
  });
});

describe('cells', () => {
  it('writes minor units as plain decimals with an ASCII minus, exactly, beyond float precision', () => {
    expect([0n, 5n, -150n, 3_50n, -200_00n].map(amountCell)).toEqual(['0.00', '0.05', '-1.50', '3.50', '-200.00']);
    expect(amountCell(-(2n ** 63n))).toBe('-92233720368547758.08');
    expect(amountCell(9_007_199_254_740_993n)).toBe('90071992547409.93');
  });

  it('writes moments as ISO 8601 in UTC, or nothing', () => {
    expect(timeCell(Date.UTC(2026, 0, 2, 9, 30))).toBe('2026-01-02T09:30:00.000Z');
    expect(timeCell(null)).toBe('');
  });
});
