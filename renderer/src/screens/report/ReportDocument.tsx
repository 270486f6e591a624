import type { ReactNode } from 'react';
import type { MonthlyReport, ReportMemberRow } from '../../../../electron/core/api/calls/report-types';
import { localDate, periodDates } from '../../../../electron/core/api/calls/statement-period';
import { networkName } from '../../../../electron/core/api/network-names';
import { formatAmount } from '../../../../electron/core/lets/amount';
import { memberLabels } from '../../../../electron/core/members/member-names';
import type { PdfPageSize } from '../../api/pdf';
import { Fact, PaperFoot, PaperHead } from '../statements/PaperParts';

const money = (amount: bigint) => formatAmount(amount);
const day = (iso: string) => localDate(new Date(iso));

/** Names as the report prints them: a member without a profile here by the start of their key; two of one name told apart. */
function labelsOf(members: readonly ReportMemberRow[]): (row: ReportMemberRow) => string {
  const indexed = members.map((m, id) => ({ id, name: m.name ?? `Member ${m.ownerKey.slice(0, 10)}…`, address: m.address, ownerKey: m.ownerKey }));
  const labels = memberLabels(indexed);
  const index = new Map(members.map((m, i) => [m, i]));
  return (row) => labels.get(index.get(row) ?? -1) ?? row.ownerKey;
}

function Figure({ term, children, strong = false }: { term: string; children: ReactNode; strong?: boolean }) {
  return (
    <div className={strong ? 'statement-summary-closing' : undefined}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One list of members the committee looks at (joined, left, near a limit, no trade), "none" when empty. */
function MemberList({ title, rows, detail, label }: { title: string; rows: readonly ReportMemberRow[]; detail(row: ReportMemberRow): string; label(row: ReportMemberRow): string }) {
  return (
    <section className="report-list" aria-label={title}>
      <h3>
        {title} ({rows.length})
      </h3>
      {rows.length === 0 ? (
        <p className="statement-no-trades">None.</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.ownerKey}>
              {label(row)}
              {detail(row) && <span className="report-detail"> · {detail(row)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MemberTable({ report, label }: { report: MonthlyReport; label(row: ReportMemberRow): string }) {
  const { unit } = report.lets;
  const dates = periodDates(report.period);
  return (
    <table className="statement-table report-table">
      <caption className="visually-hidden">Every member’s month</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col" className="amount">Opening ({unit})</th>
          <th scope="col" className="amount">Received</th>
          <th scope="col" className="amount">Paid</th>
          <th scope="col" className="amount">Closing ({unit})</th>
          <th scope="col" className="amount">Trades</th>
          <th scope="col">Account box @ height, {dates.last}</th>
        </tr>
      </thead>
      <tbody>
        {report.members.map((row) => (
          <tr key={row.ownerKey}>
            <th scope="row">{label(row)}</th>
            <td className="amount">{money(row.openingBalance)}</td>
            <td className="amount">{money(row.turnoverIn)}</td>
            <td className="amount">{money(row.turnoverOut)}</td>
            <td className="amount">{money(row.closingBalance)}</td>
            <td className="amount">{row.trades}</td>
            <td className="statement-id">{row.closingBox ? `${row.closingBox.boxId.slice(0, 16)} @ ${row.closingBox.height}` : 'closed'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="statement-carry">
          <th scope="row">Total ({report.members.length})</th>
          <td className="amount">{money(report.totals.openingBalance)}</td>
          <td className="amount">{money(report.totals.turnover)}</td>
          <td className="amount">{money(report.totals.turnover)}</td>
          <td className="amount">{money(report.totals.closingBalance)}</td>
          <td className="amount">{report.totals.trades}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * The committee's report for one period as a printable document: the month in a few figures, the members to look
 * at, every member's balances, and how each closing balance can be checked on the chain. The same component is the
 * on-screen preview and the printed page.
 */
export function ReportDocument({ report, pageSize, timeZone }: { report: MonthlyReport; pageSize: PdfPageSize; timeZone: string }) {
  const { lets, totals, trialBalance, chain } = report;
  const label = labelsOf(report.members);
  const joined = report.members.filter((m) => m.joinedAt !== null);
  const left = report.members.filter((m) => m.leftAt !== null);
  const nearLimit = report.members.filter((m) => m.nearLimit !== null);
  const inactive = report.members.filter((m) => m.trades === 0);
  return (
    <article className="statement-document report-document" data-page-size={pageSize} aria-label={`Committee report of ${lets.name}`}>
      <PaperHead lets={lets} network={chain.network} title="Committee report" period={report.period} />

      <dl className="statement-summary report-summary">
        <Figure term="Open accounts">
          {totals.accountsAtOpening} → {totals.accountsAtClosing}
        </Figure>
        <Figure term="Trades">{totals.trades}</Figure>
        <Figure term={`Turnover (${lets.unit})`}>{money(totals.turnover)}</Figure>
        <Figure term="Credit issued">
          {money(totals.creditIssuedAtOpening)} → {money(totals.creditIssuedAtClosing)}
        </Figure>
        <Figure term="Trial balance (Σ closing)" strong>
          {money(trialBalance.sum)} {trialBalance.balanced ? '✓' : '✗'}
        </Figure>
      </dl>
      {trialBalance.balanced ? (
        <p className="report-note">Every trade moves value from one member to another, so the balances add up to zero.</p>
      ) : (
        <p className="notice notice-error report-alarm" role="alert">
          The balances add up to {money(trialBalance.sum)}, not zero: the local copy of the ledger is wrong. Do not hand this report out; in Settings, choose
          “Read the ledger again from the chain”.
        </p>
      )}

      <div className="report-lists">
        <MemberList title="Joined" rows={joined} label={label} detail={(m) => day(m.joinedAt as string)} />
        <MemberList title="Left" rows={left} label={label} detail={(m) => day(m.leftAt as string)} />
        <MemberList
          title="At or near a limit"
          rows={nearLimit}
          label={label}
          detail={(m) => `${money(m.closingBalance)}, near the ${m.nearLimit === 'floor' ? `floor (${money(lets.creditFloor)})` : `cap (${money(lets.creditCap ?? 0n)})`}`}
        />
        <MemberList title="No trade in the period" rows={inactive} label={label} detail={() => ''} />
      </div>
      <p className="report-note">{report.nearLimitRule}</p>

      <MemberTable report={report} label={label} />

      <section className="statement-chain" aria-label="On-chain references">
        <h3>Check it on the chain</h3>
        <p>
          Each member’s closing balance is register R5 of the account box listed beside it, as on their statement for the same period; the CSV file holds the full box ids. Received and paid
          count the trades of the period; the figures agree with the member statements.
        </p>
        <dl className="statement-refs">
          <Fact term="Network">{chain.network ? networkName(chain.network) : 'not connected'}</Fact>
          {lets.membershipTokenId && <Fact term="Membership token">{lets.membershipTokenId}</Fact>}
          {chain.mirrorTip && (
            <Fact term="Read at block">
              {chain.mirrorTip.height} ({chain.mirrorTip.headerId})
            </Fact>
          )}
        </dl>
      </section>

      <PaperFoot generatedAt={report.generatedAt} timeZone={timeZone} unit={lets.unit} />
    </article>
  );
}
