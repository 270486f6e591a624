import { useState } from 'react';
import type { LetsSummary } from '../../../electron/core/api/types';
import { useCall, type CallState } from '../hooks/use-call';

// The LETS last chosen on any screen, so moving from Members to Statements keeps showing the same community.
let remembered: number | null = null;

/** The LETS a treasurer runs (committee) comes before those the app only follows, when nothing was chosen yet. */
function defaultLets(list: readonly LetsSummary[]): LetsSummary | undefined {
  return list.find((l) => l.model === 'committee') ?? list[0];
}

export interface LetsChoice {
  list: CallState<LetsSummary[]>;
  /** The LETS the screen shows; undefined while loading or when none is followed. */
  lets: LetsSummary | undefined;
  choose(id: number): void;
}

/** Which followed LETS a screen shows; `only` narrows the choice (e.g. enrolment: committee LETS only). */
export function useLetsChoice(only?: (lets: LetsSummary) => boolean): LetsChoice {
  const { state } = useCall('lets.list', {});
  const [chosen, setChosen] = useState<number | null>(remembered);
  const list: CallState<LetsSummary[]> = state.status === 'ready' && only ? { status: 'ready', value: state.value.filter(only) } : state;
  const value = list.status === 'ready' ? list.value : [];
  const lets = value.find((l) => l.id === chosen) ?? defaultLets(value);
  const choose = (id: number) => {
    remembered = id;
    setChosen(id);
  };
  return { list, lets, choose };
}

/** Why the app records no trades or enrolments for a trustless LETS (PROTOCOL.md, model 2). */
export const TRUSTLESS_READ_ONLY = 'Members of a trustless LETS trade from their own wallets; this app follows it read-only.';

export const modelLabel = (lets: Pick<LetsSummary, 'model'>) => (lets.model === 'trustless' ? 'trustless, followed read-only' : 'committee');

/** A select of the followed LETS, shown only when there is more than one to choose from. */
export function LetsChooser({ choice }: { choice: LetsChoice }) {
  const { list, lets, choose } = choice;
  if (list.status !== 'ready' || list.value.length < 2) return null;
  return (
    <label className="field">
      <span>LETS</span>
      <select value={lets?.id ?? ''} onChange={(e) => choose(Number(e.target.value))}>
        {list.value.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name} ({modelLabel(l)})
          </option>
        ))}
      </select>
    </label>
  );
}
