import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { downloadFile } from '../../components/download-file';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LetsChooser, TRUSTLESS_READ_ONLY, useLetsChoice } from '../../components/LetsChooser';
import { Loading } from '../../components/Loading';
import { alsoDiscardedText, TransactionReview } from '../../components/TransactionReview';
import { useCall } from '../../hooks/use-call';
import { OutboxList } from './OutboxList';
import { RecordTrade } from './RecordTrade';
import { NO_FILTER, toTradeFilter, TradeFilters, type FilterForm } from './TradeFilters';
import { TradeTable } from './TradeTable';
import '../../styles/ledger.css';

type Panel = { kind: 'none' } | { kind: 'record' } | { kind: 'review'; prepared: PreparedTransaction };

/** Bookkeeping: record a trade, every trade of the LETS (filtered, exportable), and the outbox. */
export function LedgerScreen() {
  const choice = useLetsChoice();
  const letsList = choice.list;
  const { lets } = choice;
  const members = useCall('members.list', { letsId: lets?.id ?? null }).state;
  const [form, setForm] = useState<FilterForm>(NO_FILTER);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [refreshKey, setRefreshKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  /** Cancelled from the panel: what else was discarded with it (nothing, for a trade). */
  const [cancelled, setCancelled] = useState<string[] | null>(null);
  // What opened the panel gets the focus back when it closes (the Record button when that is gone).
  const opener = useRef<HTMLElement | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const panelOpen = panel.kind !== 'none';
  const wasOpen = useRef(false);
  useEffect(() => {
    if (panelOpen || !wasOpen.current) {
      wasOpen.current = panelOpen;
      return;
    }
    wasOpen.current = false;
    const back = opener.current?.isConnected ? opener.current : recordButton.current;
    back?.focus();
    opener.current = null;
  }, [panelOpen]);

  if (letsList.status === 'loading') return <Loading what="the ledger" />;
  if (letsList.status === 'failed') return <ErrorNotice error={letsList.error} />;
  if (!lets) {
    return (
      <EmptyState title="No LETS followed yet">
        <p>Once the app follows a LETS on chain, its trades are listed here.</p>
      </EmptyState>
    );
  }

  const filter = toTradeFilter(lets.id, form);
  const refresh = () => setRefreshKey((k) => k + 1);
  const exportCsv = () => {
    if (typeof filter === 'string') return;
    callApi('ledger.exportCsv', filter).then(
      (file) => downloadFile(file.fileName, file.csv),
      (e: unknown) => setError(asApiError(e)),
    );
  };
  const openPanel = (next: Panel) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setCancelled(null);
    setPanel(next);
  };
  const closePanel = () => {
    setPanel({ kind: 'none' });
    refresh();
  };
  // Cancelled: nothing to close twice, the screen is ready for the next trade.
  const cancelPanel = (also: string[]) => {
    closePanel();
    setCancelled(also);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    closePanel();
  };

  return (
    <div className="ledger-screen">
      <div className="toolbar">
        <LetsChooser choice={choice} />
        {lets.model === 'committee' && (
          <button ref={recordButton} type="button" className="button" onClick={() => openPanel({ kind: 'record' })} disabled={panel.kind !== 'none'}>
            Record a trade
          </button>
        )}
        <button type="button" className="button secondary" onClick={exportCsv} disabled={typeof filter === 'string'}>
          Export CSV
        </button>
      </div>
      {lets.model === 'trustless' && <p className="notice">{TRUSTLESS_READ_ONLY}</p>}
      {cancelled && (
        <p className="notice" role="status">
          Cancelled. Nothing was signed or sent.{alsoDiscardedText(cancelled)}
        </p>
      )}
      {panelOpen && (
        // Escape closes the form or review wherever the focus is inside it; the outbox keeps what was built.
        <div onKeyDown={closeOnEscape}>
          {panel.kind === 'record' && <RecordTrade lets={lets} onClose={closePanel} onCancelled={cancelPanel} onConfirmed={refresh} />}
          {panel.kind === 'review' && <TransactionReview prepared={panel.prepared} onFinished={refresh} onClose={closePanel} onCancelled={cancelPanel} />}
        </div>
      )}
      {error && <ErrorNotice error={error} />}

      <OutboxList
        refreshKey={refreshKey}
        onReview={(entry) =>
          callApi('outbox.review', { transactionId: entry.transactionId }).then(
            (prepared) => openPanel({ kind: 'review', prepared }),
            (e: unknown) => setError(asApiError(e)),
          )
        }
      />

      <section aria-labelledby="trades-title" className="trades">
        <h2 id="trades-title">Trades in {lets.name}</h2>
        <TradeFilters members={members.status === 'ready' ? members.value : []} onApply={setForm} />
        {typeof filter === 'string' ? (
          <p className="notice notice-error" role="alert">
            {filter}
          </p>
        ) : (
          <TradeTable key={`${JSON.stringify(form)}#${refreshKey}`} filter={filter} />
        )}
      </section>
    </div>
  );
}
