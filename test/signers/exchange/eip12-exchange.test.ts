import type { SignedTransaction } from '@fleet-sdk/common';
import { describe, expect, it } from 'vitest';
import { exportUnsignedTransaction, importSignedTransaction, type InputProofVerifier } from '../../../electron/core/signers/exchange/eip12-exchange';
import { SoftwareSigner } from '../../../electron/core/signers/software/software-signer';
import { aPayment, extensionGuardedBox, member, p2pkBox, SEVEN_IN_VAR_0, TEST_MNEMONIC } from '../fixtures';
import { interpreterAccepts } from '../interpreter';

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

    const imported = importSignedTransaction(JSON.stringify(signed), request.transaction);

    expect(imported.id).toBe(signed.id);
    expect(interpreterAccepts(request.transaction, imported)).toEqual([true]);
  });

  it('refuses a signed transaction whose outputs were changed', async () => {
    const request = trade();
    const signed = await signedElsewhere(request);
    const tampered = { ...signed, outputs: signed.outputs.map((o, i) => (i === 0 ? { ...o, value: '999' } : o)) };

    expect(() => importSignedTransaction(JSON.stringify(tampered), request.transaction)).toThrow(expect.objectContaining({ code: 'signature-invalid' }));
  });

  it('refuses a signature that does not verify', async () => {
    const request = trade();
    const signed = await signedElsewhere(request);
    const proof = signed.inputs[0]?.spendingProof?.proofBytes ?? '';
    const broken = { ...signed, inputs: [{ ...signed.inputs[0], spendingProof: { proofBytes: `${proof.slice(0, -2)}00`, extension: {} } }] };

    expect(() => importSignedTransaction(JSON.stringify(broken), request.transaction)).toThrow(expect.objectContaining({ code: 'signature-invalid' }));
  });

  it('refuses what is not a signed transaction', () => {
    expect(() => importSignedTransaction('{"hello":1}', trade().transaction)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('needs an interpreter-backed verifier for contract inputs, and accepts them with one', async () => {
    const request = aPayment({ inputs: [{ box: extensionGuardedBox(2), owner: 2, extension: SEVEN_IN_VAR_0 }], to: member(5).address });
    const signed = await signedElsewhere(request);
    const json = JSON.stringify(signed);
    const interpreter: InputProofVerifier = (_input, index) => interpreterAccepts(request.transaction, signed)[index] === true;

    expect(() => importSignedTransaction(json, request.transaction)).toThrow(expect.objectContaining({ code: 'signature-invalid' }));
    expect(importSignedTransaction(json, request.transaction, interpreter).id).toBe(signed.id);
  });
});
