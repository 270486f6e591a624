import { type ImportPreview, type ImportProblem, type ImportRow } from '../api/calls/member-types';
import { CsvSyntaxError, parseCsv, restoreNeutralised, SEPARATORS, separatorOf, type CsvRow, type CsvSeparator } from '../csv/csv';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { addMemberProfiles } from '../mirror/queries/members';
import type { ErgoNetwork } from '../signers/signer';
import { checkMember, memberContext, sameNameWarning, type MemberContext } from './member-check';
import { membershipsShort } from './memberships';
import { BOTH_KEPT, nameKey } from './member-names';

/** Columns the import reads; any other column (e.g. balance in an exported file) is ignored and reported. */
const COLUMNS = ['name', 'contact', 'notes', 'public_key', 'address'] as const;
type Column = (typeof COLUMNS)[number];

export const MAX_IMPORT_ROWS = 5_000;

const headerName = (cell: string) => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

function readHeader(header: CsvRow, separator: CsvSeparator): { columns: Map<Column, number>; ignored: string[] } | ImportProblem {
  const columns = new Map<Column, number>();
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = headerName(cell);
    if ((COLUMNS as readonly string[]).includes(name) && !columns.has(name as Column)) columns.set(name as Column, index);
    else if (name !== '') ignored.push(cell.trim());
  });
  // One cell: the file is separated by something none of the three separators is.
  const readAs = header.cells.length > 1 ? '' : ` (row 1 was read as separated by ${SEPARATORS[separator]}s: save the file as CSV, separated by commas, semicolons or tabs)`;
  if (!columns.has('name')) return { row: 1, message: `Row 1 must name the columns: a "name" column is missing${readAs}.` };
  if (!columns.has('public_key') && !columns.has('address')) {
    return { row: 1, message: 'Row 1 must name the columns: a "public_key" or an "address" column is missing.' };
  }
  return { columns, ignored };
}

/**
 * Reads a member CSV and checks every row, collecting every problem (not just the first) so the treasurer can fix
 * the file in one go. Rows are numbered as the spreadsheet shows them.
 */
export function planImport(csvText: string, context: MemberContext): ImportPreview {
  let records: CsvRow[];
  const separator = separatorOf(csvText);
  try {
    records = parseCsv(csvText, separator);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], problems: [{ row: error.row, message: error.message }], warnings: [], ignoredColumns: [] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ row: null, message: 'The file is empty.' }], warnings: [], ignoredColumns: [] };
  const layout = readHeader(header, separator);
  if ('message' in layout) return { rows: [], problems: [layout], warnings: [], ignoredColumns: [] };
  if (body.length === 0) return { rows: [], problems: [{ row: null, message: 'The file has no member rows below its header.' }], warnings: [], ignoredColumns: layout.ignored };
  if (body.length > MAX_IMPORT_ROWS) {
    return { rows: [], problems: [{ row: null, message: `The file has ${body.length} member rows; import at most ${MAX_IMPORT_ROWS} at a time.` }], warnings: [], ignoredColumns: layout.ignored };
  }

  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const rowByName = new Map<string, number>();
  for (const record of body) {
    const fail = (message: string) => problems.push({ row: record.row, message: `Row ${record.row}: ${message}.` });
    if (record.cells.length > header.cells.length) {
      fail(`it has ${record.cells.length} cells but the header has ${header.cells.length} (a ${SEPARATORS[separator]} inside a cell needs quotes)`);
      continue;
    }
    const cell = (column: Column) => {
      const index = layout.columns.get(column);
      return restoreNeutralised((index === undefined ? '' : (record.cells[index] ?? '')).trim());
    };
    const checked = checkMember(
      { name: cell('name'), contact: cell('contact'), notes: cell('notes'), publicKey: cell('public_key'), address: cell('address') },
      context,
    );
    if ('problem' in checked) {
      fail(checked.problem);
      continue;
    }
    const earlier = seen.get(checked.ownerKey);
    if (earlier !== undefined) fail(`the same key as row ${earlier}`);
    else rows.push({ row: record.row, ...checked });
    seen.set(checked.ownerKey, earlier ?? record.row);
    const warn = (message: string) => warnings.push({ row: record.row, message: `Row ${record.row}: ${message}` });
    const inLets = sameNameWarning(checked, context);
    const name = nameKey(checked.name);
    const earlierNamed = rowByName.get(name);
    if (inLets) warn(inLets);
    else if (earlierNamed !== undefined && earlier === undefined) warn(`${checked.name} has the same name as row ${earlierNamed}; ${BOTH_KEPT}.`);
    if (!rowByName.has(name)) rowByName.set(name, record.row);
  }
  // Importing stores names only; enrolling them is the next step, which the memberships left may not allow for all.
  const short = membershipsShort(rows.filter((row) => !row.enrolled).length, context.membershipsLeft);
  if (short) warnings.unshift({ row: null, message: `This file has ${short}` });
  return { rows, problems, warnings, ignoredColumns: layout.ignored };
}

export function previewImport(db: Db, letsId: number, csvText: string, network: ErgoNetwork): ImportPreview {
  return planImport(csvText, memberContext(db, letsId, network));
}

/**
 * Imports every row or none: the file is checked again inside the same SQLite transaction that writes the profiles
 * (the database may have changed since the preview), so a file is never half imported.
 */
export function importMembers(db: Db, letsId: number, csvText: string, network: ErgoNetwork): { imported: number } {
  return db.transaction(() => {
    const plan = previewImport(db, letsId, csvText, network);
    const [first, ...more] = plan.problems;
    if (first) {
      const others = more.length === 0 ? '' : ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})`;
      throw new AppError('invalid-input', `Nothing was imported. ${first.message}${others}`, 'Correct the file, preview it again, then import.');
    }
    addMemberProfiles(db, plan.rows.map((row) => ({ letsId, ownerKey: row.ownerKey, name: row.name, contact: row.contact, notes: row.notes })));
    return { imported: plan.rows.length };
  }).immediate();
}
