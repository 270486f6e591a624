/*
 * CSV as spreadsheets write and read it (RFC 4180): fields separated by commas, a field holding a comma, a quote or
 * a line break is wrapped in double quotes, and a quote inside is doubled. Lines end in CRLF or LF. Where a comma is
 * the decimal mark (much of Europe), spreadsheet programs separate fields by semicolons instead, and "text" exports
 * use tabs: a file is read with whichever of the three its first line uses (separatorOf).
 */

/** The separators a spreadsheet program writes, and how a message names them. */
export const SEPARATORS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
export type CsvSeparator = keyof typeof SEPARATORS;

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The separator of a file: of commas, semicolons and tabs, the one its first line (its header) holds most of outside
 * quotes; commas when it holds none.
 */
export function separatorOf(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>();
  let quoted = false;
  for (const char of text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in SEPARATORS) counts.set(char as CsvSeparator, (counts.get(char as CsvSeparator) ?? 0) + 1);
  }
  let best: CsvSeparator = ',';
  for (const [separator, count] of counts) if (count > (counts.get(best) ?? 0)) best = separator;
  return best;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based record of the file where the problem is, as a spreadsheet numbers its rows. */
    readonly row: number,
  ) {
    super(message);
  }
}

export interface CsvRow {
  /**
   * 1-based number of the record (header = 1), counting blank lines, as a spreadsheet numbers its rows: a line
   * break inside a quoted cell stays within one row there, so errors point at the row the treasurer sees.
   */
  row: number;
  cells: string[];
}

/** Parses CSV text into records; a byte-order mark is ignored, blank lines are skipped. */
export function parseCsv(text: string, separator: CsvSeparator = ','): CsvRow[] {
  const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let record = 1;
  let fieldWasQuoted = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    const blank = cells.length === 1 && cells[0] === '';
    if (!blank) rows.push({ row: record, cells });
    cells = [];
    record += 1;
  };

  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
        const next = source[i + 1];
        if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(`Row ${record}: text follows a closing quote; a quote inside a quoted cell must be doubled ("").`, record);
        }
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '' && !fieldWasQuoted) {
      quoted = true;
      fieldWasQuoted = true;
    } else if (char === separator) {
      endCell();
    } else if (char === '\r' && source[i + 1] === '\n') {
      // CRLF: the LF ends the record.
    } else if (char === '\n' || char === '\r') {
      endRecord();
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(`Row ${record}: a quoted cell is never closed (a " is missing).`, record);
  if (cell !== '' || cells.length > 0 || fieldWasQuoted) endRecord();
  return rows;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return that it strips first) as a
 * formula: a name like `=HYPERLINK(...)` in a member list would become a live link or command when the treasurer
 * opens the export ("CSV injection", OWASP). Such cells get a leading apostrophe, which spreadsheets show as text.
 * A plain decimal number (e.g. the balance −2.00 written as -2.00) cannot be a formula and stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The reverse of `neutraliseFormula`, so an exported file can be imported again unchanged. */
export function restoreNeutralised(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes records as CSV with CRLF line ends (what spreadsheets expect), every cell formula-safe and quoted as needed. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((cells) => cells.map((cell) => quote(neutraliseFormula(cell))).join(',')).join('\r\n') + '\r\n';
}
