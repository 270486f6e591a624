import type { BoxReading, DeviceScreen, TransactionReading as Reading } from '../../../electron/core/api/calls/review-types';
import { formatAmount, formatErg } from '../../../electron/core/lets/amount';

const balance = (value: bigint | null, none: string) => (value === null ? none : formatAmount(value));

/** A contract's pay-to-script address holds its whole script: shortened on screen, whole in its tooltip. */
const LONG_ADDRESS = 60;
const shortAddress = (address: string) => (address.length > LONG_ADDRESS ? `${address.slice(0, 14)}…${address.slice(-8)}` : address);

function Boxes({ title, boxes }: { title: string; boxes: BoxReading[] }) {
  return (
    <table className="data-table tx-boxes">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Address</th>
          <th scope="col" className="amount">ERG</th>
        </tr>
      </thead>
      <tbody>
        {boxes.map((box) => (
          <tr key={box.index} className={box.explained ? undefined : 'tx-unexplained'}>
            <td>{box.what}</td>
            <td className="path" title={box.address}>
              {shortAddress(box.address)}
            </td>
            <td className="amount">{formatErg(box.nanoErgs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What a transaction does, as the core read it from the transaction itself (review/read-transaction.ts): the words are
 * the same whether it was prepared here, filed earlier, or signed elsewhere, and whatever the reader cannot explain is
 * shown first, as a warning.
 */
export function TransactionReading({ reading, memo }: { reading: Reading; memo: string }) {
  return (
    <div className="tx-reading">
      {reading.warnings.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">The app cannot fully explain this transaction. Do not sign it unless you know why:</p>
          <ul>
            {reading.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="tx-headline">{reading.headline}</p>
      {memo && <p className="form-note">Note kept on this computer (not on chain): {memo}</p>}
      {reading.accounts.length > 0 && (
        <table className="data-table tx-balances">
          <caption className="visually-hidden">Balances before and after</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col" className="amount">Before</th>
              <th scope="col" className="amount">After</th>
            </tr>
          </thead>
          <tbody>
            {reading.accounts.map((a) => (
              <tr key={a.ownerKey}>
                <td>{a.name ?? `Not in the member list (${a.ownerKey.slice(0, 8)}…)`}</td>
                <td className="amount">{balance(a.before, 'new account')}</td>
                <td className="amount">{balance(a.after, 'account closed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="facts">
        {reading.lets && (
          <>
            <dt>LETS</dt>
            <dd>{reading.lets.name}</dd>
          </>
        )}
        {reading.committee && reading.committee.before !== reading.committee.after && (
          <>
            <dt>Committee key</dt>
            <dd className="path">
              {reading.committee.before} → {reading.committee.after}
            </dd>
          </>
        )}
        {reading.pool && (
          <>
            <dt>Memberships left in the pool</dt>
            <dd>
              {String(reading.pool.before)} → {String(reading.pool.after)}
            </dd>
          </>
        )}
        <dt>Network fee</dt>
        <dd>{formatErg(reading.fee)}</dd>
      </dl>
      <details className="tx-details">
        <summary>Every box it spends and creates</summary>
        <Boxes title="Spends" boxes={reading.inputs} />
        <Boxes title="Creates" boxes={reading.outputs} />
      </details>
    </div>
  );
}

/** The Ledger's own review, screen by screen in its order, to compare with the device line by line. */
export function DeviceScreens({ screens, reviews }: { screens: DeviceScreen[]; reviews: number }) {
  return (
    <details className="tx-details">
      <summary>What your Ledger will show{reviews > 1 ? ` (${reviews} times, once per signing key)` : ''}</summary>
      <ol className="device-screens" aria-label="Ledger screens">
        {screens.map((s, i) => (
          <li key={i}>
            <span className="device-label">{s.label}</span> <span className="path">{s.value}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
