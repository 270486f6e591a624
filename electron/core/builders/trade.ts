import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import { readAccountBox } from '../contracts/lets-boxes';
import { encodeAccountRegisters } from '../contracts/registers';
import { AppError } from '../errors/app-error';
import { fitsInLong, formatAmount } from '../lets/amount';
import type { Lets, LetsParameters } from '../lets/lets-parameters';
import type { MemberAccount } from '../lets/member-account';
import { assembleTransaction, type Funding } from './funding';

export interface TradeRequest extends Funding {
  lets: Lets;
  payer: MemberAccount;
  payee: MemberAccount;
  /** Minor units, > 0. */
  amount: bigint;
}

/** Payer pays payee `amount`; only the payer signs (account.es, trade path: payer input 0, payee input 1). */
export function buildTrade(request: TradeRequest): EIP12UnsignedTransaction {
  const { lets, payer, payee, amount } = request;
  refuseImpossiblePayment(payer, payee, amount);
  const from = readAccountBox(payer.box, lets, payer.name);
  const to = readAccountBox(payee.box, lets, payee.name);
  const after = balancesAfterTrade(lets, { name: payer.name, balance: from.balance }, { name: payee.name, balance: to.balance }, amount);
  // Same script, token and ERG; only the balance register changes (created at the current height).
  const recreate = ({ box }: MemberAccount, owner: string, balance: bigint) =>
    new OutputBuilder(box.value, box.ergoTree)
      .addTokens(box.assets)
      .setAdditionalRegisters(encodeAccountRegisters({ owner, balance }));
  return assembleTransaction(
    [payer.box, payee.box],
    [recreate(payer, from.owner, after.payer), recreate(payee, to.owner, after.payee)],
    request,
  );
}

/** A payment of nothing (or less) and a payment to oneself are refused before any box is read. */
export function refuseImpossiblePayment(payer: MemberAccount, payee: MemberAccount, amount: bigint): void {
  if (amount <= 0n) {
    throw new AppError('invalid-input', `The amount must be more than 0.00, not ${formatAmount(amount)}.`, 'Enter a positive amount.');
  }
  if (payer.box.boxId === payee.box.boxId) {
    throw new AppError('invalid-input', `${payer.name} cannot pay their own account.`, 'Choose a different member to pay.');
  }
}

export interface TradeSide {
  name: string;
  balance: bigint;
}

/**
 * Both balances after `payer` pays `payee` `amount` (> 0), refusing in the treasurer's words what the
 * chain would refuse in both models: the payer below the floor, the payee above the cap, or a balance
 * beyond a Long.
 */
export function balancesAfterTrade(lets: LetsParameters, payer: TradeSide, payee: TradeSide, amount: bigint): { payer: bigint; payee: bigint } {
  const payerAfter = payer.balance - amount;
  const payeeAfter = payee.balance + amount;
  if (payerAfter < lets.floor || !fitsInLong(payerAfter)) {
    throw new AppError(
      'below-credit-floor',
      `${payer.name} would go below the credit floor of ${formatAmount(lets.floor)}: balance ${formatAmount(payer.balance)}, amount ${formatAmount(amount)}.`,
      `${payer.name} can pay at most ${formatAmount(payer.balance - lets.floor)} now.`,
    );
  }
  if ((lets.cap !== null && payeeAfter > lets.cap) || !fitsInLong(payeeAfter)) {
    const cap = lets.cap === null ? 'the largest balance the chain can hold' : `the credit cap of ${formatAmount(lets.cap)}`;
    throw new AppError(
      'above-credit-cap',
      `${payee.name} would go above ${cap}: balance ${formatAmount(payee.balance)}, amount ${formatAmount(amount)}.`,
      `${payee.name} must spend some credit before receiving this payment.`,
    );
  }
  return { payer: payerAfter, payee: payeeAfter };
}
