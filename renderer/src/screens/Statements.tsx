import { EmptyState } from '../components/EmptyState';

export function Statements() {
  return (
    <EmptyState title="No statements to print yet">
      <p>Once members have traded, you can print a statement per member and period, or all of them at once.</p>
    </EmptyState>
  );
}
