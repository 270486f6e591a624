import { describe, expect, it } from 'vitest';
import { verification } from '../../electron/core/statements/verification';

const TOKEN = 'a1'.repeat(32);
const box = { boxId: 'b2'.repeat(32), transactionId: 'c3'.repeat(32), height: 1_234_567, headerId: null };
const facts = { unit: 'hours', membershipTokenId: TOKEN, closingBox: box, closingBalance: -15_000n };

describe('how anyone can check a closing balance against the chain', () => {
  it('states the claim with the membership token, the box, the balance in the LETS’s unit as the statement shows it and as its register holds it, and the height', () => {
    expect(verification({ ...facts, network: 'devnet' }).claim).toBe(`LETS ${TOKEN} box ${box.boxId}: balance \u2212150.00 hours (register R5 = -15000) at height 1234567`);
  });

  it('links the public explorer record of the box on mainnet and testnet, and encodes that link in the QR code', () => {
    const mainnet = verification({ ...facts, network: 'mainnet' });
    expect(mainnet.url).toBe(`https://api.ergoplatform.com/api/v1/boxes/${box.boxId}`);
    expect(mainnet.qrContent).toBe(mainnet.url);
    expect(verification({ ...facts, network: 'testnet' }).url).toBe(`https://api-testnet.ergoplatform.com/api/v1/boxes/${box.boxId}`);
  });

  it('offers no link and prints no QR code for the devnet, which nobody else can see, and says so', () => {
    const devnet = verification({ ...facts, network: 'devnet' });
    expect(devnet.url).toBeNull();
    expect(devnet.qrContent).toBeNull();
    expect(devnet.note).toMatch(/exists only on this computer: nobody else can check it, so no QR code is printed/);
  });

  it('has nothing to check for a member without an account at the end of the period', () => {
    expect(verification({ ...facts, network: 'mainnet', closingBox: null })).toMatchObject({ claim: null, url: null, qrContent: null });
  });
});
