import type { ContextExtension, EIP12UnsignedTransaction, NonMandatoryRegisters } from '@fleet-sdk/common';
import { Network as AddressNetwork } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import { SigmaByteWriter } from '@fleet-sdk/serializer';
import type { UnsignedTx } from 'ledger-ergo-js';
import { AppError } from '../../errors/app-error';
import { parseKeyPath } from '../key-paths';
import type { OwnKey, SigningRequest } from '../signer';

/**
 * Distinct tokens the Ergo app can hold in one transaction (inputs and outputs together). The app's
 * TOKEN_MAX_COUNT was 10, then 20 (Nov 2022), then 100 (Oct 2024); 20 is what the treasurer's
 * installed app can be trusted to accept (docs/ARCHITECTURE.md, Signing).
 */
export const DEFAULT_DISTINCT_TOKEN_LIMIT = 20;

/** Maps a Fleet-built EIP-12 transaction to ledger-ergo-js's streaming format, byte for byte. */
export function toLedgerTransaction(request: SigningRequest, tokenLimit = DEFAULT_DISTINCT_TOKEN_LIMIT): UnsignedTx {
  const tx = request.transaction;
  assertOnePathPerInput(request);
  assertTokenCount(tx, tokenLimit);
  return {
    inputs: tx.inputs.map((input, i) => ({
      txId: input.transactionId,
      index: input.index,
      value: input.value,
      ergoTree: Buffer.from(input.ergoTree, 'hex'),
      creationHeight: input.creationHeight,
      tokens: input.assets.map((asset) => ({ id: asset.tokenId, amount: asset.amount })),
      additionalRegisters: serializeRegisters(input.additionalRegisters),
      extension: serializeExtension(input.extension),
      signPath: request.inputKeyPaths[i] as string,
    })),
    dataInputs: tx.dataInputs.map((dataInput) => dataInput.boxId),
    outputs: tx.outputs.map((output) => ({
      value: output.value,
      ergoTree: Buffer.from(output.ergoTree, 'hex'),
      creationHeight: output.creationHeight,
      tokens: output.assets.map((asset) => ({ id: asset.tokenId, amount: asset.amount })),
      registers: serializeRegisters(output.additionalRegisters),
    })),
    // Same order as the serializer's token table (first appearance over the outputs): the device
    // rebuilds bytesToSign from these indexes, so any other order signs a different transaction.
    distinctTokenIds: distinctOutputTokenIds(tx).map((id) => hex.decode(id)),
    changeMap: changeMap(request.change),
  };
}

/**
 * ledger-ergo-js recognises the change output by comparing ErgoAddress.fromErgoTree(tree).toString()
 * with this address; its bundled Fleet encodes with the mainnet prefix whatever the network, so the
 * change address must be mainnet-encoded here too. With no change path nothing can match.
 */
function changeMap(change: OwnKey | undefined): UnsignedTx['changeMap'] {
  if (!change) return { address: '', path: '' };
  parseKeyPath(change.keyPath);
  return { address: ErgoAddress.fromPublicKey(change.publicKey).encode(AddressNetwork.Mainnet), path: change.keyPath };
}

function distinctOutputTokenIds(tx: EIP12UnsignedTransaction): string[] {
  return [...new Set(tx.outputs.flatMap((output) => output.assets.map((asset) => asset.tokenId)))];
}

/** Count byte then R4, R5, … in order; empty when there are none (the device then hashes the 0 count itself). */
function serializeRegisters(registers: NonMandatoryRegisters): Buffer {
  const values = (['R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const).map((key) => registers[key]).filter((value): value is string => !!value);
  if (values.length === 0) return Buffer.alloc(0);
  return Buffer.from(new SigmaByteWriter(4096).writeArray(values, (writer, value) => writer.writeHex(value)).toBytes());
}

/** Count then (key, constant) pairs, as in bytesToSign; an empty extension is the single byte 0. */
function serializeExtension(extension: ContextExtension): Buffer {
  const entries = Object.entries(extension).filter((entry): entry is [string, string] => !!entry[1]);
  const writer = new SigmaByteWriter(4096).writeArray(entries, (w, [key, value]) => w.writeUInt(Number(key)).writeHex(value));
  return Buffer.from(writer.toBytes());
}

function assertOnePathPerInput(request: SigningRequest): void {
  if (request.inputKeyPaths.length !== request.transaction.inputs.length) {
    throw new AppError('invalid-input', 'Every input of the transaction needs a signing key.', 'This is a bug in the app: the transaction was built without its signers.');
  }
  request.inputKeyPaths.forEach(parseKeyPath);
}

function assertTokenCount(tx: EIP12UnsignedTransaction, limit: number): void {
  const count = new Set([...tx.inputs, ...tx.outputs].flatMap((box) => box.assets.map((asset) => asset.tokenId))).size;
  if (count > limit) {
    throw new AppError(
      'limit-exceeded',
      `This transaction moves ${count} different tokens; the Ledger can sign at most ${limit} at once.`,
      'Split the work into smaller transactions (fewer boxes per transaction), then sign each one.',
    );
  }
}
