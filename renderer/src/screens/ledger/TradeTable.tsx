import { useCallback, useEffect, useRef, useState } from 'react';
import type { TradeFilter, TradeRow } from '../../../../electron/core/api/calls/ledger-types';
import { formatAmount } from '../../../../electron/core/lets/amount';
import { asApiError, callApi, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate, shortId } from '../format';

const PAGE = 200;
/** Every row has this height (ledger.css), so the rows in view follow from the scroll position alone. */
const ROW_HEIGHT = 36;
const VIEW_HEIGHT = 420;
const OVERSCAN = 10;

/** Confirmations in words: a trade is final for the treasurer once the chain has buried it a little. */
function confirmationText(confirmations: number): string {
  return confirmations >= 10 ? 'confirmed' : `${confirmations} confirmation${confirmations === 1 ? '' : 's'}`;
}

/**
 * Every trade matching the filter, newest first. Only the rows in view (plus a few) are in the document, and rows
 * are fetched a page at a time as they scroll into view, so 100 000 trades scroll as smoothly as 10. The parent
 * gives it a new key for a new filter, which starts it afresh.
 */
export function TradeTable({ filter }: { filter: TradeFilter }) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, TradeRow[]>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const requested = useRef(new Set<number>());

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      callApi('ledger.trades', { ...filter, offset: page * PAGE, limit: PAGE }).then(
        (result) => {
          setPages((loaded) => new Map(loaded).set(page, result.rows));
          setTotal(result.total);
        },
        (e: unknown) => {
          requested.current.delete(page);
          setError(asApiError(e));
        },
      );
    },
    [filter],
  );

  const count = total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (total === null) loadPage(0);
    else if (last > first) for (let page = Math.floor(first / PAGE); page <= Math.floor((last - 1) / PAGE); page++) loadPage(page);
  }, [total, first, last, loadPage]);

  if (error) return <ErrorNotice error={error} />;
  if (total === 0) return <p className="empty-note">No trades match these filters.</p>;

  return (
    <div className="trade-table">
    <div role="table" aria-label="Trades, newest first" aria-rowcount={(total ?? 0) + 1}>
      <div role="rowgroup">
      <div className="trade-row trade-head" role="row" aria-rowindex={1}>
        <span role="columnheader">Date</span>
        <span role="columnheader">Payer</span>
        <span role="columnheader">Payee</span>
        <span role="columnheader" className="amount">Amount</span>
        <span role="columnheader">What for</span>
        <span role="columnheader" className="amount">Payer after</span>
        <span role="columnheader" className="amount">Payee after</span>
        <span role="columnheader">Transaction</span>
      </div>
      </div>
      <div className="trade-scroller" role="rowgroup" tabIndex={0} aria-label="Trade list; scroll for more" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="trade-canvas" role="presentation" style={{ height: count * ROW_HEIGHT }}>
          {Array.from({ length: last - first }, (_, i) => first + i).map((index) => {
            const row = pages.get(Math.floor(index / PAGE))?.[index % PAGE];
            return (
              <div key={index} className="trade-row" role="row" aria-rowindex={index + 2} style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}>
                {row ? (
                  <>
                    <span role="cell">{formatDate(row.timestamp)}</span>
                    <span role="cell">{row.payer}</span>
                    <span role="cell">{row.payee}</span>
                    <span role="cell" className="amount">{formatAmount(row.amount)}</span>
                    <span role="cell">{row.memo}</span>
                    <span role="cell" className="amount">{formatAmount(row.payerBalanceAfter)}</span>
                    <span role="cell" className="amount">{formatAmount(row.payeeBalanceAfter)}</span>
                    <span role="cell" className="path" title={`${row.transactionId} · height ${row.height} · ${confirmationText(row.confirmations)}`}>
                      {shortId(row.transactionId)}
                    </span>
                  </>
                ) : (
                  <span role="cell" className="loading">Loading…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
      <p className="table-count" role="status">{total === null ? 'Loading trades…' : `${total.toLocaleString()} trade${total === 1 ? '' : 's'}`}</p>
    </div>
  );
}
