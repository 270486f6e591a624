import type { OutboxEntry, OutboxState } from '../../../electron/core/api/calls/outbox-types';
import { formatTime } from '../screens/format';

/** Each outbox state in the treasurer's words: where the transaction is and whether they need to act. */
export const OUTBOX_STATE_TEXT: Record<OutboxState, string> = {
  built: 'Not signed yet',
  signed: 'Signed, not sent: send it again',
  submitted: 'Sent, waiting for the network',
  mempool: 'Waiting to be included in a block',
  included: 'In a block, waiting for confirmations',
  confirmed: 'Confirmed',
  dropped: 'Dropped by the network: send it again or discard it',
  conflict: 'In conflict with another transaction: discard it and record it again',
};

/** The state of one entry, naming who must still sign it, so the treasurer knows whom to ask. */
export function outboxEntryText(entry: Pick<OutboxEntry, 'state' | 'signer' | 'requestExpiresAt'>): string {
  if (entry.state !== 'built' || !entry.signer) return OUTBOX_STATE_TEXT[entry.state];
  if (entry.requestExpiresAt) return `Waiting for ${entry.signer} to sign in their wallet (until ${formatTime(Date.parse(entry.requestExpiresAt))})`;
  return `Not signed yet: ${entry.signer} signs`;
}
