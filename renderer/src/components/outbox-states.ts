import type { OutboxState } from '../../../electron/core/api/calls/outbox-types';

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
