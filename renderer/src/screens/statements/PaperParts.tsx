import type { ReactNode } from 'react';
import type { StatementNetwork } from '../../../../electron/core/api/calls/statement-types';
import { localDate, periodDates } from '../../../../electron/core/api/calls/statement-period';
import { networkName } from '../../../../electron/core/api/network-names';

/* What every printed paper shares (member statements, the committee's report): its head, its foot, its facts. */

export function Fact({ term, children, amount = false }: { term: string; children: ReactNode; amount?: boolean }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={amount ? 'amount' : undefined}>{children}</dd>
    </>
  );
}

/** The LETS, its unit and chain on the left; what the paper is and its period on the right. */
export function PaperHead({ lets, network, title, period }: { lets: { name: string; unit: string }; network: StatementNetwork | null; title: string; period: { from: string; to: string } }) {
  const dates = periodDates(period);
  return (
    <header className="statement-head">
      <div>
        <p className="statement-org">{lets.name}</p>
        <p>Unit: {lets.unit}</p>
        {network && <p className="statement-network">Ledger kept on {networkName(network)}</p>}
      </div>
      <div className="statement-title">
        <h2>{title}</h2>
        <p>
          {dates.first} to {dates.last}
        </p>
      </div>
    </header>
  );
}

export function PaperFoot({ generatedAt, timeZone, unit }: { generatedAt: string; timeZone: string; unit: string }) {
  return (
    <footer className="statement-foot">
      Generated {localDate(new Date(generatedAt))} by LETS Treasurer. Dates are calendar days in the time zone {timeZone}; amounts in {unit}.
    </footer>
  );
}
