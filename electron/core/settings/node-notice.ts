import type { NodeCheck } from '../app/node-runtime';

/** What the app can do with a node, in one sentence for Settings. */
export function describeNodeCheck(check: NodeCheck): string {
  if (check.indexedHeight === null) {
    return `Connected to a ${check.network} node at block ${check.height}. It has no extra index, so the app can follow the ledger but cannot find your wallet's boxes to pay fees, cannot find a LETS by its id alone, and reads a followed LETS's history block by block: set extraIndex = true in the node's configuration to send transactions and to catch up quickly.`;
  }
  if (check.indexedHeight < check.height) {
    return `Connected to a ${check.network} node at block ${check.height}. Its extra index is still being built (block ${check.indexedHeight}); wallet boxes and LETS newer than that are not found yet.`;
  }
  return `Connected to a ${check.network} node at block ${check.height}, with the extra index the app needs to send transactions and to catch up a LETS's history quickly.`;
}
