import type { ChainSource } from '../chain/chain-source';
import { toFleetBox } from '../chain/fleet-box';
import type { ChainAccess } from '../operations/chain-access';
import type { NodeNetwork } from '../api/calls/settings-schema';
import type { NodeIndex } from '../chain/node-index';

/** A node as the app's transactions see it: box lookups and submit from the node API, wallet boxes from its extra index. */
export function nodeAccess(source: ChainSource, index: NodeIndex, network: NodeNetwork): ChainAccess {
  return {
    network,
    height: async () => (await source.tip()).height,
    unspentBox: async (boxId) => {
      const box = await source.unspentBox(boxId);
      return box && toFleetBox(box);
    },
    unspentByErgoTree: async (ergoTree) => (await index.unspentByErgoTree(ergoTree)).map(toFleetBox),
    submit: (tx) => source.submit(tx),
  };
}
