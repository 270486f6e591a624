import type { MemberStatement, StatementLine } from '../../../../electron/core/api/calls/statement-types';
import { formatAmount, formatErg } from '../../../../electron/core/lets/amount';
import { QrCode } from '../../components/QrCode';
import type { PdfPageSize } from '../../api/pdf';
import { localDate, periodDates } from '../../../../electron/core/api/calls/statement-period';
import { networkName } from '../../../../electron/core/api/network-names';
import { formatTime } from '../format';
import { Fact, PaperFoot, PaperHead } from './PaperParts';

const money = (amount: bigint) => formatAmount(amount);
const blankIfZero = (amount: bigint) => (amount === 0n ? '' : formatAmount(amount));

function counterpartyText(line: StatementLine): string {
  if (line.kind === 'enrolment') return 'Joined the LETS';
  if (line.kind === 'closing') return 'Account closed';
  if (!line.counterparty) return '';
  return line.counterparty.name ?? `Member ${line.counterparty.key.slice(0, 10)}…`;
}

function TradeTable({ statement }: { statement: MemberStatement }) {
  const { unit } = statement.lets;
  return (
    <table className="statement-table">
      <caption className="visually-hidden">Trades of {statement.member.name} in this period</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Counterparty</th>
          <th scope="col">Description</th>
          <th scope="col">Transaction</th>
          <th scope="col" className="amount">In ({unit})</th>
          <th scope="col" className="amount">Out ({unit})</th>
          <th scope="col" className="amount">Balance</th>
        </tr>
      </thead>
      <tbody>
        <tr className="statement-carry">
          <td>{periodDates(statement.period).first}</td>
          <td colSpan={5}>Opening balance</td>
          <td className="amount">{money(statement.openingBalance)}</td>
        </tr>
        {statement.lines.length === 0 && (
          <tr>
            <td colSpan={7} className="statement-no-trades">No trades in this period.</td>
          </tr>
        )}
        {statement.lines.map((line) => (
          <tr key={line.transactionId}>
            <td>{localDate(new Date(line.date))}</td>
            <td>{counterpartyText(line)}</td>
            <td>{line.description}</td>
            <td className="statement-id">{line.transactionId.slice(0, 12)}</td>
            <td className="amount">{blankIfZero(line.amountIn)}</td>
            <td className="amount">{blankIfZero(line.amountOut)}</td>
            <td className="amount">{money(line.balanceAfter)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="statement-carry">
          <td>{periodDates(statement.period).last}</td>
          <td colSpan={3}>Closing balance (totals of the period)</td>
          <td className="amount">{money(statement.totalIn)}</td>
          <td className="amount">{money(statement.totalOut)}</td>
          <td className="amount">{money(statement.closingBalance)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function ChainReferences({ statement }: { statement: MemberStatement }) {
  const { chain, verification } = statement;
  return (
    <section className="statement-chain" aria-label="On-chain references">
      <h3>Check it on the chain</h3>
      <div className="statement-verify">
        {verification.qrContent && <QrCode text={verification.qrContent} label={`QR code to check ${statement.member.name}'s closing balance`} />}
        <div>
          {verification.claim && <p className="statement-claim">{verification.claim}</p>}
          {verification.url && <p className="statement-claim">{verification.url}</p>}
          <p>{verification.note}</p>
        </div>
      </div>
      <dl className="statement-refs">
        <Fact term="Network">{chain.network ? networkName(chain.network) : 'not connected'}</Fact>
        <Fact term="LETS id token">{statement.lets.tokenId}</Fact>
        {statement.lets.membershipTokenId && <Fact term="Membership token">{statement.lets.membershipTokenId}</Fact>}
        {chain.closingBox && (
          <Fact term="Closing balance box">
            {chain.closingBox.boxId}, created at height {chain.closingBox.height}
            {chain.closingBox.headerId && ` in block ${chain.closingBox.headerId}`}
          </Fact>
        )}
        <Fact term="Current account box">{chain.currentBoxId ?? 'none (no account on chain)'}</Fact>
        {chain.mirrorTip && (
          <Fact term="Read at block">
            {chain.mirrorTip.height} ({chain.mirrorTip.headerId})
          </Fact>
        )}
      </dl>
      {statement.lines.length > 0 && (
        <>
          <h4>Transactions of this period</h4>
          <ol className="statement-txids">
            {statement.lines.map((line) => (
              <li key={line.transactionId}>
                {localDate(new Date(line.date))} · height {line.height} · {line.transactionId}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** What is recorded but not signed yet, so not in the balances: who must still sign each, the member or another. */
function AwaitingSignature({ statement }: { statement: MemberStatement }) {
  if (statement.awaitingSignature.length === 0) return null;
  return (
    <section className="statement-awaiting" aria-label="Recorded, not signed yet">
      <h3>Recorded, not signed yet</h3>
      <p>Not in the balances above until they are signed and on chain.</p>
      <ul>
        {statement.awaitingSignature.map((item) => (
          <li key={item.transactionId}>
            {item.description}: {item.signedBy === statement.member.name ? 'waiting for your signature' : `waiting for ${item.signedBy} to sign`}
            {item.requestExpiresAt && ` (the signing request stands until ${formatTime(Date.parse(item.requestExpiresAt))})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One member's statement as a printable document: what the member reads (balances and trades) first, then what
 * lets anyone check it against the chain. The same component is the on-screen preview and the printed page.
 */
export function StatementDocument({ statement, pageSize, timeZone }: { statement: MemberStatement; pageSize: PdfPageSize; timeZone: string }) {
  const { lets, member, headroom } = statement;
  return (
    <article className="statement-document" data-page-size={pageSize} aria-label={`Statement for ${member.name}`}>
      <PaperHead lets={lets} network={statement.chain.network} title="Member statement" period={statement.period} />

      <dl className="statement-member">
        <Fact term="Member">{member.name}</Fact>
        <Fact term="Address">{member.ownerAddress ?? `key ${member.ownerKey}`}</Fact>
        {member.leftOn && <Fact term="Left the LETS">on {localDate(new Date(member.leftOn))}: the account is closed</Fact>}
      </dl>

      <dl className="statement-summary">
        <div>
          <dt>Opening balance</dt>
          <dd>{money(statement.openingBalance)}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{money(statement.totalIn)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{money(statement.totalOut)}</dd>
        </div>
        <div className="statement-summary-closing">
          <dt>Closing balance</dt>
          <dd>{money(statement.closingBalance)}</dd>
        </div>
      </dl>

      <TradeTable statement={statement} />
      <AwaitingSignature statement={statement} />

      {!member.leftOn && (
        <dl className="statement-limits">
          <Fact term="Credit floor" amount>
            {money(lets.creditFloor)}
          </Fact>
          <Fact term="Credit cap" amount>
            {lets.creditCap === null ? 'none' : money(lets.creditCap)}
          </Fact>
          <Fact term="Can still spend" amount>
            {money(headroom.toFloor)}
          </Fact>
          <Fact term="Can still receive" amount>
            {headroom.toCap === null ? 'no limit' : money(headroom.toCap)}
          </Fact>
          {statement.collateral && (
            <>
              <Fact term="Collateral locked" amount>
                {formatErg(statement.collateral.locked)}
              </Fact>
              <Fact term="Backs a debt of up to" amount>
                {money(statement.collateral.backsDebtOf)}
              </Fact>
              <Fact term="Collateral unlocks at block">{statement.collateral.unlockHeight}</Fact>
            </>
          )}
        </dl>
      )}

      <ChainReferences statement={statement} />

      <PaperFoot generatedAt={statement.generatedAt} timeZone={timeZone} unit={lets.unit} />
    </article>
  );
}
