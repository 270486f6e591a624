import { describe, expect, it } from 'vitest';
import { SoftwareSigner } from '../../../electron/core/signers/software/software-signer';
import { aPayment, extensionGuardedBox, member, p2pkBox, SEVEN_IN_VAR_0, TEST_MNEMONIC } from '../fixtures';
import { interpreterAccepts } from '../interpreter';

describe('SoftwareSigner', () => {
  it('signs behind the same interface, and the interpreter accepts the proofs', async () => {
    const signer = SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'testnet' });
    const request = aPayment({
      inputs: [
        { box: p2pkBox(1), owner: 1 },
        { box: extensionGuardedBox(2), owner: 2, extension: SEVEN_IN_VAR_0 },
      ],
      to: member(5).address,
    });
    const reviews: number[] = [];

    const signed = await signer.sign(request, { beforeDevicePrompt: (info) => void reviews.push(info.deviceReviews) });

    expect(interpreterAccepts(request.transaction, signed)).toEqual([true, true]);
    expect(reviews).toEqual([2]);
  });

  it('derives the same keys as the Ledger for the same seed and path', async () => {
    const signer = SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'testnet' });

    expect(Buffer.from(await signer.publicKey(member(3).keyPath)).toString('hex')).toBe(member(3).publicKey);
  });

  it('refuses mainnet unless the caller acknowledges the key is unprotected', () => {
    expect(() => SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'mainnet' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'mainnet', acknowledgeUnprotectedMainnetKey: true }).network).toBe('mainnet');
  });

  it('makes a proof the interpreter rejects when the builder names a key the box does not require', async () => {
    const signer = SoftwareSigner.fromMnemonic(TEST_MNEMONIC, { network: 'testnet' });
    const request = aPayment({ inputs: [{ box: p2pkBox(1), owner: 1 }], to: member(5).address });
    const wrongKey = { ...request, inputKeyPaths: [member(2).keyPath] };

    // The proof verifies only against the key that made it, so a builder bug cannot produce a "signed" tx
    // whose proof is for the wrong key without the interpreter noticing.
    const signed = await signer.sign(wrongKey);
    expect(interpreterAccepts(request.transaction, signed)).toEqual([false]);
  });
});
