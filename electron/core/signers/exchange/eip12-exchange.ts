import type { EIP12UnsignedTransaction, SignedTransaction } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { provesInput, type NextBlock } from '../../interpreter/sigma-interpreter';
import { bytesToSign } from '../../transactions/transaction-bytes';
import { assembleSignedTransaction } from '../signed-transaction';

/**
 * Unsigned transactions go out as plain EIP-12 JSON, the format Ergo wallets (e.g. Nautilus) sign, so a
 * member can sign a trade in their own wallet. Amounts stay decimal strings; nothing is lost in JSON.
 */
export function exportUnsignedTransaction(tx: EIP12UnsignedTransaction): string {
  return JSON.stringify(tx, null, 2);
}

const hexString = z.string().regex(/^([0-9a-fA-F]{2})*$/);
const signedTransactionJson = z.object({
  id: hexString.length(64).optional(),
  inputs: z.array(z.object({ boxId: hexString.length(64), spendingProof: z.object({ proofBytes: hexString, extension: z.record(z.string(), hexString).default({}) }) })),
  dataInputs: z.array(z.object({ boxId: hexString.length(64) })).default([]),
  outputs: z.array(z.unknown()),
});

/**
 * Accepts a signed transaction from another wallet only if it is exactly the exported one (same
 * inputs, extensions, data inputs and outputs, hence the same id) and every proof satisfies its input's script,
 * reduced by the interpreter in this transaction's context at `next` block (a contract box's proposition depends on
 * the outputs, so a plain signature check is not enough). Anything else is refused before it can be submitted.
 */
export function importSignedTransaction(json: string, exported: EIP12UnsignedTransaction, next: NextBlock): SignedTransaction {
  const parsed = signedTransactionJson.safeParse(parseJson(json));
  if (!parsed.success) {
    throw new AppError('invalid-input', 'This file is not a signed Ergo transaction.', 'Export the signed transaction from the wallet as JSON and import that file.');
  }
  const { inputs, dataInputs, outputs, id } = parsed.data;
  const sameInputs =
    inputs.length === exported.inputs.length &&
    inputs.every((input, i) => input.boxId === exported.inputs[i]?.boxId && sameExtension(input.spendingProof.extension, exported.inputs[i]?.extension ?? {}));
  const sameDataInputs = dataInputs.map((d) => d.boxId).join() === exported.dataInputs.map((d) => d.boxId).join();
  if (!sameInputs || !sameDataInputs || outputs.length !== exported.outputs.length) throw notTheExportedTransaction();
  const proofs = inputs.map((input) => hex.decode(input.spendingProof.proofBytes));
  // Rebuilt from the exported transaction, so every field is ours; only the proofs come from the file.
  const rebuilt = assembleSignedTransaction(exported, proofs);
  if ((id !== undefined && id !== rebuilt.id) || !sameOutputBoxes(outputs, rebuilt)) throw notTheExportedTransaction();
  const message = bytesToSign(exported);
  inputs.forEach((input, i) => {
    if (!provesInput(exported, i, next, message, input.spendingProof.proofBytes)) {
      throw new AppError('signature-invalid', `The signature for input ${i + 1} is not valid.`, 'Sign the exported file again in the wallet that owns this box.');
    }
  });
  return rebuilt;
}

function notTheExportedTransaction(): AppError {
  return new AppError('signature-invalid', 'The imported transaction is not the one that was exported for signing.', 'Export the trade again, sign exactly that file in the wallet, and import the result.');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sameExtension(a: Record<string, string>, b: Record<number, string | undefined>): boolean {
  const entries = (record: Record<string | number, string | undefined>) =>
    Object.entries(record)
      .filter(([, value]) => !!value)
      .map(([key, value]) => `${key}=${value?.toLowerCase()}`)
      .sort()
      .join();
  return entries(a) === entries(b);
}

/** Wallets may write amounts as numbers or strings; compare the fields that define a box. */
function sameOutputBoxes(outputs: unknown[], rebuilt: SignedTransaction): boolean {
  return outputs.every((output, i) => {
    const mine = rebuilt.outputs[i];
    const theirs = output as { boxId?: unknown; value?: unknown; ergoTree?: unknown };
    return mine !== undefined && (theirs.boxId === undefined || theirs.boxId === mine.boxId) && String(theirs.value) === String(mine.value) && theirs.ergoTree === mine.ergoTree;
  });
}
