import type { DateRange, PeriodChoice } from '../../../electron/core/api/calls/statement-period';

/** The period a paper covers: this month, last month, or two dates (both inclusive) in the treasurer's calendar. */
export function PeriodFields({ choice, custom, onChoice, onCustom }: { choice: PeriodChoice; custom: DateRange; onChoice(c: PeriodChoice): void; onCustom(r: DateRange): void }) {
  return (
    <>
      <label className="field">
        <span>Period</span>
        <select value={choice} onChange={(e) => onChoice(e.target.value as PeriodChoice)}>
          <option value="this-month">This month</option>
          <option value="last-month">Last month</option>
          <option value="custom">Custom dates</option>
        </select>
      </label>
      {choice === 'custom' && (
        <>
          <label className="field">
            <span>From</span>
            <input type="date" value={custom.first} onChange={(e) => onCustom({ ...custom, first: e.target.value })} />
          </label>
          <label className="field">
            <span>To (inclusive)</span>
            <input type="date" value={custom.last} onChange={(e) => onCustom({ ...custom, last: e.target.value })} />
          </label>
        </>
      )}
    </>
  );
}
