import { FEE_CONTRACT, type EIP12UnsignedTransaction } from '@fleet-sdk/common';
import type { PreparedTransaction } from '../api/calls/outbox-types';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { addToOutbox, outboxItem } from '../mirror/queries/outbox';
import { addOutboxDetails } from '../mirror/queries/outbox-details';
import { transactionId } from '../transactions/transaction-bytes';

export interface NewPreparedTransaction {
  letsId: number;
  purpose: 'trade' | 'enrolment' | 'genesis';
  description: string;
  transaction: EIP12UnsignedTransaction;
  /** Public key (hex) that must prove each input. */
  inputKeys: string[];
  /** Who holds those keys, in words ("Alice", "the committee"). */
  signedBy: string;
  /** What was traded ("milk"), kept on this computer only. */
  memo?: string;
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
    addOutboxDetails(db, id, { inputKeys: built.inputKeys, signedBy: built.signedBy, memo: built.memo ?? '' });
  })();
  return id;
}

export type SigningPlan = Pick<NewPreparedTransaction, 'transaction' | 'inputKeys' | 'signedBy'>;

export function signingPlan(db: Db, transactionIdHex: string): SigningPlan | undefined {
  const row = db
    .prepare('SELECT o.unsigned_json, p.input_keys, p.signed_by FROM outbox o JOIN outbox_details p USING (transaction_id) WHERE o.transaction_id = ?')
    .get(transactionIdHex) as { unsigned_json: string; input_keys: string; signed_by: string } | undefined;
  if (!row) return undefined;
  return { transaction: JSON.parse(row.unsigned_json) as EIP12UnsignedTransaction, inputKeys: JSON.parse(row.input_keys) as string[], signedBy: row.signed_by };
}

export function feeOf(tx: EIP12UnsignedTransaction): bigint {
  return tx.outputs.filter((output) => output.ergoTree === FEE_CONTRACT).reduce((sum, output) => sum + BigInt(output.value), 0n);
}

/**
 * The review of a transaction filed earlier and not signed yet. Balances are left out: they were true when it was
 * built, and whether they still are is for the chain to say when it is sent.
 */
export function reviewOf(db: Db, transactionIdHex: string): PreparedTransaction {
  const plan = signingPlan(db, transactionIdHex);
  const item = outboxItem(db, transactionIdHex);
  if (!plan || !item) throw new AppError('not-found', 'That transaction is not in the outbox.', 'Refresh the outbox.');
  return {
    transactionId: transactionIdHex,
    headline: item.description,
    balances: [],
    feeNanoErgs: feeOf(plan.transaction),
    signedBy: plan.signedBy,
    signerKey: plan.inputKeys[0] ?? '',
  };
}
