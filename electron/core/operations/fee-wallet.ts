import { Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import type { Funding } from '../builders/funding';
import { addressNetwork } from './signing-keys';
import type { ChainContext } from './operations-context';
import { liveBoxes, type PendingView } from './pending-transactions';

/** The signer's own address at `publicKey` pays the fee and gets the change, seen after the pending transactions. */
export async function feeWallet(ctx: ChainContext, publicKey: string, pending: PendingView): Promise<Funding> {
  const address = ErgoAddress.fromPublicKey(publicKey);
  const confirmed = await ctx.chain.unspentByErgoTree(address.ergoTree);
  return {
    walletBoxes: liveBoxes(confirmed, pending, (box) => box.ergoTree === address.ergoTree),
    changeAddress: address.encode(addressNetwork(ctx.chain.network) === 'mainnet' ? Network.Mainnet : Network.Testnet),
    height: await ctx.chain.height(),
  };
}
