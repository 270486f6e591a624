import type { LetsParametersView } from '../../../../electron/core/api/calls/settings-types';
import { formatAmount } from '../../../../electron/core/lets/amount';
import { ChainRules } from './ChainRules';

export function LetsParameters({ lets }: { lets: LetsParametersView[] }) {
  return (
    <section className="card settings-section" aria-labelledby="settings-lets">
      <h2 id="settings-lets">LETS parameters</h2>
      {lets.length === 0 && <p className="settings-explain">This computer follows no LETS yet.</p>}
      {lets.map((one) => (
        <article key={one.id} className="settings-lets" aria-labelledby={`lets-${one.id}`}>
          <h3 id={`lets-${one.id}`}>{one.name}</h3>
          <dl className="facts">
            <dt>Unit</dt>
            <dd>{one.unit}</dd>
            <dt>Credit floor</dt>
            <dd className="amount-text">{formatAmount(one.creditFloor)}</dd>
            <dt>Credit cap</dt>
            <dd className="amount-text">{one.creditCap === null ? 'none' : formatAmount(one.creditCap)}</dd>
            <dt>Model</dt>
            <dd>{one.model === 'committee' ? 'Committee LETS' : 'Trustless LETS'}</dd>
            <dt>Source</dt>
            <dd>{one.readFromChain ? 'Read from the chain' : 'Recorded on this computer; not yet seen on chain'}</dd>
          </dl>
          {one.chainWarning && (
            <div className="notice settings-warning" role="alert">
              <p className="notice-title">The chain’s parameters differ from what this computer had recorded.</p>
              <p className="notice-hint">{one.chainWarning}</p>
            </div>
          )}
          <ChainRules letsId={one.id} />
        </article>
      ))}
    </section>
  );
}
