import { z } from 'zod';
import { call } from '../call';
import type { ExportedTransaction, LedgerKey, OutboxEntry, PreparedTransaction, SignatureRequest, SigningOptions } from './outbox-types';

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
  /** Corrects a trade on chain by its counter-trade (the payee pays the same amount back), linked to it. */
  'trades.prepareReversal': call<PreparedTransaction>()(z.strictObject({ letsId: id, transactionId })),
  'enrolment.prepare': call<PreparedTransaction>()(z.strictObject({ letsId: id, memberId: id })),
  /** A member leaving: the committee closes their account at 0.00 and the membership token returns to the pool. */
  'closing.prepare': call<PreparedTransaction>()(z.strictObject({ letsId: id, memberId: id })),
  /** Hands the treasurer role to another key (public key or address); the current committee key signs. */
  'committee.prepareHandover': call<PreparedTransaction>()(
    z.strictObject({ letsId: id, newKey: z.string().trim().min(1, 'Enter the new committee’s public key or address.').max(200, 'That key is too long.') }),
  ),
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
  /** Discards it, and the unsigned transactions built on it (their descriptions are answered, to be said). */
  'outbox.discard': call<{ alsoDiscarded: string[] }>()(z.strictObject({ transactionId })),
  /** Reads the key at m/44'/429'/account'/0/index from the connected Ledger (the device asks to export it). */
  'device.readKey': call<LedgerKey>()(
    z.strictObject({
      account: z.number().int().min(0, 'The account is a number from 0.').max(2_147_483_647),
      index: z.number().int().min(0, 'The address index is a number from 0.').max(2_147_483_647),
    }),
  ),
  'device.verifyAddress': call<null>()(
    z.strictObject({ publicKey: z.string().regex(/^0[23][0-9a-f]{64}$/, 'A public key is 66 hexadecimal characters starting with 02 or 03.') }),
  ),
} as const;
