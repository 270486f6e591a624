import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import { TransactionReview } from '../../components/TransactionReview';
import '../../styles/transactions.css';

/**
 * The counter-trade that corrects a mistaken one, for the original payee to sign (their wallet, a file, or a key of
 * this computer): the review says who pays whom back and which trade it reverses.
 */
export function ReverseTrade({ prepared, onClose }: { prepared: PreparedTransaction; onClose: () => void }) {
  return (
    <section className="card" aria-labelledby="reverse-title">
      <h3 id="reverse-title">Reverse a trade</h3>
      <p>
        Trades are never edited: the payee pays the same amount back, and the ledger and both statements show the two linked. {prepared.signedBy}{' '}
        signs.
      </p>
      <TransactionReview prepared={prepared} onClose={onClose} />
    </section>
  );
}
