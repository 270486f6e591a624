import { Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import type { NetworkName } from './node-schemas';

/** Remembered addresses per client: a LETS has a handful of contracts, each asked for page after page. */
const MAX_REMEMBERED_ADDRESSES = 64;

/**
 * The address of a script on `network`, as an index lists transactions by (a devnet uses testnet addresses, as the
 * app does: operations/signing-keys.ts). Encoding a KB-long tree in base58 is slow, so each is remembered.
 */
export function treeAddresses(network: NetworkName): (ergoTree: string) => string {
  const prefix = network === 'mainnet' ? Network.Mainnet : Network.Testnet;
  const addresses = new Map<string, string>();
  return (ergoTree) => {
    let address = addresses.get(ergoTree);
    if (address === undefined) {
      address = ErgoAddress.fromErgoTree(ergoTree, prefix).encode(prefix);
      if (addresses.size >= MAX_REMEMBERED_ADDRESSES) addresses.clear();
      addresses.set(ergoTree, address);
    }
    return address;
  };
}
