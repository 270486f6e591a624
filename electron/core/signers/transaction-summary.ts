import { FEE_CONTRACT, Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import type { ErgoNetwork, SigningRequest } from './signer';
import { distinctKeyPaths } from './key-paths';
import { transactionId } from '../transactions/transaction-bytes';

export type OutputKind = 'change' | 'fee' | 'address' | 'contract';

export interface SummaryOutput {
  readonly index: number;
  readonly kind: OutputKind;
  /** Base58 address; for a contract it is the pay-to-script address of its ErgoTree. */
  readonly address: string;
  readonly nanoErgs: bigint;
  readonly tokens: readonly { tokenId: string; amount: bigint }[];
}

/** The facts a treasurer reviews in the app before confirming the same transaction on the device. */
export interface TransactionSummary {
  readonly transactionId: string;
  readonly network: ErgoNetwork;
  readonly inputCount: number;
  readonly dataInputCount: number;
  readonly nanoErgsIn: bigint;
  readonly fee: bigint;
  readonly outputs: readonly SummaryOutput[];
  /** Distinct token ids over inputs and outputs: the Ledger app holds at most a fixed number in memory. */
  readonly distinctTokenCount: number;
  /** Outputs to a script (not a plain address, not change, not the fee) need the app's blind-signing setting. */
  readonly needsBlindSigning: boolean;
  readonly keyPaths: readonly string[];
}

const P2PK_TREE = /^0008cd0[23][0-9a-f]{64}$/;

export function p2pkErgoTree(publicKey: Uint8Array): string {
  return ErgoAddress.fromPublicKey(publicKey).ergoTree;
}

export function summarizeTransaction(request: SigningRequest, network: ErgoNetwork): TransactionSummary {
  const tx = request.transaction;
  const changeErgoTree = request.change ? p2pkErgoTree(hex.decode(request.change.publicKey)) : undefined;
  const addressNetwork = network === 'mainnet' ? Network.Mainnet : Network.Testnet;
  const outputs = tx.outputs.map((output, index): SummaryOutput => ({
    index,
    kind: outputKind(output.ergoTree, changeErgoTree),
    address: ErgoAddress.fromErgoTree(output.ergoTree, addressNetwork).encode(addressNetwork),
    nanoErgs: BigInt(output.value),
    tokens: output.assets.map((asset) => ({ tokenId: asset.tokenId, amount: BigInt(asset.amount) })),
  }));
  const tokenIds = new Set([...tx.inputs, ...tx.outputs].flatMap((box) => box.assets.map((asset) => asset.tokenId)));
  return {
    transactionId: transactionId(tx),
    network,
    inputCount: tx.inputs.length,
    dataInputCount: tx.dataInputs.length,
    nanoErgsIn: tx.inputs.reduce((sum, input) => sum + BigInt(input.value), 0n),
    fee: outputs.filter((output) => output.kind === 'fee').reduce((sum, output) => sum + output.nanoErgs, 0n),
    outputs,
    distinctTokenCount: tokenIds.size,
    needsBlindSigning: outputs.some((output) => output.kind === 'contract'),
    keyPaths: distinctKeyPaths(request.inputKeyPaths),
  };
}

function outputKind(ergoTree: string, changeErgoTree: string | undefined): OutputKind {
  if (ergoTree === changeErgoTree) return 'change';
  if (ergoTree === FEE_CONTRACT) return 'fee';
  return P2PK_TREE.test(ergoTree) ? 'address' : 'contract';
}
