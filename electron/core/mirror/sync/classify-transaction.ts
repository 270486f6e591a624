import type { ChainBox, ChainTransaction } from '../../chain/chain-source';
import { decodeManagementRegisters } from '../../contracts/registers';
import { readAccountRegisters } from './account-registers';
import { isTrustless, recogniseTrustless } from './classify-trustless';

/** A LETS the mirror follows, with what identifies its boxes on chain. */
export interface TrackedLets {
  letsId: number;
  membershipTokenId: string;
  accountTree: string;
  /** Committee LETS: the management box's tree; null for a trustless LETS. */
  managementTree: string | null;
  /** Trustless LETS: the public token box's tree; null for a committee LETS. */
  publicTokenTree: string | null;
  startHeight: number;
}

/** What classifying a transaction needs to know about a mirrored box. */
export interface SpentBox {
  boxId: string;
  letsId: number;
  kind: 'management' | 'account' | 'public-token';
  /** Account: the member's key (R4). Management: the committee key (R4). Public token box: empty (nobody owns it). */
  ownerKey: string;
  /** Account boxes only (R5). */
  balance: bigint | null;
}

export interface MirroredBox extends Omit<SpentBox, 'boxId'> {
  box: ChainBox;
}

export interface LedgerEntry {
  /** The member's account box the transaction left behind, which the entry is stored with; null for a closing (no box). */
  boxId: string | null;
  letsId: number;
  memberKey: string;
  counterpartyKey: string | null;
  kind: 'enrolment' | 'trade' | 'closing';
  delta: bigint;
  balanceAfter: bigint;
}

export interface TransactionEffects {
  created: MirroredBox[];
  /** Ids of mirrored boxes this transaction spends. */
  spent: string[];
  entries: LedgerEntry[];
}

/**
 * Recognises a box of a followed LETS. Anyone can create a box under our contract's script, so the script alone
 * proves nothing: an account also needs exactly one membership token (which only our contracts hand out) and
 * well-formed registers; the management box needs the LETS id token. Anything else is ignored.
 */
export function recognise(box: ChainBox, tracked: readonly TrackedLets[], letsTokenIds: ReadonlyMap<number, string>): MirroredBox | undefined {
  for (const lets of tracked) {
    if (isTrustless(lets)) {
      const found = recogniseTrustless(box, lets, letsTokenIds.get(lets.letsId));
      if (found) return found;
      continue;
    }
    if (box.ergoTree === lets.accountTree) {
      const [token, ...others] = box.assets;
      const registers = readAccountRegisters(box.additionalRegisters);
      if (others.length > 0 || token?.tokenId !== lets.membershipTokenId || token.amount !== 1n || !registers) return undefined;
      return { box, letsId: lets.letsId, kind: 'account', ownerKey: registers.owner, balance: registers.balance };
    }
    if (box.ergoTree === lets.managementTree) {
      const registers = decodeManagementRegisters(box.additionalRegisters);
      const holdsId = box.assets.some((a) => a.tokenId === letsTokenIds.get(lets.letsId) && a.amount === 1n);
      if (!registers || !holdsId) return undefined;
      return { box, letsId: lets.letsId, kind: 'management', ownerKey: registers.committee, balance: null };
    }
  }
  return undefined;
}

/**
 * What one transaction did to the followed LETS: boxes created and spent, and per member the change of balance.
 * A member's entry pairs their spent account with their new one (same owner key): a trade when another member's
 * balance moved the other way, an enrolment when a new account appears, a closing when an account disappears.
 */
export function classifyTransaction(
  tx: ChainTransaction,
  tracked: readonly TrackedLets[],
  letsTokenIds: ReadonlyMap<number, string>,
  findMirrored: (boxId: string) => SpentBox | undefined,
): TransactionEffects {
  const spentBoxes = tx.inputs.map((i) => findMirrored(i.boxId)).filter((b): b is SpentBox => b !== undefined);
  const created = tx.outputs.map((o) => recognise(o, tracked, letsTokenIds)).filter((b): b is MirroredBox => b !== undefined);
  const accountsIn = spentBoxes.filter((b) => b.kind === 'account');
  const accountsOut = created.filter((b) => b.kind === 'account');
  const key = (b: Pick<SpentBox, 'letsId' | 'ownerKey'>) => `${b.letsId}:${b.ownerKey}`;
  const before = new Map(accountsIn.map((b) => [key(b), b]));
  const after = new Map(accountsOut.map((b) => [key(b), b]));

  const changes: LedgerEntry[] = [];
  for (const [k, out] of after) {
    const previous = before.get(k);
    const balance = out.balance ?? 0n;
    if (!previous) changes.push({ boxId: out.box.boxId, letsId: out.letsId, memberKey: out.ownerKey, counterpartyKey: null, kind: 'enrolment', delta: balance, balanceAfter: balance });
    else if (balance !== previous.balance) changes.push({ boxId: out.box.boxId, letsId: out.letsId, memberKey: out.ownerKey, counterpartyKey: null, kind: 'trade', delta: balance - (previous.balance ?? 0n), balanceAfter: balance });
  }
  for (const [k, gone] of before) {
    if (!after.has(k)) changes.push({ boxId: null, letsId: gone.letsId, memberKey: gone.ownerKey, counterpartyKey: null, kind: 'closing', delta: -(gone.balance ?? 0n), balanceAfter: 0n });
  }
  const trades = changes.filter((c) => c.kind === 'trade');
  if (trades.length === 2) {
    const [first, second] = trades as [LedgerEntry, LedgerEntry];
    first.counterpartyKey = second.memberKey;
    second.counterpartyKey = first.memberKey;
  }
  return { created, spent: spentBoxes.map((b) => b.boxId), entries: changes };
}
