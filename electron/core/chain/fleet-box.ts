import type { Amount, Box } from '@fleet-sdk/common';
import type { ChainBox } from './chain-source';

/** A chain box in Fleet's EIP-12 form (amounts as decimal strings), as the builders take it. */
export function toFleetBox(box: ChainBox): Box<Amount> {
  return { ...box, value: box.value.toString(), assets: box.assets.map((a) => ({ tokenId: a.tokenId, amount: a.amount.toString() })) };
}
