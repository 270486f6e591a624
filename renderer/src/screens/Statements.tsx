import { useState } from 'react';
import { flushSync } from 'react-dom';
import type { MemberStatement } from '../../../electron/core/api/calls/statement-types';
import { toPdfFileName } from '../../../electron/core/api/pdf-request';
import { memberLabels } from '../../../electron/core/members/member-names';
import { callApi } from '../api/client';
import { canSavePdf, chooseFolder, PdfError, savePdf, savePdfInto, type PdfPageSize } from '../api/pdf';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { LetsChooser, useLetsChoice } from '../components/LetsChooser';
import { Loading } from '../components/Loading';
import { useCall } from '../hooks/use-call';
import { localTimeZone, monthRange, periodInstants, rangeFor, type DateRange, type PeriodChoice } from '../../../electron/core/api/calls/statement-period';
import { StatementDocument } from './statements/StatementDocument';
import { useStatements } from './statements/use-statements';
import '../styles/statements.css';

const fileName = (subject: string, letsName: string, range: DateRange) => toPdfFileName(`${letsName} - ${subject} - ${range.first} to ${range.last}`);

type Progress = { done: number; total: number; current: string } | null;
type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/** Until the treasurer chooses (a setting, remembered): US Letter where their locale uses it, A4 everywhere else. */
const localPageSize = (): PdfPageSize => (/-(US|CA|MX|PH)$/i.test(navigator.language) ? 'Letter' : 'A4');

function PeriodFields({ choice, custom, onChoice, onCustom }: { choice: PeriodChoice; custom: DateRange; onChoice(c: PeriodChoice): void; onCustom(r: DateRange): void }) {
  return (
    <>
      <label className="field">
        <span>Period</span>
        <select value={choice} onChange={(e) => onChoice(e.target.value as PeriodChoice)}>
          <option value="this-month">This month</option>
          <option value="last-month">Last month</option>
          <option value="custom">Custom dates</option>
        </select>
      </label>
      {choice === 'custom' && (
        <>
          <label className="field">
            <span>From</span>
            <input type="date" value={custom.first} onChange={(e) => onCustom({ ...custom, first: e.target.value })} />
          </label>
          <label className="field">
            <span>To (inclusive)</span>
            <input type="date" value={custom.last} onChange={(e) => onCustom({ ...custom, last: e.target.value })} />
          </label>
        </>
      )}
    </>
  );
}

/**
 * Printable member statements: pick a member (or all) and a period, preview the documents as they will print,
 * then print, save one PDF, or (all members, desktop app) save one PDF per member into a folder.
 */
