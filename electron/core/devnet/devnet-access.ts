import { toFleetBox } from '../chain/fleet-box';
import type { ChainAccess } from '../operations/chain-access';
import type { DevnetChain } from './devnet-chain';

/** The devnet as the app's transactions see it: it answers wallet lookups from its own UTXO set (a node needs its extra index). */
export function devnetAccess(chain: DevnetChain): ChainAccess {
  return {
    network: 'devnet',
    height: async () => chain.height,
    unspentBox: async (boxId) => {
      const box = await chain.unspentBox(boxId);
      return box && toFleetBox(box);
    },
    unspentByErgoTree: async (ergoTree) => (await chain.unspentByErgoTree(ergoTree)).map(toFleetBox),
    submit: (tx) => chain.submit(tx),
  };
}
