import { useState } from 'react';
import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import type { MemberDetail } from '../../../../electron/core/api/calls/member-types';
import type { LetsSummary } from '../../../../electron/core/api/types';
import { callApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useBusyWork } from '../../hooks/use-busy-work';
import { TransactionReview } from '../../components/TransactionReview';
import '../../styles/transactions.css';

/**
 * A member leaving a committee LETS: the committee closes their account at 0.00 and the membership token returns to
 * the pool. Until the balance is settled the section says how much, and with whom; the history stays either way.
 */
export function CloseAccount(props: { member: MemberDetail; committeeSigner: LetsSummary['committeeSigner']; onReviewClosed: () => void }) {
  const { member, committeeSigner, onReviewClosed } = props;
  const [prepared, setPrepared] = useState<PreparedTransaction | null>(null);
  const { busy, error, run } = useBusyWork();
  const refusal = member.closingRefusal;
  const prepare = () => run(() => callApi('closing.prepare', { letsId: member.letsId, memberId: member.id }), setPrepared);

  return (
    <section className="card close-account" aria-labelledby="leaving-title">
      <h3 id="leaving-title">Leaving the LETS</h3>
      {prepared ? (
        <TransactionReview
          prepared={prepared}
          onClose={() => {
            setPrepared(null);
            onReviewClosed();
          }}
        />
      ) : refusal ? (
        <p className="notice" role="note">
          {refusal.message} {refusal.hint}
        </p>
      ) : committeeSigner === null ? (
        <p className="read-only">
          {member.name}’s balance is 0.00, so the account can be closed, but only with the committee key, which no signer of this computer is known to
          hold. On the dashboard, look for the key on your Ledger.
        </p>
      ) : (
        <>
          <p>
            {member.name}’s balance is 0.00. Closing the account returns the membership token to the pool; {member.name}’s history stays in the ledger
            and on statements, marked with the day they left. The committee signs.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={prepare} disabled={busy}>
              {busy ? 'Preparing…' : `Close ${member.name}’s account…`}
            </button>
          </div>
        </>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
