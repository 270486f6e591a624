import { z } from 'zod';
import { call } from '../call';
import type { ExportedTransaction, OutboxEntry, PreparedTransaction, SignatureRequest, SigningOptions } from './outbox-types';

const id = z.number().int().positive();
const transactionId = z.string().regex(/^[0-9a-f]{64}$/, 'A transaction id is 64 hexadecimal characters.');
const signer = z.enum(['ledger', 'demo-key'], { message: 'Choose the Ledger or the demo key.' });

/** The app's own transactions: prepare (built, reviewed), sign and send, follow, retry or discard. */
export const outboxCalls = {
  'signing.options': call<SigningOptions>()(z.strictObject({})),
  'trades.prepare': call<PreparedTransaction>()(
    z.strictObject({
      letsId: id,
      payerId: id,
      payeeId: id,
      amount: z.string().trim().min(1, 'Enter an amount.').max(24, 'That amount is too long.'),
      description: z.string().trim().max(200, 'The description can be at most 200 characters.').default(''),
    }),
  ),
  'enrolment.prepare': call<PreparedTransaction>()(z.strictObject({ letsId: id, memberId: id })),
  'outbox.list': call<OutboxEntry[]>()(z.strictObject({})),
  'outbox.review': call<PreparedTransaction>()(z.strictObject({ transactionId })),
  'outbox.sign': call<OutboxEntry>()(
    z.strictObject({ transactionId, signer, expectedAuthToken: z.string().regex(/^0x[0-9a-f]{8}$/).optional() }),
  ),
  'outbox.send': call<OutboxEntry>()(z.strictObject({ transactionId })),
  'outbox.export': call<ExportedTransaction>()(z.strictObject({ transactionId })),
  /** A signing request for the member's own wallet (ErgoPay QR code and link); the outbox waits for their wallet. */
  'outbox.requestSignature': call<SignatureRequest>()(z.strictObject({ transactionId })),
  /** Takes back the transaction signed in another wallet, checked; its review, read from it, before it is sent. */
  'outbox.import': call<PreparedTransaction>()(
    z.strictObject({ transactionId, json: z.string().min(2, 'The file is empty.').max(1_000_000, 'The file is too large to be a signed transaction.') }),
  ),
  'outbox.discard': call<null>()(z.strictObject({ transactionId })),
  'device.verifyAddress': call<null>()(
    z.strictObject({ publicKey: z.string().regex(/^0[23][0-9a-f]{64}$/, 'A public key is 66 hexadecimal characters starting with 02 or 03.') }),
  ),
} as const;
