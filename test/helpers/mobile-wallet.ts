import type { SignedTransaction } from '@fleet-sdk/common';
import { ProverBuilder$, ReducedTransaction$, type ReducedTransaction } from 'sigmastate-js/main';
import type { SignedTransactionJson } from '../../electron/core/chain/chain-source';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';
import { PARAMETERS } from '../../electron/core/interpreter/sigma-interpreter';
import { reducedTransactionOf } from '../../electron/core/signers/exchange/ergopay';

const TESTNET = 16;

/**
 * A member's mobile wallet as tests stand it in: it scans an ErgoPay request (EIP-20 static: `ergopay:` + the reduced
 * transaction), signs exactly the reduced transaction with its key (sigmastate-js, as the Ergo wallets do through
 * appkit) and hands back the signed transaction for the node. It never sees the app's transaction otherwise.
 */
export class MobileWallet {
  readonly #prover;

  constructor(mnemonic: string, addressIndex: number) {
    this.#prover = ProverBuilder$.create(PARAMETERS, TESTNET).withMnemonic(mnemonic, '').withEip3Secret(addressIndex).build();
  }

  sign(ergoPayUri: string): SignedTransactionJson {
    const reduced = reducedTransactionOf(ergoPayUri);
    if (reduced === undefined) throw new Error(`not an ErgoPay request: ${ergoPayUri.slice(0, 40)}`);
    // The .d.ts declares the companion as a class; at run time it is a Scala.js object with fromHex().
    const fromHex = (ReducedTransaction$ as unknown as { fromHex(hex: string): ReducedTransaction }).fromHex;
    const signed = this.#prover.signReduced(fromHex(reduced), undefined) as unknown as SignedTransaction;
    return toSignedTransactionJson(signed);
  }
}
