import { useState } from 'react';
import type { MemberDetail } from '../../../electron/core/api/calls/member-types';
import type { LetsSummary } from '../../../electron/core/api/types';
import { asApiError, callApi, type ApiError } from '../api/client';
import { downloadFile } from '../components/download-file';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { LetsChooser, useLetsChoice } from '../components/LetsChooser';
import { Loading } from '../components/Loading';
import { LIVE_REFRESH_MS, useCall } from '../hooks/use-call';
import { MemberDetailView } from './members/MemberDetailView';
import { MemberDirectory, type SortOrder } from './members/MemberDirectory';
import { MemberImport } from './members/MemberImport';
import '../styles/members.css';

function OpenMember({ id, committeeSigner, onBack }: { id: number; committeeSigner: LetsSummary['committeeSigner']; onBack: () => void }) {
  const { state, reload } = useCall('members.get', { id });
  const [updated, setUpdated] = useState<MemberDetail | null>(null);
  if (state.status === 'loading') return <Loading what="the member" />;
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  const reloadFromChain = () => {
    setUpdated(null);
    reload();
  };
  return <MemberDetailView member={updated ?? state.value} committeeSigner={committeeSigner} onBack={onBack} onChanged={setUpdated} onReload={reloadFromChain} />;
}

export function Members() {
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<SortOrder>({ sort: 'name', direction: 'asc' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const choice = useLetsChoice();
  const letsId = choice.lets?.id ?? null;
  // Polled, so balances and new enrolments show as the chain confirms them.
  const { state, reload } = useCall('members.list', { search, letsId, ...order }, LIVE_REFRESH_MS);

  if (openId !== null) {
    return (
      <OpenMember
        id={openId}
        committeeSigner={choice.lets?.committeeSigner ?? null}
        onBack={() => {
          setOpenId(null);
          reload();
        }}
      />
    );
  }

  // Until the LETS are known, the directory would list the members of every LETS.
  if (choice.list.status === 'loading') return <Loading what="members" />;
  if (choice.list.status === 'failed') return <ErrorNotice error={choice.list.error} />;

  const exportCsv = () => {
    if (letsId === null) return;
    callApi('members.exportCsv', { letsId }).then(
      (file) => {
        setExportError(null);
        downloadFile(file.fileName, file.csv);
      },
      (e: unknown) => setExportError(asApiError(e)),
    );
  };

  return (
    <>
      <div className="toolbar">
        <LetsChooser choice={choice} />
        <label className="field">
          <span>Search members</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or contact" />
        </label>
        {letsId !== null && (
          <div className="toolbar-actions">
            <button type="button" className="button secondary" aria-expanded={importing} onClick={() => setImporting(!importing)}>
              Import CSV…
            </button>
            <button type="button" className="button secondary" onClick={exportCsv}>
              Export CSV
            </button>
          </div>
        )}
      </div>
      {exportError && <ErrorNotice error={exportError} />}
      {importing && letsId !== null && <MemberImport letsId={letsId} onImported={reload} />}
      {state.status === 'loading' && <Loading what="members" />}
      {state.status === 'failed' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && state.value.length === 0 && (
        <EmptyState title={search ? 'No member matches' : 'No members yet'}>
          <p>{search ? 'Try a shorter part of the name or contact.' : 'Members appear here once they are enrolled in your LETS or imported from a CSV file.'}</p>
        </EmptyState>
      )}
      {choice.lets?.model === 'trustless' && (
        <p className="notice">Members of {choice.lets.name} join and trade from their own wallets, each backing their debt with locked ERG; this app follows it read-only.</p>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <MemberDirectory members={state.value} order={order} onSort={setOrder} onOpen={setOpenId} withCollateral={choice.lets?.model === 'trustless'} />
      )}
    </>
  );
}
