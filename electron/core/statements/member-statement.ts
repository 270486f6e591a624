import type { MemberStatement, StatementBoxReference, StatementLine, StatementNetwork } from '../api/calls/statement-types';
import { AppError } from '../errors/app-error';
import { debtBackedBy, memberLimits } from '../members/collateral-limits';
import { headroom } from '../members/limits';
import { addressOf } from '../members/owner-address';
import type { Db } from '../mirror/database';
import { awaitingSignatureFor } from '../mirror/queries/outbox';
import { storedHeaderIdAt, storedTip } from '../mirror/queries/chain-store';
import {
  currentAccountBoxId,
  accountBoxCreatedBy,
  memberEntriesBefore,
  statementLets,
  statementMember,
  statementMemberIds,
  type StatementEntryRow,
  type StatementLetsRow,
} from '../mirror/queries/statement';
import { transactionNotes } from '../mirror/queries/transaction-descriptions';
import { collateralInBox, collateralTerms } from '../mirror/queries/trustless';
import { inconsistentLedger } from './inconsistent-ledger';
import { verification } from './verification';

/** A period as exact instants: `from` inclusive, `to` exclusive (see statement-calls for why). */
export interface StatementPeriod {
  from: Date;
  to: Date;
}

export interface StatementContext {
  /** The chain the mirror follows; null before the app has connected (addresses then cannot be shown). */
  network: StatementNetwork | null;
  now: Date;
}

/** The LETS a paper is made for, refused with what to do when this app does not follow it (on this network). */
export function letsOrThrow(db: Db, letsId: number): StatementLetsRow {
  const lets = statementLets(db, letsId);
  if (!lets) throw new AppError('not-found', 'That LETS is not followed by this app.', 'Choose a LETS from the list and try again.');
  return lets;
}

function toLine(entry: StatementEntryRow, description: string): StatementLine {
  return {
    transactionId: entry.transactionId,
    kind: entry.kind,
    date: new Date(entry.timestamp).toISOString(),
    height: entry.height,
    counterparty: entry.counterpartyKey === null ? null : { key: entry.counterpartyKey, name: entry.counterpartyName },
    description,
    amountIn: entry.delta > 0n ? entry.delta : 0n,
    amountOut: entry.delta < 0n ? -entry.delta : 0n,
    balanceAfter: entry.balanceAfter,
  };
}

/** Every running balance is read from chain; recomputed from the deltas, it must agree (inconsistentLedger says why). */
function checkRunningBalances(memberName: string, opening: bigint, lines: readonly StatementLine[]): void {
  let balance = opening;
  for (const line of lines) {
    balance += line.amountIn - line.amountOut;
    if (balance !== line.balanceAfter) throw inconsistentLedger(memberName, line.transactionId, 'statement');
  }
}

function closingBoxOf(db: Db, letsId: number, memberKey: string, last: StatementEntryRow | undefined): StatementBoxReference | null {
  if (!last || last.kind === 'closing') return null;
  const box = accountBoxCreatedBy(db, letsId, memberKey, last.height, last.transactionId);
  if (!box) return null;
  return { boxId: box.boxId, transactionId: box.transactionId, height: box.height, headerId: storedHeaderIdAt(db, box.height) ?? null };
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

function buildStatement(db: Db, lets: StatementLetsRow, memberId: number, period: StatementPeriod, context: StatementContext): MemberStatement {
  const member = statementMember(db, lets.id, memberId);
  if (!member) {
    throw new AppError('not-found', `There is no member with number ${memberId} in ${lets.name}.`, 'Choose the member from the list; the list may have changed since you opened it.');
  }
  const entries = memberEntriesBefore(db, lets.id, member.ownerKey, period.to.getTime());
  const firstInPeriod = entries.findIndex((e) => e.timestamp >= period.from.getTime());
  const before = firstInPeriod === -1 ? entries : entries.slice(0, firstInPeriod);
  const inPeriod = firstInPeriod === -1 ? [] : entries.slice(firstInPeriod);

  // Before enrolment a member has no account; their balance is zero, as the enrolment entry itself records.
  const openingBalance = before.at(-1)?.balanceAfter ?? 0n;
  const notes = transactionNotes(db, inPeriod.map((e) => e.transactionId));
  const lines = inPeriod.map((e) => toLine(e, notes.get(e.transactionId)?.description ?? ''));
  checkRunningBalances(member.name, openingBalance, lines);
  const closingBalance = lines.at(-1)?.balanceAfter ?? openingBalance;
  const last = entries.at(-1);
  const closingBox = closingBoxOf(db, lets.id, member.ownerKey, last);
  const collateral = closingBox && collateralInBox(db, closingBox.boxId);
  const terms = collateral && collateralTerms(db, lets.id);
  const limits = memberLimits({ floor: lets.creditFloor, cap: lets.creditCap }, collateral, terms);
  const { network } = context;

  return {
    lets: {
      id: lets.id,
      name: lets.name,
      unit: lets.unit,
      tokenId: lets.tokenId,
      membershipTokenId: lets.membershipTokenId,
      model: lets.model,
      creditFloor: lets.creditFloor,
      creditCap: lets.creditCap,
    },
    member: {
      id: member.id,
      name: member.name,
      ownerKey: member.ownerKey,
      ownerAddress: addressOf(member.ownerKey, network),
      leftOn: last?.kind === 'closing' ? new Date(last.timestamp).toISOString() : null,
    },
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    openingBalance,
    lines,
    totalIn: sum(lines.map((l) => l.amountIn)),
    totalOut: sum(lines.map((l) => l.amountOut)),
    closingBalance,
    headroom: headroom(closingBalance, limits),
    collateral: collateral && terms ? { ...collateral, backsDebtOf: debtBackedBy(collateral, terms) } : null,
    generatedAt: context.now.toISOString(),
    chain: { network, closingBox, currentBoxId: currentAccountBoxId(db, lets.id, member.ownerKey), mirrorTip: storedTip(db) },
    verification: verification({ network, unit: lets.unit, membershipTokenId: lets.membershipTokenId, closingBox, closingBalance }),
    awaitingSignature: awaitingSignatureFor(db, lets.id, member.ownerKey),
  };
}

/** One member's statement for one period, read from the mirror in one consistent snapshot. */
export function memberStatement(db: Db, letsId: number, memberId: number, period: StatementPeriod, context: StatementContext): MemberStatement {
  return db.transaction(() => buildStatement(db, letsOrThrow(db, letsId), memberId, period, context))();
}

/** The statements of every member of a LETS for one period (batch printing), in the order of the members list. */
export function allMemberStatements(db: Db, letsId: number, period: StatementPeriod, context: StatementContext): MemberStatement[] {
  return db.transaction(() => {
    const lets = letsOrThrow(db, letsId);
    return statementMemberIds(db, letsId).map((memberId) => buildStatement(db, lets, memberId, period, context));
  })();
}
