import { useState } from 'react';
import type { TradeFilter } from '../../../../electron/core/api/calls/ledger-types';
import type { MemberSummary } from '../../../../electron/core/api/types';
import { parseAmount } from '../../../../electron/core/lets/amount';
import { memberLabels } from '../../../../electron/core/members/member-names';

export interface FilterForm {
  memberId: string;
  from: string;
  to: string;
  minAmount: string;
  maxAmount: string;
}

export const NO_FILTER: FilterForm = { memberId: '', from: '', to: '', minAmount: '', maxAmount: '' };

/** Local calendar days from the date inputs, as instants: the "to" day is included up to its end. */
function dayStart(date: string): number | undefined {
  return date === '' ? undefined : new Date(`${date}T00:00:00`).getTime();
}

/** The filter the core takes, or the first thing the treasurer must correct. */
export function toTradeFilter(letsId: number, form: FilterForm): TradeFilter | string {
  const minAmount = form.minAmount === '' ? undefined : parseAmount(form.minAmount);
  const maxAmount = form.maxAmount === '' ? undefined : parseAmount(form.maxAmount);
  if (minAmount === undefined && form.minAmount !== '') return 'The smallest amount is not an amount (for example 2.50).';
  if (maxAmount === undefined && form.maxAmount !== '') return 'The largest amount is not an amount (for example 2.50).';
  if ((minAmount ?? 0n) < 0n || (maxAmount ?? 0n) < 0n) return 'Amounts in a filter are zero or more.';
  const fromTime = dayStart(form.from);
  const endDay = dayStart(form.to);
  const toTime = endDay === undefined ? undefined : endDay + 24 * 60 * 60 * 1000;
  if (fromTime !== undefined && toTime !== undefined && toTime <= fromTime) return 'The end date must be on or after the start date.';
  return {
    letsId,
    ...(form.memberId === '' ? {} : { memberId: Number(form.memberId) }),
    ...(fromTime === undefined ? {} : { fromTime }),
    ...(toTime === undefined ? {} : { toTime }),
    ...(minAmount === undefined ? {} : { minAmount }),
    ...(maxAmount === undefined ? {} : { maxAmount }),
  };
}

/** The filter bar: applied when the treasurer presses Filter (or Enter), so typing does not reload 100 000 rows. */
export function TradeFilters({ members, onApply }: { members: MemberSummary[]; onApply: (form: FilterForm) => void }) {
  const labels = memberLabels(members);
  const [form, setForm] = useState<FilterForm>(NO_FILTER);
  const set = (field: keyof FilterForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  return (
    <form
      className="filter-bar"
      aria-label="Filter trades"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(form);
      }}
    >
      <label className="field">
        Member
        <select value={form.memberId} onChange={set('memberId')}>
          <option value="">All members</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {labels.get(m.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        From
        <input type="date" value={form.from} onChange={set('from')} />
      </label>
      <label className="field">
        To
        <input type="date" value={form.to} onChange={set('to')} />
      </label>
      <label className="field">
        Amount at least
        <input inputMode="decimal" value={form.minAmount} onChange={set('minAmount')} />
      </label>
      <label className="field">
        Amount at most
        <input inputMode="decimal" value={form.maxAmount} onChange={set('maxAmount')} />
      </label>
      <button type="submit" className="button secondary">
        Filter
      </button>
    </form>
  );
}
