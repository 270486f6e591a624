import { EmptyState } from '../components/EmptyState';

export function Ledger() {
  return (
    <EmptyState title="No trades yet">
      <p>Every trade between members will be listed here, newest first, with running balances.</p>
    </EmptyState>
  );
}
