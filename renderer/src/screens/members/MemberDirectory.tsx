import type { MemberSort, SortDirection } from '../../../../electron/core/api/calls/member-types';
import type { MemberSummary } from '../../../../electron/core/api/types';
import { formatAmount, formatErg } from '../../../../electron/core/lets/amount';
import { formatDate } from '../format';
import { memberLabels } from '../../../../electron/core/members/member-names';

export interface SortOrder {
  sort: MemberSort;
  direction: SortDirection;
}

const COLUMNS: { sort: MemberSort; label: string; numeric?: boolean }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'balance', label: 'Balance', numeric: true },
  { sort: 'lastTrade', label: 'Last trade' },
];

export function balanceText(member: Pick<MemberSummary, 'state' | 'balance' | 'leftAt'>): string {
  if (member.balance !== null) return formatAmount(member.balance);
  return member.leftAt === null ? 'not enrolled' : `left on ${formatDate(member.leftAt)}`;
}

function SortHeader({ column, order, onSort }: { column: (typeof COLUMNS)[number]; order: SortOrder; onSort: (order: SortOrder) => void }) {
  const active = order.sort === column.sort;
  const next: SortOrder = { sort: column.sort, direction: active && order.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <th scope="col" className={column.numeric ? 'amount' : undefined} aria-sort={active ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {column.label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (order.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

const UNNAMED_HINT_ID = 'unnamed-members-hint';

/** The member table: sortable headers (buttons, so Tab and Enter work), each name opens the member. */
export function MemberDirectory(props: { members: MemberSummary[]; order: SortOrder; onSort: (order: SortOrder) => void; onOpen: (id: number) => void; withCollateral?: boolean }) {
  const { members, order, onSort, onOpen, withCollateral = false } = props;
  const [name, balance, lastTrade] = COLUMNS as [(typeof COLUMNS)[number], (typeof COLUMNS)[number], (typeof COLUMNS)[number]];
  const firstUnnamed = members.find((member) => !member.named);
  const labels = memberLabels(members);
  return (
    <>
      {firstUnnamed && (
        <p id={UNNAMED_HINT_ID} className="unnamed-hint">
          Names such as “{firstUnnamed.name}” stand for accounts on chain that have no name on this computer yet: open one to give it a name. Names are kept only on this computer.
        </p>
      )}
      <table className="data-table member-table">
        <caption className="visually-hidden">Members, sorted by {COLUMNS.find((c) => c.sort === order.sort)?.label.toLowerCase()}</caption>
        <thead>
          <tr>
            <SortHeader column={name} order={order} onSort={onSort} />
            <th scope="col">Contact</th>
            <SortHeader column={balance} order={order} onSort={onSort} />
            <SortHeader column={lastTrade} order={order} onSort={onSort} />
            {withCollateral && (
              <>
                <th scope="col" className="amount">
                  Collateral
                </th>
                <th scope="col">Unlocks at block</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className={member.state === 'enrolled' ? undefined : 'not-on-chain'}>
              <td className={member.named ? undefined : 'unnamed'}>
                <button type="button" className="link-button" onClick={() => onOpen(member.id)} aria-describedby={member.named ? undefined : UNNAMED_HINT_ID}>
                  {labels.get(member.id)}
                </button>
              </td>
              <td>{member.contact}</td>
              <td className="amount">{balanceText(member)}</td>
              <td>{member.lastTradeAt === null ? '—' : formatDate(member.lastTradeAt)}</td>
              {withCollateral && (
                <>
                  <td className="amount">{member.collateral ? formatErg(member.collateral.locked) : '—'}</td>
                  <td>{member.collateral ? member.collateral.unlockHeight : '—'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
