import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import type { PreparedTransaction, SignatureRequest } from '../api/calls/outbox-types';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { addToOutbox, standingSignatureRequest } from '../mirror/queries/outbox';
import { addOutboxDetails } from '../mirror/queries/outbox-details';
import { ownKeyPath } from '../mirror/queries/own-key-paths';
import { deviceScreens } from '../review/device-screens';
import { QR_MAX_CHARACTERS } from '../api/ergopay-uri';
import { readingContext } from '../review/reading-context';
import { readTransaction } from '../review/read-transaction';
import type { ChainNetwork } from './chain-access';
import { addressNetwork } from './signing-keys';
import { transactionId } from '../transactions/transaction-bytes';

export interface NewPreparedTransaction {
  letsId: number;
  purpose: 'trade' | 'reversal' | 'enrolment' | 'closing' | 'handover' | 'genesis';
  description: string;
  transaction: EIP12UnsignedTransaction;
  /** Public key (hex) that must prove each input. */
  inputKeys: string[];
  /** Who holds those keys, in words ("Alice", "the committee"). */
  signedBy: string;
  /** What was traded ("milk"), kept on this computer only. */
  memo?: string;
  /** The trade this one reverses (hex id), for a correction. */
  reverses?: string;
}

/** Files a built transaction in the outbox as "built", with how it must be signed; nothing leaves the computer yet. */
export function fileBuiltTransaction(db: Db, built: NewPreparedTransaction): string {
  const id = transactionId(built.transaction);
  db.transaction(() => {
    addToOutbox(db, {
      transactionId: id,
      letsId: built.letsId,
      purpose: built.purpose,
      description: built.description,
      inputBoxIds: built.transaction.inputs.map((input) => input.boxId),
      unsignedJson: JSON.stringify(built.transaction),
    });
    addOutboxDetails(db, id, { inputKeys: built.inputKeys, signedBy: built.signedBy, memo: built.memo ?? '', ...(built.reverses && { reverses: built.reverses }) });
  })();
  return id;
}

export type SigningPlan = Pick<NewPreparedTransaction, 'transaction' | 'inputKeys' | 'signedBy'> & { memo: string };

export function signingPlan(db: Db, transactionIdHex: string): SigningPlan | undefined {
  const row = db
    .prepare('SELECT o.unsigned_json, p.input_keys, p.signed_by, p.memo FROM outbox o JOIN outbox_details p USING (transaction_id) WHERE o.transaction_id = ?')
    .get(transactionIdHex) as { unsigned_json: string; input_keys: string; signed_by: string; memo: string } | undefined;
  if (!row) return undefined;
  return {
    transaction: JSON.parse(row.unsigned_json) as EIP12UnsignedTransaction,
    inputKeys: JSON.parse(row.input_keys) as string[],
    signedBy: row.signed_by,
    memo: row.memo,
  };
}

/** A signing request as the screens get it: its link, whether one QR code holds it, who signs and until when. */
export function asSignatureRequest(transactionIdHex: string, signer: string, request: { uri: string; expiresAt: string }): SignatureRequest {
  return { transactionId: transactionIdHex, signer, ...request, fitsOneQrCode: request.uri.length <= QR_MAX_CHARACTERS };
}

/**
 * The review of a transaction in the outbox: what it does, read from the transaction itself with the mirror as it is
 * now (readTransaction), and what the Ledger will show of it. The same for a transaction just prepared, one filed
 * earlier, or one signed elsewhere: the words describe the bytes a signature covers, never the form.
 */
export function reviewOf(db: Db, network: ChainNetwork, transactionIdHex: string): PreparedTransaction {
  const plan = signingPlan(db, transactionIdHex);
  if (!plan) throw new AppError('not-found', 'That transaction is not in the outbox.', 'Refresh the outbox.');
  const keys = [...new Set(plan.inputKeys)];
  const signerKey = keys[0] ?? '';
  // Where the Ledger holds the key, when the app knows; otherwise it is found when signing.
  const path = ownKeyPath(db, signerKey, 'ledger') ?? `(the path of ${plan.signedBy}’s key on the Ledger)`;
  const standing = standingSignatureRequest(db, transactionIdHex);
  return {
    transactionId: transactionIdHex,
    reading: readTransaction(plan.transaction, readingContext(db, network), plan.inputKeys),
    memo: plan.memo,
    signedBy: plan.signedBy,
    signerKey,
    device: { reviews: keys.length, screens: deviceScreens(plan.transaction, addressNetwork(network), path) },
    request: standing ? asSignatureRequest(transactionIdHex, plan.signedBy, standing) : null,
  };
}
