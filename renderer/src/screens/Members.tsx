import { useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { formatAmount } from '../../../electron/core/lets/amount';
import { useCall } from '../hooks/use-call';

export function Members() {
  const [search, setSearch] = useState('');
  const { state } = useCall('members.list', { search });
  return (
    <>
      <div className="toolbar">
        <label className="field">
          <span>Search members</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or contact" />
        </label>
      </div>
      {state.status === 'loading' && <Loading what="members" />}
      {state.status === 'failed' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && state.value.length === 0 && (
        <EmptyState title={search ? 'No member matches' : 'No members yet'}>
          <p>{search ? 'Try a shorter part of the name or contact.' : 'Members appear here once they are enrolled in your LETS.'}</p>
        </EmptyState>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Contact</th>
              <th scope="col" className="amount">
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {state.value.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{member.contact}</td>
                <td className="amount">{member.balance === null ? 'not on chain yet' : formatAmount(member.balance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
