import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder } from '@fleet-sdk/core';
import { readAccountBox } from '../contracts/lets-boxes';
import { encodeAccountRegisters } from '../contracts/registers';
import { AppError } from '../errors/app-error';
import { fitsInLong, formatAmount } from '../lets/amount';
import type { Lets } from '../lets/lets-parameters';
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
  if (amount <= 0n) {
    throw new AppError('invalid-input', `The amount must be more than 0.00, not ${formatAmount(amount)}.`, 'Enter a positive amount.');
  }
  if (payer.box.boxId === payee.box.boxId) {
    throw new AppError('invalid-input', `${payer.name} cannot pay their own account.`, 'Choose a different member to pay.');
  }
  const from = readAccountBox(payer.box, lets, payer.name);
  const to = readAccountBox(payee.box, lets, payee.name);
  const payerAfter = from.balance - amount;
  const payeeAfter = to.balance + amount;
  if (payerAfter < lets.floor || !fitsInLong(payerAfter)) {
    throw new AppError(
      'below-credit-floor',
      `${payer.name} would go below the credit floor of ${formatAmount(lets.floor)}: balance ${formatAmount(from.balance)}, amount ${formatAmount(amount)}.`,
      `${payer.name} can pay at most ${formatAmount(from.balance - lets.floor)} now.`,
    );
  }
  if ((lets.cap !== null && payeeAfter > lets.cap) || !fitsInLong(payeeAfter)) {
    const cap = lets.cap === null ? 'the largest balance the chain can hold' : `the credit cap of ${formatAmount(lets.cap)}`;
    throw new AppError(
      'above-credit-cap',
      `${payee.name} would go above ${cap}: balance ${formatAmount(to.balance)}, amount ${formatAmount(amount)}.`,
      `${payee.name} must spend some credit before receiving this payment.`,
    );
  }
  // Same script, token and ERG; only the balance register changes (created at the current height).
  const recreate = ({ box }: MemberAccount, owner: string, balance: bigint) =>
    new OutputBuilder(box.value, box.ergoTree)
      .addTokens(box.assets)
      .setAdditionalRegisters(encodeAccountRegisters({ owner, balance }));
  return assembleTransaction(
    [payer.box, payee.box],
    [recreate(payer, from.owner, payerAfter), recreate(payee, to.owner, payeeAfter)],
    request,
  );
}
