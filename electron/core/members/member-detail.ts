import type { MemberDetail, MemberHistoryRow } from '../api/calls/member-types';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { storedTip } from '../mirror/queries/chain-store';
import { memberHistory } from '../mirror/queries/ledger';
import { listLets } from '../mirror/queries/lets';
import { findMember, profilesByKey } from '../mirror/queries/members';
import { transactionNotes } from '../mirror/queries/transaction-descriptions';
import type { ErgoNetwork } from '../signers/signer';
import { collateralTerms } from '../mirror/queries/trustless';
import { closingRefusal } from './closing-rules';
import { debtBackedBy, memberLimits } from './collateral-limits';
import { headroom } from './limits';
import { ownerAddress } from './owner-address';

export interface DetailOptions {
  network: ErgoNetwork;
  /** Confirmations after which an entry counts as confirmed. */
  confirmationDepth: number;
}

/** One member as the detail screen shows them: profile, balance and headroom, chain references, history. */
export function memberDetail(db: Db, id: number, options: DetailOptions): MemberDetail {
  return db.transaction(() => {
    const member = findMember(db, id);
    const lets = member && listLets(db).find((l) => l.id === member.letsId);
    if (!member || !lets) {
      throw new AppError('not-found', 'That member is no longer in the local database.', 'Go back to the member list and choose the member again.');
    }
    const tip = storedTip(db)?.height ?? 0;
    const entries = memberHistory(db, member.letsId, member.ownerKey).reverse();
    const names = profilesByKey(db, member.letsId);
    const notes = transactionNotes(db, entries.map((e) => e.transactionId));
    const history = entries.map((entry): MemberHistoryRow => {
      const confirmations = Math.max(0, tip - entry.height + 1);
      const note = notes.get(entry.transactionId);
      return {
        ...entry,
        counterpartyName: entry.counterpartyKey === null ? null : (names.get(entry.counterpartyKey)?.name ?? null),
        description: note?.description ?? '',
        confirmations,
        confirmed: confirmations >= options.confirmationDepth,
        reversible: entry.kind === 'trade' && lets.model === 'committee' && !note?.reversed && !note?.reversing,
      };
    });
    const refusal =
      member.state === 'enrolled' && member.balance !== null && lets.model === 'committee'
        ? closingRefusal(db, { letsId: member.letsId, name: member.name, ownerKey: member.ownerKey, balance: member.balance }, lets)
        : null;
    const terms = member.collateral && collateralTerms(db, member.letsId);
    const limits = memberLimits({ floor: lets.creditFloor, cap: lets.creditCap }, member.collateral, terms);
    return {
      ...member,
      lets: { id: lets.id, name: lets.name, unit: lets.unit, model: lets.model, creditFloor: lets.creditFloor, creditCap: lets.creditCap },
      headroom: member.balance === null ? null : headroom(member.balance, limits),
      debtBackedByCollateral: member.collateral && terms ? debtBackedBy(member.collateral, terms) : null,
      ownerAddress: ownerAddress(member.ownerKey, options.network),
      network: options.network,
      history,
      closingRefusal: refusal && { message: refusal.message, hint: refusal.hint },
    };
  })();
}
