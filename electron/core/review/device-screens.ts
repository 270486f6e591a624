import { FEE_CONTRACT, Network, type EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import type { DeviceScreen } from '../api/calls/review-types';
import type { ErgoNetwork } from '../signers/signer';

/*
 * What the Ledger's Ergo app shows before it signs, in its order, so the treasurer can compare the device with the app
 * line by line. From LedgerHQ/app-ergo (read at 9d1e7f53): one review per signing key path, which the app prepares
 * as the outputs stream in and shows when the transaction is complete (src/commands/signtx/stx_ui_*.c):
 *   "Review transaction" with the path without "m/"; then for every output but the miner fee (when it carries no
 *   tokens) and change to the signer's own path (the app sends none: ledger-signer.ts passes no change map):
 *   "To" and the P2PK address, or for a script "Script Hash" and the P2SH address (blake2b256 of the whole tree, first
 *   24 bytes: address.c), "Amount" in ERG with 9 decimals kept (format_erg_amount), and per token "Token [n]" (the id,
 *   middle elided when longer than 55 characters: first 26 + "..." + last 26) and "Token [n] Raw Value" (a raw
 *   integer); then "Fee"; then a token minted or burnt by the whole transaction; then "Sign transaction".
 */

const P2PK = /^0008cd0[23][0-9a-f]{64}$/;

function erg(nanoErgs: bigint): string {
  return `${nanoErgs / 1_000_000_000n}.${(nanoErgs % 1_000_000_000n).toString().padStart(9, '0')} ERG`;
}

function tokenId(id: string): string {
  return id.length > 55 ? `${id.slice(0, 26)}...${id.slice(-26)}` : id;
}

/** The screens of one review on the device (the app shows one per distinct signing key path). */
export function deviceScreens(tx: EIP12UnsignedTransaction, network: ErgoNetwork, keyPath: string): DeviceScreen[] {
  const prefix = network === 'mainnet' ? Network.Mainnet : Network.Testnet;
  const screens: DeviceScreen[] = [{ label: 'Review transaction', value: keyPath.replace(/^m\//, '') }];
  let fee = 0n;
  for (const output of tx.outputs) {
    const tokens = output.assets.filter((a) => BigInt(a.amount) !== 0n);
    if (output.ergoTree === FEE_CONTRACT) {
      fee += BigInt(output.value);
      if (tokens.length === 0) continue;
    }
    const address = ErgoAddress.fromErgoTree(output.ergoTree, prefix);
    screens.push(P2PK.test(output.ergoTree) ? { label: 'To', value: address.encode(prefix) } : { label: 'Script Hash', value: address.toP2SH(prefix) });
    screens.push({ label: 'Amount', value: erg(BigInt(output.value)) });
    tokens.forEach((token, i) => {
      screens.push({ label: `Token [${i + 1}]`, value: tokenId(token.tokenId) }, { label: `Token [${i + 1}] Raw Value`, value: String(BigInt(token.amount)) });
    });
  }
  screens.push({ label: 'Fee', value: erg(fee) });
  for (const [i, [id, change]] of mintedOrBurnt(tx).entries()) {
    screens.push({ label: `Token [${i + 1}]`, value: tokenId(id) }, { label: `Token [${i + 1}] Raw Value`, value: change > 0n ? `Minting: ${change}` : `Burning: ${-change}` });
  }
  screens.push({ label: 'Sign transaction', value: '' });
  return screens;
}

/** Tokens whose amount out differs from the amount in: minted (more out) or burnt (less out). */
function mintedOrBurnt(tx: EIP12UnsignedTransaction): [string, bigint][] {
  const balance = new Map<string, bigint>();
  for (const input of tx.inputs) for (const a of input.assets) balance.set(a.tokenId, (balance.get(a.tokenId) ?? 0n) - BigInt(a.amount));
  for (const output of tx.outputs) for (const a of output.assets) balance.set(a.tokenId, (balance.get(a.tokenId) ?? 0n) + BigInt(a.amount));
  return [...balance.entries()].filter(([, change]) => change !== 0n);
}
