import { useState, type ChangeEvent } from 'react';
import type { ImportPreview } from '../../../../electron/core/api/calls/member-types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { shortId } from '../format';

function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Members in the file</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Name</th>
          <th scope="col">Contact</th>
          <th scope="col">Public key</th>
          <th scope="col">On chain</th>
        </tr>
      </thead>
      <tbody>
        {preview.rows.map((row) => (
          <tr key={row.row}>
            <td>{row.row}</td>
            <td>{row.name}</td>
            <td>{row.contact}</td>
            <td>
              <code className="hex" title={row.ownerKey}>
                {shortId(row.ownerKey)}
              </code>
            </td>
            <td>{row.enrolled ? 'enrolled' : 'not enrolled'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Choose a CSV, see every row checked, then import all rows at once (or nothing while any row has a problem). */
export function MemberImport({ letsId, onImported }: { letsId: number; onImported: () => void }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPreview(null);
    setDone(null);
    setError(null);
    if (!file) return;
    void file.text().then((text) => {
      setCsv(text);
      callApi('members.importPreview', { letsId, csv: text }).then(setPreview, (e: unknown) => setError(asApiError(e)));
    });
    // Choosing the same (corrected) file again must run the check again.
    event.target.value = '';
  };

  const commit = () => {
    if (csv === null || !preview) return;
    callApi('members.import', { letsId, csv }).then(
      ({ imported }) => {
        const waiting = preview.rows.filter((r) => !r.enrolled).length;
        setDone(`${imported} member${imported === 1 ? '' : 's'} imported.${waiting > 0 ? ` ${waiting} not enrolled yet: enrol them with the enrolment wizard.` : ''}`);
        setPreview(null);
        setCsv(null);
        onImported();
      },
      (e: unknown) => setError(asApiError(e)),
    );
  };

  const problems = preview?.problems ?? [];
  return (
    <section className="card member-import" aria-labelledby="import-title">
      <h2 id="import-title">Import members from CSV</h2>
      <p>
        The first row names the columns: <code>name</code> and <code>public_key</code> or <code>address</code> are needed, <code>contact</code> and{' '}
        <code>notes</code> are optional; other columns are ignored. Rows are numbered as your spreadsheet numbers them (the header is row 1). Nothing is
        stored until every row is correct.
      </p>
      <label className="field">
        <span>CSV file to import</span>
        <input type="file" accept=".csv,text/csv" onChange={choose} />
      </label>
      {error && <ErrorNotice error={error} />}
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      {preview && problems.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Nothing can be imported until these are fixed:</p>
          <ul className="import-problems">
            {problems.map((p) => (
              <li key={`${p.row ?? 0}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
          <p className="notice-hint">Correct the file in your spreadsheet, save it as CSV and choose it again.</p>
        </div>
      )}
      {preview && preview.warnings.length > 0 && (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">Worth a second look (these rows are imported as they are):</p>
          <ul className="import-problems">
            {preview.warnings.map((w) => (
              <li key={`${w.row ?? 0}:${w.message}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && preview.rows.length > 0 && (
        <>
          <h3>{problems.length > 0 ? 'Rows without problems' : 'Ready to import'}</h3>
          {preview.ignoredColumns.length > 0 && <p>Ignored columns: {preview.ignoredColumns.join(', ')}.</p>}
          <PreviewTable preview={preview} />
          <button type="button" className="button" disabled={problems.length > 0} onClick={commit}>
            Import {preview.rows.length} member{preview.rows.length === 1 ? '' : 's'}
          </button>
        </>
      )}
    </section>
  );
}
