interface Ordered {
  transactionId: string;
  height: number;
}

/**
 * Puts one member's entries in the order the chain applied them. Across blocks that is the height; within one block
 * the mirror stores no position, but each of the member's transactions spends the account box the previous one
 * created, so `nextAt(height)` (created-by → spent-by for the member's boxes of that block) gives the order. Entries
 * must come sorted by height; the box links are only read for the rare block holding two of the member's entries.
 */
export function inChainOrder<E extends Ordered>(entries: readonly E[], nextAt: (height: number) => ReadonlyMap<string, string>): E[] {
  const ordered: E[] = [];
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    while (end < entries.length && entries[end]?.height === entries[start]?.height) end += 1;
    const block = entries.slice(start, end);
    ordered.push(...(block.length > 1 ? orderWithinBlock(block, nextAt((block[0] as E).height)) : block));
    start = end;
  }
  return ordered;
}

function orderWithinBlock<E extends Ordered>(block: readonly E[], next: ReadonlyMap<string, string>): E[] {
  const byTx = new Map(block.map((e) => [e.transactionId, e]));
  const followers = new Set(block.map((e) => next.get(e.transactionId)).filter((tx) => tx !== undefined && byTx.has(tx)));
  const ordered: E[] = [];
  for (const first of block.filter((e) => !followers.has(e.transactionId))) {
    for (let entry: E | undefined = first; entry && !ordered.includes(entry); entry = byTx.get(next.get(entry.transactionId) ?? '')) ordered.push(entry);
  }
  // A link the mirror cannot explain (it never should) must not drop an entry: keep the rest in stored order.
  return [...ordered, ...block.filter((e) => !ordered.includes(e))];
}
