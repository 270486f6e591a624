import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { OutputBuilder, TransactionBuilder } from '@fleet-sdk/core';
import { ErgoHDKey, Prover } from '@fleet-sdk/wallet';
import type { ChainBox, SignedTransactionJson } from '../../electron/core/chain/chain-source';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';

// A fixed, public test seed: these keys only ever hold devnet coins.
const TEST_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const master = ErgoHDKey.fromMnemonicSync(TEST_MNEMONIC);
const names = ['Alice', 'Bob', 'Charlie', 'Dana', 'Eve'] as const;
export type WalletName = (typeof names)[number];

export interface TestWallet {
  name: WalletName;
  key: ErgoHDKey;
  address: string;
  ergoTree: string;
}

export function wallet(name: WalletName): TestWallet {
  const key = master.deriveChild(names.indexOf(name));
  return { name, key, address: key.address.encode(), ergoTree: key.address.ergoTree };
}

/** Signs with the real Schnorr prover and returns the node's JSON shape with bigint amounts. */
export function signForNode(unsigned: EIP12UnsignedTransaction, ...signers: TestWallet[]): SignedTransactionJson {
  return toSignedTransactionJson(new Prover().signTransaction(unsigned, signers.map((s) => s.key)));
}

/** An ordinary ERG payment from one wallet's boxes, built with Fleet as the app builds everything. */
export function payment(chain: DevnetChain, from: TestWallet, inputs: ChainBox[], to: TestWallet, nanoergs: bigint): EIP12UnsignedTransaction {
  return new TransactionBuilder(chain.height)
    .from(inputs.map(toFleetBox))
    .to(new OutputBuilder(nanoergs, to.address))
    .sendChangeTo(from.address)
    .payMinFee()
    .build()
    .toEIP12Object();
}

/** Funds `who` with one box in a new block and returns that box. */
export async function fund(chain: DevnetChain, who: TestWallet, nanoergs = 10_000_000_000n): Promise<ChainBox> {
  await chain.faucet([{ ergoTree: who.ergoTree, value: nanoergs }]);
  const block = chain.mine();
  return block.transactions[0]?.outputs[0] as ChainBox;
}
