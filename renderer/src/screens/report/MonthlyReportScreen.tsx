import { useState } from 'react';
import type { MonthlyReport } from '../../../../electron/core/api/calls/report-types';
import { localTimeZone, monthRange, periodInstants, rangeFor, type DateRange, type PeriodChoice } from '../../../../electron/core/api/calls/statement-period';
import { toPdfFileName } from '../../../../electron/core/api/pdf-request';
import { monthlyReportCsv } from '../../../../electron/core/reports/report-csv';
import { canSavePdf, PdfError, savePdf } from '../../api/pdf';
import { downloadFile } from '../../components/download-file';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LetsChooser, useLetsChoice } from '../../components/LetsChooser';
import { Loading } from '../../components/Loading';
import { PaperField, usePaperSize } from '../../components/PaperField';
import { PeriodFields } from '../../components/PeriodFields';
import { useCall } from '../../hooks/use-call';
import { ReportDocument } from './ReportDocument';
import '../../styles/statements.css';
import '../../styles/report.css';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/** The report's preview and what can be done with it; the report is asked for once the LETS and period are known. */
function ReportView({ letsId, instants, range, onOutcome }: { letsId: number; instants: { from: string; to: string }; range: DateRange; onOutcome(o: Outcome): void }) {
  const { state } = useCall('reports.monthly', { letsId, ...instants });
  const paper = usePaperSize();
  if (state.status === 'loading') return <Loading what="the report" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const report: MonthlyReport = state.value;
  const name = (extension: string) => toPdfFileName(`${report.lets.name} - Committee report - ${range.first} to ${range.last}`).replace(/\.pdf$/, extension);

  async function saveAsPdf() {
    onOutcome(null);
    try {
      const path = await savePdf(name('.pdf'), paper.pageSize);
      if (path) onOutcome({ tone: 'ok', text: `Saved ${path}` });
    } catch (error) {
      onOutcome({ tone: 'error', text: error instanceof PdfError ? error.message : 'The PDF could not be saved.' });
    }
  }

  return (
    <>
      <div className="toolbar statements-controls">
        <PaperField paper={paper} />
        <div className="statements-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          {canSavePdf() && (
            <button type="button" className="button" onClick={() => void saveAsPdf()}>
              Save as PDF
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => downloadFile(name('.csv'), monthlyReportCsv(report))}>
            Download CSV
          </button>
        </div>
      </div>
      {report.members.length === 0 ? (
        <EmptyState title="No accounts in this period">
          <p>The report lists members who had an account at some time in the period; choose another period.</p>
        </EmptyState>
      ) : (
        <div className="statement-print-area">
          <ReportDocument report={report} pageSize={paper.pageSize} timeZone={localTimeZone()} />
        </div>
      )}
    </>
  );
}

/**
 * The committee's monthly report: pick a LETS and a period, preview the report as it will print, then print it,
 * save it as PDF (desktop app), or download its member table as CSV for a spreadsheet.
 */
export function MonthlyReportScreen() {
  const letsChoice = useLetsChoice();
  const [choice, setChoice] = useState<PeriodChoice>('last-month');
  const [custom, setCustom] = useState<DateRange>(() => monthRange(new Date(), 1));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const range = rangeFor(choice, custom, new Date());
  const instants = periodInstants(range);
  const letsId = letsChoice.lets?.id ?? null;

  return (
    <div className="statements-screen">
      <form className="toolbar statements-controls" aria-label="Report options" onSubmit={(e) => e.preventDefault()}>
        <LetsChooser choice={letsChoice} />
        <PeriodFields choice={choice} custom={custom} onChoice={setChoice} onCustom={setCustom} />
      </form>
      {!canSavePdf() && <p className="statements-hint">To keep a PDF, choose Print and then “Save as PDF” as the printer.</p>}
      {outcome && (
        <p className={outcome.tone === 'ok' ? 'statements-saved' : 'notice notice-error'} role={outcome.tone === 'ok' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {letsChoice.list.status === 'failed' && <ErrorNotice error={letsChoice.list.error} />}
      {letsChoice.list.status === 'ready' && letsId === null && (
        <EmptyState title="No LETS yet">
          <p>The report appears here once the app follows a LETS.</p>
        </EmptyState>
      )}
      {!instants && <p className="notice notice-error" role="alert">Choose a start date and an end date on or after it.</p>}
      {letsId !== null && instants && <ReportView letsId={letsId} instants={instants} range={range} onOutcome={setOutcome} />}
    </div>
  );
}
