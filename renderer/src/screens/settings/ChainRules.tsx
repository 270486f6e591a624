import type { LetsRules, RuleText } from '../../../../electron/core/api/calls/member-types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCall } from '../../hooks/use-call';

export function RuleList({ title, rules }: { title: string; rules: RuleText[] }) {
  return (
    <div>
      <h4>{title}</h4>
      <ul>
        {rules.map((r) => (
          <li key={r.rule}>
            <strong>{r.rule}:</strong> {r.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * PROTOCOL.md, "What the chain enforces versus the app", for one followed LETS and its model: the contracts refuse
 * any transaction that breaks the first list, whoever builds it; the second is kept only by this app or its people.
 */
export function ChainRules({ letsId }: { letsId: number }) {
  const { state } = useCall('lets.rules', {});
  if (state.status === 'loading') return <Loading what="the rules" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const rules = state.value.find((r) => r.letsId === letsId);
  return rules ? <RulesOf rules={rules} /> : null;
}

/** The two lists side by side: what the chain enforces, what only the app and its people keep. */
export function RulesOf({ rules }: { rules: Pick<LetsRules, 'enforcedByChain' | 'keptByApp'> }) {
  return (
    <div className="settings-rules">
      <RuleList title="Enforced by the chain" rules={rules.enforcedByChain} />
      <RuleList title="Kept by this app or its people, not by the chain" rules={rules.keptByApp} />
    </div>
  );
}
