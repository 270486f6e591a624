import { AppError } from '../errors/app-error';
import { formatAmount } from '../lets/amount';
import type { Db } from '../mirror/database';
import { openAccountCount, settlementPartners, type SettlementPartner } from '../mirror/queries/members';

export interface LeavingMember {
  letsId: number;
  name: string;
  ownerKey: string;
  /** The balance of the account box the closing would spend. */
  balance: bigint;
}

/** Enough names for the treasurer to start with; the member list has the rest. */
const PARTNERS_NAMED = 3;

function listed(partners: SettlementPartner[]): string {
  const items = partners.map((p) => `${p.name} (${formatAmount(p.balance)})`);
  const last = items.pop() ?? '';
  return items.length === 0 ? last : `${items.join(', ')} and ${last}`;
}

function settlementHint(member: LeavingMember, unit: string, partners: SettlementPartner[]): string {
  const owes = member.balance < 0n;
  const settle = `${member.name} must first ${owes ? 'earn' : 'spend'} ${formatAmount(owes ? -member.balance : member.balance)} ${unit} in trades`;
  if (partners.length === 0) return `${settle}, then the account can be closed.`;
  const who = owes
    ? `${listed(partners)}, in credit, could pay ${member.name} for something`
    : `${listed(partners)}, who owe the LETS, could sell ${member.name} something`;
  return `${settle}: ${who}. Then close the account.`;
}

/**
 * Why the committee cannot close this account now, or null when it can. The chain only checks the balance (0.00);
 * keeping at least one account open is the app's policy: a LETS nobody belongs to has no one left to enrol into.
 */
export function closingRefusal(db: Db, member: LeavingMember, lets: { name: string; unit: string }): AppError | null {
  if (openAccountCount(db, member.letsId) <= 1) {
    return new AppError(
      'conflict',
      `${member.name} holds the last open account of ${lets.name}: closing it would leave the LETS with no member.`,
      `Enrol the next member first; then ${member.name}’s account can be closed.`,
    );
  }
  if (member.balance === 0n) return null;
  const partners = settlementPartners(db, member.letsId, member.ownerKey, member.balance, PARTNERS_NAMED);
  return new AppError(
    'conflict',
    `${member.name}’s balance is ${formatAmount(member.balance)} ${lets.unit}: an account is closed only at 0.00.`,
    settlementHint(member, lets.unit, partners),
  );
}
