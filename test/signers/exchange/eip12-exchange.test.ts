import type { SignedTransaction } from '@fleet-sdk/common';
import { describe, expect, it } from 'vitest';
import { exportUnsignedTransaction, importSignedTransaction } from '../../../electron/core/signers/exchange/eip12-exchange';
import { SoftwareSigner } from '../../../electron/core/signers/software/software-signer';
import { aPayment, extensionGuardedBox, member, p2pkBox, SEVEN_IN_VAR_0, TEST_MNEMONIC } from '../fixtures';
import { interpreterAccepts } from '../interpreter';

const NEXT_BLOCK = { height: 1_000 };
const otherWallet = SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'testnet' });

async function signedElsewhere(request: ReturnType<typeof aPayment>): Promise<SignedTransaction> {
  const exported = JSON.parse(exportUnsignedTransaction(request.transaction));
  return otherWallet.sign({ ...request, transaction: exported });
}

describe('exchange with other wallets (EIP-12 JSON)', () => {
  const trade = () => aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });

  it('round-trips: export, sign in another wallet, import verified', async () => {
    const request = trade();
    const signed = await signedElsewhere(request);

    const imported = importSignedTransaction(JSON.stringify(signed), request.transaction, NEXT_BLOCK);

    expect(imported.id).toBe(signed.id);
    expect(interpreterAccepts(request.transaction, imported)).toEqual([true]);
  });

  it('refuses a signed transaction whose outputs were changed', async () => {
    const request = trade();
    const signed = await signedElsewhere(request);
    const tampered = { ...signed, outputs: signed.outputs.map((o, i) => (i === 0 ? { ...o, value: '999' } : o)) };

    expect(() => importSignedTransaction(JSON.stringify(tampered), request.transaction, NEXT_BLOCK)).toThrow(expect.objectContaining({ code: 'signature-invalid' }));
  });

  it('refuses a signature that does not verify', async () => {
    const request = trade();
    const signed = await signedElsewhere(request);
    const proof = signed.inputs[0]?.spendingProof?.proofBytes ?? '';
    const broken = { ...signed, inputs: [{ ...signed.inputs[0], spendingProof: { proofBytes: `${proof.slice(0, -2)}${proof.endsWith('00') ? '01' : '00'}`, extension: {} } }] };

    expect(() => importSignedTransaction(JSON.stringify(broken), request.transaction, NEXT_BLOCK)).toThrow(expect.objectContaining({ code: 'signature-invalid' }));
  });

  it('refuses what is not a signed transaction', () => {
    expect(() => importSignedTransaction('{"hello":1}', trade().transaction, NEXT_BLOCK)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('checks contract inputs with the interpreter, in the transaction’s context', async () => {
    const request = aPayment({ inputs: [{ box: extensionGuardedBox(2), owner: 2, extension: SEVEN_IN_VAR_0 }], to: member(5).address });
    const signed = await signedElsewhere(request);

    expect(importSignedTransaction(JSON.stringify(signed), request.transaction, NEXT_BLOCK).id).toBe(signed.id);
  });

  it('refuses a contract input whose proof is by the wrong key', async () => {
    const request = aPayment({ inputs: [{ box: extensionGuardedBox(2), owner: 2, extension: SEVEN_IN_VAR_0 }], to: member(5).address });
    const byWrongKey = await signedElsewhere({ ...request, inputKeyPaths: [member(3).keyPath] });

    expect(() => importSignedTransaction(JSON.stringify(byWrongKey), request.transaction, NEXT_BLOCK)).toThrow(
      expect.objectContaining({ code: 'signature-invalid', message: 'The signature for input 1 is not valid.' }),
    );
  });
});
