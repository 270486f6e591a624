import type { AreaHandlers } from '../../api/contract';
import type { outboxCalls } from '../../api/calls/outbox-calls';
import type { OutboxEntry, SignerChoice } from '../../api/calls/outbox-types';
import { AppError } from '../../errors/app-error';
import { parseAmount } from '../../lets/amount';
import { listOutbox, type OutboxItem } from '../../mirror/queries/outbox';
import { discardTransaction } from '../../operations/discard-transaction';
import type { SigningContext } from '../../operations/operations-context';
import { findOwnKeyPath } from '../../operations/own-keys';
import { prepareAccountClosing } from '../../operations/prepare-account-closing';
import { prepareCommitteeHandover } from '../../operations/prepare-committee-handover';
import { prepareEnrolment } from '../../operations/prepare-enrolment';
import { prepareReversal } from '../../operations/prepare-reversal';
import { prepareTrade } from '../../operations/prepare-trade';
import { importSigned, send, signAndSend } from '../../operations/send-transaction';
import { reviewOf, signingPlan } from '../../operations/prepared-transaction';
import { requestSignature } from '../../operations/signature-request';
import { exportUnsignedTransaction } from '../../signers/exchange/eip12-exchange';
import { addressKeyPath, parseKeyPath } from '../../signers/key-paths';
import { ownerAddress } from '../../members/owner-address';
import { recordOwnKeyPath } from '../../mirror/queries/own-key-paths';
import { verifyAddressOnDevice } from '../../signers/ledger/ledger-accounts';
import type { CoreContext } from '../core-context';
import { requireMainnetConfirmed } from '../../settings/mainnet-confirmation';

function toEntry({ signedJson: _signed, ...item }: OutboxItem): OutboxEntry {
  return item;
}

export function outboxHandlers(ctx: CoreContext): AreaHandlers<typeof outboxCalls> {
  const operations = (choice: SignerChoice): SigningContext => {
    const keys = ctx.signers().get(choice);
    requireMainnetConfirmed(ctx.db, ctx.connectedChain().network);
    return { db: ctx.db, chain: ctx.connectedChain().access, keys };
  };
  const sending = () => ({ db: ctx.db, chain: ctx.connectedChain().access });

  return {
    'signing.options': () => ({ signers: ctx.signers().offered }),
    'trades.prepare': ({ amount, ...order }) => {
      const minor = parseAmount(amount);
      if (minor === undefined) {
        throw new AppError('invalid-input', `"${amount}" is not an amount.`, 'Enter an amount such as 2.50 (at most two decimals).');
      }
      return prepareTrade(sending(), { ...order, amount: minor });
    },
    'trades.prepareReversal': ({ letsId, transactionId }) => prepareReversal(sending(), letsId, transactionId),
    'enrolment.prepare': ({ letsId, memberId }) => prepareEnrolment(sending(), letsId, memberId),
    'closing.prepare': ({ letsId, memberId }) => prepareAccountClosing(sending(), letsId, memberId),
    'committee.prepareHandover': ({ letsId, newKey }) => prepareCommitteeHandover(sending(), letsId, newKey),
    'outbox.list': () => listOutbox(ctx.db).map(toEntry),
    'outbox.review': ({ transactionId }) => reviewOf(ctx.db, ctx.network(), transactionId),
    'outbox.sign': async ({ transactionId, signer, expectedAuthToken }) =>
      toEntry(await signAndSend(operations(signer), transactionId, { expectedAuthToken })),
    'outbox.send': async ({ transactionId }) => toEntry(await send(sending(), transactionId)),
    'outbox.export': ({ transactionId }) => {
      const plan = signingPlan(ctx.db, transactionId);
      if (!plan) throw new AppError('not-found', 'That transaction is not in the outbox.', 'Refresh the outbox.');
      return { fileName: `lets-unsigned-${transactionId.slice(0, 12)}.json`, json: exportUnsignedTransaction(plan.transaction) };
    },
    'outbox.requestSignature': ({ transactionId }) => requestSignature(sending(), transactionId),
    'outbox.import': async ({ transactionId, json }) => {
      await importSigned(sending(), transactionId, json);
      return reviewOf(ctx.db, ctx.network(), transactionId);
    },
    'outbox.discard': ({ transactionId }) => ({ alsoDiscarded: discardTransaction(ctx.db, transactionId) }),
    'device.readKey': async ({ account, index }) => {
      const keys = ctx.signers().get('ledger');
      const keyPath = addressKeyPath(account, index);
      const publicKey = await keys.publicKeyAt(keyPath);
      recordOwnKeyPath(ctx.db, publicKey, keys.choice, keyPath);
      return { publicKey, keyPath, address: ownerAddress(publicKey, keys.signer.network) };
    },
    'device.verifyAddress': async ({ publicKey }) => {
      const keys = ctx.signers().get('ledger');
      const network = keys.signer.network;
      const keyPath = await findOwnKeyPath(ctx.db, keys, publicKey, 'this address');
      const address = ownerAddress(publicKey, network);
      await verifyAddressOnDevice(ctx.device, { index: parseKeyPath(keyPath).index, keyPath, publicKey, address }, network);
      return null;
    },
  };
}
