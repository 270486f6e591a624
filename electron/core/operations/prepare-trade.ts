import type { PreparedTransaction } from '../api/calls/outbox-types';
import { buildTrade } from '../builders/trade';
import { formatAmount } from '../lets/amount';
import { shortTransactionId } from '../mirror/queries/transaction-descriptions';
import { feeWallet } from './fee-wallet';
import { letsOnChain } from './lets-on-chain';
import { memberKey } from './member-profile';
import type { ChainContext } from './operations-context';
import { pendingView } from './pending-transactions';
import { fileBuiltTransaction, reviewOf } from './prepared-transaction';

export interface TradeOrder {
  letsId: number;
  payerId: number;
  payeeId: number;
  /** Minor units. */
  amount: bigint;
  /** What was traded ("milk"); kept on this computer with the transaction, never on chain. */
  description: string;
  /** A correction: the trade (hex id) this one reverses, which then stands as its description. */
  reverses?: string;
}

/**
 * Builds the trade on the member's current account boxes and files it in the outbox, unsigned. Refuses here,
 * before anything is signed, when the payer would go below the floor or the payee above the cap (the builder
 * checks what the contract will check), or when the chosen signer does not hold the payer's key.
 */
export async function prepareTrade(ctx: ChainContext, order: TradeOrder): Promise<PreparedTransaction> {
  const payer = memberKey(ctx.db, order.letsId, order.payerId);
  const payee = memberKey(ctx.db, order.letsId, order.payeeId);
  const pending = pendingView(ctx.db);
  const state = await letsOnChain(ctx.db, ctx.chain, order.letsId, pending);
  const payerBox = await state.accountOf(payer.ownerKey, payer.name);
  const payeeBox = await state.accountOf(payee.ownerKey, payee.name);
  const transaction = buildTrade({
    ...(await feeWallet(ctx, payer.ownerKey, pending)),
    lets: state.lets,
    payer: { name: payer.name, box: payerBox },
    payee: { name: payee.name, box: payeeBox },
    amount: order.amount,
  });
  const memo = order.reverses ? `reverses ${shortTransactionId(order.reverses)}` : order.description;
  const transactionId = fileBuiltTransaction(ctx.db, {
    letsId: order.letsId,
    purpose: order.reverses ? 'reversal' : 'trade',
    description: `${payer.name} pays ${payee.name} ${formatAmount(order.amount)} ${state.lets.unit}${order.reverses ? ` back (${memo})` : memo ? ` for ${memo}` : ''}`,
    transaction,
    inputKeys: transaction.inputs.map(() => payer.ownerKey),
    signedBy: payer.name,
    memo,
    ...(order.reverses && { reverses: order.reverses }),
  });
  return reviewOf(ctx.db, ctx.chain.network, transactionId);
}
