import type { Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { compile } from '@fleet-sdk/compiler';
import { ErgoAddress, OutputBuilder, RECOMMENDED_MIN_FEE_VALUE, TransactionBuilder } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import { mockUTxO } from '@fleet-sdk/mock-chain';
import { SGroupElement, SInt } from '@fleet-sdk/serializer';
import { ErgoHDKey } from '@fleet-sdk/wallet';
import { addressKeyPath } from '../../electron/core/signers/key-paths';
import type { OwnKey, SigningRequest } from '../../electron/core/signers/signer';
import { TEST_MNEMONIC } from './emulator/ergo-app-emulator';

export { TEST_MNEMONIC };

const HEIGHT = 1_000_000;
const master = ErgoHDKey.fromMnemonicSync(TEST_MNEMONIC, { path: '' });

/** Key `index` of account 0 of the test seed, as the emulated Ledger and the software signer hold it. */
export function member(index: number): OwnKey & { address: ErgoAddress; publicKeyBytes: Uint8Array } {
  const keyPath = addressKeyPath(0, index);
  const key = master.derive(keyPath);
  return { keyPath, publicKey: hex.encode(key.publicKey), publicKeyBytes: key.publicKey, address: key.address };
}

export function aToken(seed: number): string {
  return seed.toString(16).padStart(64, '0');
}

interface BoxOptions {
  nanoErgs?: bigint;
  tokens?: { tokenId: string; amount: bigint }[];
  registers?: Box<bigint>['additionalRegisters'];
}

export function p2pkBox(owner: number, options: BoxOptions = {}): Box<bigint> {
  return mockUTxO({
    ergoTree: member(owner).address.ergoTree,
    value: options.nanoErgs ?? 5_000_000_000n,
    assets: options.tokens ?? [],
    additionalRegisters: options.registers ?? {},
    creationHeight: HEIGHT - 100,
  });
}

/** A box only `owner` can spend, and only when context variable 0 holds the Int 7. */
export function extensionGuardedBox(owner: number, nanoErgs = 2_000_000_000n): Box<bigint> {
  const tree = compile('proveDlog(owner) && sigmaProp(getVar[Int](0).get == 7)', {
    map: { owner: SGroupElement(member(owner).publicKeyBytes) },
  });
  return mockUTxO({ ergoTree: tree.toHex(), value: nanoErgs, creationHeight: HEIGHT - 50 });
}

export const SEVEN_IN_VAR_0 = { 0: SInt(7).toHex() };

interface PaymentOptions {
  inputs: { box: Box<bigint>; owner: number; extension?: Record<number, string> }[];
  to: ErgoAddress | string;
  nanoErgs?: bigint;
  tokens?: { tokenId: string; amount: bigint }[];
  dataInputs?: Box<bigint>[];
  changeTo?: number;
  /** Registers on the payment output (hex constants). */
  registers?: Record<string, string>;
}

/** An ordinary Fleet-built payment, plus which key proves each input. */
export function aPayment(options: PaymentOptions): SigningRequest {
  const change = member(options.changeTo ?? 0);
  const payment = new OutputBuilder(options.nanoErgs ?? 1_000_000_000n, options.to);
  if (options.tokens?.length) payment.addTokens(options.tokens);
  if (options.registers) payment.setAdditionalRegisters(options.registers);
  const builder = new TransactionBuilder(HEIGHT)
    .from(options.inputs.map(({ box }) => box), { ensureInclusion: true })
    .to(payment)
    .sendChangeTo(change.address)
    .payFee(RECOMMENDED_MIN_FEE_VALUE);
  if (options.dataInputs) builder.withDataFrom(options.dataInputs);
  const transaction: EIP12UnsignedTransaction = builder.build().toEIP12Object();
  const byBoxId = new Map(options.inputs.map((input) => [input.box.boxId, input]));
  for (const input of transaction.inputs) input.extension = byBoxId.get(input.boxId)?.extension ?? {};
  return {
    transaction,
    inputKeyPaths: transaction.inputs.map((input) => member(ownerOf(byBoxId.get(input.boxId))).keyPath),
    change: { keyPath: change.keyPath, publicKey: change.publicKey },
  };
}

function ownerOf(input: { owner: number } | undefined): number {
  if (!input) throw new Error('the builder spent a box the test did not provide');
  return input.owner;
}
