import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import { collateralFor, mostDebtBackedBy } from '../../contracts/trustless/collateral';
import { readTrustlessAccount, type TrustlessAccountState } from '../../contracts/trustless/trustless-boxes';
import type { TrustlessLets } from '../../contracts/trustless/trustless-parameters';
import { encodeTrustlessAccountRegisters } from '../../contracts/trustless/trustless-registers';
import { AppError } from '../../errors/app-error';
import { formatAmount, formatErg } from '../../lets/amount';
import type { MemberAccount } from '../../lets/member-account';
import { assembleTransaction, type Funding } from '../funding';
import { balancesAfterTrade, refuseImpossiblePayment } from '../trade';

export interface TrustlessTradeRequest extends Funding {
  lets: TrustlessLets;
  payer: MemberAccount;
  payee: MemberAccount;
  /** Minor units, > 0. */
  amount: bigint;
  /** nanoERG the payer adds to their collateral in the same transaction, to back a larger debt. */
  collateralTopUp?: bigint;
}

/**
 * Payer pays payee `amount`; only the payer signs (trustless-account.es, trade path: payer input 0, payee
 * input 1). Floor and cap as in the committee model, plus the collateral rule on the payer's new box.
 */
export function buildTrustlessTrade(request: TrustlessTradeRequest): EIP12UnsignedTransaction {
  const { lets, payer, payee, amount } = request;
  refuseImpossiblePayment(payer, payee, amount);
  const from = readTrustlessAccount(payer.box, lets, payer.name);
  const to = readTrustlessAccount(payee.box, lets, payee.name);
  const after = balancesAfterTrade(lets, { name: payer.name, balance: from.balance }, { name: payee.name, balance: to.balance }, amount);
  const topUp = request.collateralTopUp ?? 0n;
  if (topUp < 0n) {
    throw new AppError('invalid-input', 'Collateral can only be added in a payment, never taken out.', 'Enter an amount of ERG of 0 or more to add.');
  }
  const payerCollateral = from.collateral + topUp;
  refuseUnbackedDebt(payer.name, lets, { ...from, collateral: payerCollateral }, after.payer);
  // Same script, token, owner and unlock height; only the balance changes, and the payer's ERG may grow.
  const recreate = ({ box }: MemberAccount, state: TrustlessAccountState, collateral: bigint, balance: bigint) =>
    new OutputBuilder(collateral, box.ergoTree)
      .addTokens(box.assets)
      .setAdditionalRegisters(encodeTrustlessAccountRegisters({ ...state, balance }));
  return assembleTransaction(
    [payer.box, payee.box],
    [recreate(payer, from, payerCollateral, after.payer), recreate(payee, to, to.collateral, after.payee)],
    request,
  );
}

function refuseUnbackedDebt(name: string, lets: TrustlessLets, payer: TrustlessAccountState, balanceAfter: bigint): void {
  const mostDebt = mostDebtBackedBy(payer.collateral, lets.collateralPerUnit);
  if (balanceAfter >= -mostDebt) return;
  const missing = collateralFor(-balanceAfter, lets.collateralPerUnit) - payer.collateral;
  throw new AppError(
    'collateral-too-low',
    `${name}’s collateral of ${formatErg(payer.collateral)} backs a debt of at most ${formatAmount(mostDebt)}; this payment would take the balance to ${formatAmount(balanceAfter)}.`,
    `${name} can pay at most ${formatAmount(payer.balance + mostDebt)} now, or add ${formatErg(missing)} of collateral with this payment.`,
  );
}