export function Statements() {
  const letsChoice = useLetsChoice();
  const letsList = letsChoice.list;
  const letsId = letsChoice.lets?.id ?? null;
  const members = useCall('members.list', { letsId });
  const labels = members.state.status === 'ready' ? memberLabels(members.state.value) : new Map<number, string>();
  const [who, setWho] = useState<number | 'all'>('all');
  const [choice, setChoice] = useState<PeriodChoice>('this-month');
  const [custom, setCustom] = useState<DateRange>(() => monthRange(new Date(), 0));
  const settings = useCall('settings.get', {}).state;
  const [chosenPageSize, setChosenPageSize] = useState<PdfPageSize | null>(null);
  const pageSize = chosenPageSize ?? (settings.status === 'ready' ? settings.value.settings.paperSize : null) ?? localPageSize();
  const choosePageSize = (size: PdfPageSize) => {
    setChosenPageSize(size);
    // Remembered for the next statements; a failure to save it changes nothing on this page.
    callApi('settings.update', { paperSize: size }).catch(() => undefined);
  };
  const [printOnly, setPrintOnly] = useState<number | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const range = rangeFor(choice, custom, new Date());
  const instants = periodInstants(range);
  const statements = useStatements(letsId !== null && instants ? { letsId, who, ...instants } : null);
  const ready = statements?.status === 'ready' ? statements.value : [];
  const timeZone = localTimeZone();
  const letsName = letsChoice.lets?.name ?? 'LETS';
  const busy = progress !== null;

  /** Another LETS has other members: start again from all of them. */
  function chooseLets(id: number) {
    letsChoice.choose(id);
    setWho('all');
  }

  const report = (error: unknown) => setOutcome({ tone: 'error', text: error instanceof PdfError ? error.message : 'The PDF could not be saved.' });

  async function saveOne() {
    setOutcome(null);
    const subject = who === 'all' ? 'All members' : (ready[0]?.member.name ?? 'Statement');
    try {
      const path = await savePdf(fileName(subject, letsName, range), pageSize);
      if (path) setOutcome({ tone: 'ok', text: `Saved ${path}` });
    } catch (error) {
      report(error);
    }
  }

  /** One PDF per member: the page prints one document at a time, each saved into the chosen folder. */
  async function savePerMember(all: readonly MemberStatement[]) {
    setOutcome(null);
    try {
      const target = await chooseFolder();
      if (!target) return;
      for (const [index, statement] of all.entries()) {
        flushSync(() => {
          setPrintOnly(index);
          setProgress({ done: index, total: all.length, current: statement.member.name });
        });
        await savePdfInto(target.folder, fileName(statement.member.name, letsName, range), pageSize);
      }
      setOutcome({ tone: 'ok', text: `Saved ${all.length} statements in ${target.label}` });
    } catch (error) {
      report(error);
    } finally {
      setPrintOnly(null);
      setProgress(null);
    }
  }

  return (
    <div className="statements-screen">
      <form className="toolbar statements-controls" aria-label="Statement options" onSubmit={(e) => e.preventDefault()}>
        <LetsChooser choice={{ ...letsChoice, choose: chooseLets }} />
        <label className="field">
          <span>Member</span>
          <select value={String(who)} onChange={(e) => setWho(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
            <option value="all">All members</option>
            {members.state.status === 'ready' &&
              members.state.value.map((m) => (
                <option key={m.id} value={m.id}>
                  {labels.get(m.id)}
                </option>
              ))}
          </select>
        </label>
        <PeriodFields choice={choice} custom={custom} onChoice={setChoice} onCustom={setCustom} />
        <label className="field">
          <span>Paper</span>
          <select value={pageSize} onChange={(e) => choosePageSize(e.target.value as PdfPageSize)}>
            <option value="A4">A4</option>
            <option value="Letter">US Letter</option>
          </select>
        </label>
        <div className="statements-actions">
          <button type="button" className="button" disabled={ready.length === 0 || busy} onClick={() => window.print()}>
            Print
          </button>
          {canSavePdf() && (
            <button type="button" className="button" disabled={ready.length === 0 || busy} onClick={() => void saveOne()}>
              Save as PDF
            </button>
          )}
          {canSavePdf() && who === 'all' && (
            <button type="button" className="button" disabled={ready.length === 0 || busy} onClick={() => void savePerMember(ready)}>
              One PDF per member…
            </button>
          )}
        </div>
      </form>

      {!canSavePdf() && <p className="statements-hint">To keep a PDF, choose Print and then “Save as PDF” as the printer.</p>}
      {progress && (
        <p className="statements-progress" role="status">
          <progress value={progress.done} max={progress.total} /> Saving {progress.done + 1} of {progress.total}: {progress.current}…
        </p>
      )}
      {outcome && (
        <p className={outcome.tone === 'ok' ? 'statements-saved' : 'notice notice-error'} role={outcome.tone === 'ok' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}

      {letsList.status === 'failed' && <ErrorNotice error={letsList.error} />}
      {letsList.status === 'ready' && letsList.value.length === 0 && (
        <EmptyState title="No LETS yet">
          <p>Statements appear here once the app follows a LETS.</p>
        </EmptyState>
      )}
      {!instants && <p className="notice notice-error" role="alert">Choose a start date and an end date on or after it.</p>}
      {statements?.status === 'loading' && <Loading what={who === 'all' ? 'the statements of all members' : 'the statement'} />}
      {statements?.status === 'failed' && <ErrorNotice error={statements.error} />}
      {statements?.status === 'ready' && statements.value.length === 0 && (
        <EmptyState title="No members yet">
          <p>Statements can be made once members are enrolled.</p>
        </EmptyState>
      )}
      {ready.length > 0 && (
        <div className={printOnly === null ? 'statement-print-area' : 'statement-print-area printing-one'}>
          {ready.map((statement, index) => (
            <div key={statement.member.id} className={printOnly !== null && printOnly !== index ? 'statement-page statement-skip-print' : 'statement-page'}>
              <StatementDocument statement={statement} pageSize={pageSize} timeZone={timeZone} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
