import type { ChainNetwork } from './types';

/** How a network is called on screen, in messages and on paper (shared by the core and the renderer). */
export function networkName(network: ChainNetwork): string {
  return network === 'devnet' ? 'the demo chain' : network === 'mainnet' ? 'Ergo mainnet' : 'Ergo testnet';
}
