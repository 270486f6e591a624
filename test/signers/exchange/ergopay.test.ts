import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrade } from '../../../electron/core/builders/trade';
import { DEMO_MNEMONIC, seedDemoLets, type DemoLets, DemoSession, type DemoParty } from '../../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../../electron/core/devnet/devnet-chain';
import { ergoPayRequest, reducedTransactionOf } from '../../../electron/core/signers/exchange/ergopay';
import { QR_MAX_CHARACTERS } from '../../../electron/core/api/ergopay-uri';
import { transactionId } from '../../../electron/core/transactions/transaction-bytes';
import { MobileWallet } from '../../helpers/mobile-wallet';

/**
 * An ErgoPay request carries the reduced transaction: a wallet that knows nothing of the chain signs it as it is, the
 * devnet's interpreter accepts the result, and its id is the id the app filed. A proof changed on the way is refused.
 */
describe('ErgoPay signing requests', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let session: DemoSession;
  const member = (name: string) => demo.members.find((m) => m.name === name) as DemoParty;

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    session = DemoSession.create(chain);
  }, 60_000);

  const aliceTrade = async () =>
    buildTrade({
      ...(await session.funding(member('Alice'))),
      lets: demo.lets,
      payer: { name: 'Alice', box: await session.accountBox(demo, member('Alice')) },
      payee: { name: 'Bob', box: await session.accountBox(demo, member('Bob')) },
      amount: 1_00n,
    });

  it('is signed by a wallet from the request alone, and the chain takes it under the id the app filed', async () => {
    const tx = await aliceTrade();
    const request = ergoPayRequest(tx, { height: chain.height + 1 });
    expect(request.uri).toMatch(/^ergopay:[A-Za-z0-9_-]+=*$/);
    expect(request.fitsOneQrCode).toBe(true);
    expect(request.uri.length).toBeLessThan(QR_MAX_CHARACTERS);
    expect(reducedTransactionOf('ergo:3Wx…')).toBeUndefined();

    // Alice's phone holds her key (the demo seed's address 1).
    const signed = new MobileWallet(DEMO_MNEMONIC, 1).sign(request.uri);
    expect(await chain.submit(signed)).toBe(transactionId(tx));
    chain.mine();
  });

  it('a result whose proof was changed on the way is refused by the chain', async () => {
    const tx = await aliceTrade();
    const signed = new MobileWallet(DEMO_MNEMONIC, 1).sign(ergoPayRequest(tx, { height: chain.height + 1 }).uri);
    const proof = signed.inputs[0]?.spendingProof;
    if (!proof) throw new Error('no proof');
    proof.proofBytes = `${proof.proofBytes.slice(0, -2)}${proof.proofBytes.endsWith('00') ? '01' : '00'}`;
    await expect(chain.submit(signed)).rejects.toThrow('the signature for input 1 is missing or wrong');
  });

  it('says when the request is too large for one QR code: a payer whose fee comes from many small coins', async () => {
    // 40 coins of 27 500 nanoERG make the fee (0.0011 ERG) exactly, so every one of them is an input.
    const dust = await session.party('Dusty', 40);
    await chain.faucet(Array.from({ length: 40 }, () => ({ ergoTree: dust.ergoTree, value: 27_500n })));
    chain.mine();
    const tx = buildTrade({
      ...(await session.funding(dust)),
      lets: demo.lets,
      payer: { name: 'Alice', box: await session.accountBox(demo, member('Alice')) },
      payee: { name: 'Bob', box: await session.accountBox(demo, member('Bob')) },
      amount: 1n,
    });
    expect(tx.inputs.length).toBeGreaterThan(30);
    const request = ergoPayRequest(tx, { height: chain.height + 1 });
    expect(request.uri.length).toBeGreaterThan(QR_MAX_CHARACTERS);
    expect(request.fitsOneQrCode).toBe(false);
  });

  it('signed with another key than the payer’s, is refused', async () => {
    const tx = await aliceTrade();
    await expect(() => new MobileWallet(DEMO_MNEMONIC, 2).sign(ergoPayRequest(tx, { height: chain.height + 1 }).uri)).toThrow();
  });
});
