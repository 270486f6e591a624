import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { refuse, shortId } from './refuse';

/** The Ergo Ledger app refuses transactions with more distinct tokens than this (ARCHITECTURE.md). */
export const LEDGER_MAX_TOKENS = 20;

function tokenTotals(boxes: { assets: { tokenId: string; amount: string | bigint }[] }[]): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const { tokenId, amount } of boxes.flatMap((box) => box.assets)) {
    totals.set(tokenId, (totals.get(tokenId) ?? 0n) + BigInt(amount));
  }
  return totals;
}

export function checkTokenCount(tx: EIP12UnsignedTransaction): void {
  const distinct = new Set([...tokenTotals(tx.inputs).keys(), ...tokenTotals(tx.outputs).keys()]);
  if (distinct.size > LEDGER_MAX_TOKENS) {
    refuse(
      `The transaction moves ${distinct.size} different tokens; the Ledger accepts at most ${LEDGER_MAX_TOKENS}.`,
      'Split the work into smaller transactions.',
    );
  }
}

/**
 * LETS tokens must never vanish (a burnt membership token is an account nobody can close) and only the
 * one token Ergo allows may be minted: the one whose id is the first input's box id.
 */
export function checkTokenBalance(tx: EIP12UnsignedTransaction): void {
  const spent = tokenTotals(tx.inputs);
  const created = tokenTotals(tx.outputs);
  const mintable = tx.inputs[0]?.boxId;
  for (const [tokenId, amount] of created) {
    if (amount > (spent.get(tokenId) ?? 0n) && tokenId !== mintable) {
      refuse(
        `The transaction creates token ${shortId(tokenId)} out of nothing.`,
        'Only genesis may mint tokens; build the transaction again.',
      );
    }
  }
  for (const [tokenId, amount] of spent) {
    if ((created.get(tokenId) ?? 0n) < amount) {
      refuse(`The transaction would destroy token ${shortId(tokenId)}.`, 'Build it again so every token reaches an output.');
    }
  }
}
