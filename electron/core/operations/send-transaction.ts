import { toSignedTransactionJson } from '../chain/signed-transaction-json';
import type { SignedTransaction } from '@fleet-sdk/common';
import { AppError, toErrorPayload } from '../errors/app-error';
import { moveOutboxItem, noteOutboxError, outboxItem, type OutboxItem } from '../mirror/queries/outbox';
import { importSignedTransaction } from '../signers/exchange/eip12-exchange';
import type { DevicePromptInfo } from '../signers/signer';
import type { ChainContext, SigningContext } from './operations-context';
import { findOwnKeyPath } from './own-keys';
import { unsignedParents } from './pending-transactions';
import { signingPlan } from './prepared-transaction';

export interface SignConfirmation {
  /**
   * The Ledger auth token the treasurer was shown next to the summary. If the device now reports another one, a
   * different device or session is answering and nothing is signed.
   */
  expectedAuthToken?: string;
}

/**
 * Signs a built transaction from the outbox and sends it. Every failure is written on the outbox item and thrown:
 * a transaction that could not be signed stays "built" (nothing was sent), one the node refused stays "signed"
 * and can be sent again.
 */
export async function signAndSend(ctx: SigningContext, transactionId: string, confirmation: SignConfirmation = {}): Promise<OutboxItem> {
  const plan = signingPlan(ctx.db, transactionId);
  const item = outboxItem(ctx.db, transactionId);
  if (!plan || !item) throw new AppError('not-found', 'That transaction is not in the outbox.', 'Refresh the outbox.');
  if (item.state === 'built') {
    requireParentsSigned(ctx, transactionId);
    const signed = await recordingFailure(ctx, transactionId, async () => {
      const paths = new Map<string, string>();
      for (const key of new Set(plan.inputKeys)) paths.set(key, await findOwnKeyPath(ctx.db, ctx.keys, key, plan.signedBy));
      const request = { transaction: plan.transaction, inputKeyPaths: plan.inputKeys.map((key) => paths.get(key) as string) };
      return ctx.keys.signer.sign(request, { beforeDevicePrompt: (info) => checkPrompt(info, transactionId, confirmation) });
    });
    moveOutboxItem(ctx.db, transactionId, 'signed', { signedJson: JSON.stringify(signed) });
  }
  return send(ctx, transactionId);
}

/**
 * A transaction built on another still unsigned (the committee's queue: each enrolment on the management box the one
 * before creates) can only be signed after it: the network would refuse it until its parent is in the mempool.
 */
function requireParentsSigned(ctx: ChainContext, transactionId: string): void {
  const [parent] = unsignedParents(ctx.db, transactionId);
  if (parent) {
    throw new AppError(
      'conflict',
      `This transaction is built on one not signed yet: “${parent.description}”.`,
      'Sign that one first: transactions of a queue are signed in the order they were prepared, the oldest first.',
    );
  }
}

/**
 * Takes the transaction back from another wallet (EIP-12 JSON), signed. It must be exactly the exported one and
 * every proof must satisfy its input's script, or it is refused and stays "built"; it is kept "signed", for the
 * treasurer to read what it does (the review reads it from the transaction) before it is sent.
 */
export async function importSigned(ctx: ChainContext, transactionId: string, json: string): Promise<void> {
  const plan = signingPlan(ctx.db, transactionId);
  if (!plan || outboxItem(ctx.db, transactionId)?.state !== 'built') {
    throw new AppError('conflict', 'Only a transaction waiting for its signature can take one from a file.', 'Refresh the outbox to see its current state.');
  }
  const next = { height: (await ctx.chain.height()) + 1 };
  const signed = await recordingFailure(ctx, transactionId, async () => importSignedTransaction(json, plan.transaction, next));
  moveOutboxItem(ctx.db, transactionId, 'signed', { signedJson: JSON.stringify(signed) });
}

/** Sends a signed transaction again (after a node refusal, or one the node dropped). */
export async function send(ctx: ChainContext, transactionId: string): Promise<OutboxItem> {
  const item = outboxItem(ctx.db, transactionId);
  if (!item?.signedJson) throw new AppError('conflict', 'Only a signed transaction can be sent.', 'Sign it first.');
  const signedJson = item.signedJson;
  // Stored in Fleet's form (amounts as decimal strings), which JSON keeps exactly.
  await recordingFailure(ctx, transactionId, () => ctx.chain.submit(toSignedTransactionJson(JSON.parse(signedJson) as SignedTransaction)));
  moveOutboxItem(ctx.db, transactionId, 'submitted');
  return outboxItem(ctx.db, transactionId) as OutboxItem;
}

function checkPrompt(info: DevicePromptInfo, transactionId: string, confirmation: SignConfirmation): void {
  if (info.summary.transactionId !== transactionId) {
    throw new AppError('internal', 'The transaction about to be signed is not the one you reviewed. Nothing was signed.', 'Prepare the transaction again.');
  }
  if (confirmation.expectedAuthToken !== undefined && info.authToken !== confirmation.expectedAuthToken) {
    throw new AppError(
      'device-wrong-wallet',
      `The Ledger now shows session ${info.authToken ?? 'none'}, not ${confirmation.expectedAuthToken} as you were told. Nothing was signed.`,
      'Check that only your Ledger is connected, then review and sign again.',
    );
  }
}

async function recordingFailure<T>(ctx: ChainContext, transactionId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { message, hint } = toErrorPayload(error);
    noteOutboxError(ctx.db, transactionId, `${message} ${hint}`);
    throw error;
  }
}
