import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MemberStatement } from '../../../electron/core/api/calls/statement-types';
import { toPdfFileName } from '../../../electron/core/api/pdf-request';
import { memberLabels } from '../../../electron/core/members/member-names';
import { canSavePdf, chooseFolder, PdfError, savePdf, savePdfInto } from '../api/pdf';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { LetsChooser, useLetsChoice } from '../components/LetsChooser';
import { Loading } from '../components/Loading';
import { PaperField, usePaperSize } from '../components/PaperField';
import { PeriodFields } from '../components/PeriodFields';
import { useCall } from '../hooks/use-call';
import { localTimeZone, monthRange, periodInstants, rangeFor, type DateRange, type PeriodChoice } from '../../../electron/core/api/calls/statement-period';
import { StatementDocument } from './statements/StatementDocument';
import { useStatements } from './statements/use-statements';
import '../styles/statements.css';

const fileName = (subject: string, letsName: string, range: DateRange) => toPdfFileName(`${letsName} - ${subject} - ${range.first} to ${range.last}`);

type Progress = { done: number; total: number; current: string } | null;
type Outcome = { tone: 'ok' | 'error'; text: string } | null;

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
  const paper = usePaperSize();
  const { pageSize } = paper;
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
  // While one PDF per member is saved, the window shows only the progress and the statement being printed: each
  // print then re-lays out that alone, not the whole app around it (a third less time a member, BENCHMARKS.md).
  useEffect(() => {
    document.documentElement.classList.toggle('saving-statements', busy);
    return () => document.documentElement.classList.remove('saving-statements');
  }, [busy]);

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

  /** One PDF per member: the page shows and prints one document at a time, each saved into the chosen folder. */
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
        <PaperField paper={paper} />
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
        <div className="statement-print-area">
          {/* While one PDF per member is saved, the page holds only the statement being printed: the print engine then lays out one document, not all of them. */}
          {(printOnly === null ? ready : ready.slice(printOnly, printOnly + 1)).map((statement) => (
            <div key={statement.member.id} className="statement-page">
              <StatementDocument statement={statement} pageSize={pageSize} timeZone={timeZone} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
