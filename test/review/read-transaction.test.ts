import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { Network } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { createNodeIndex } from '../../electron/core/chain/node-index';
import { encodeAccountRegisters } from '../../electron/core/contracts/registers';
import { foundLets, type DemoLets, type DemoParty, type DemoSession } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet } from '../../electron/core/devnet/devnet-server';
import type { Db } from '../../electron/core/mirror/database';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { deviceScreens } from '../../electron/core/review/device-screens';
import { readingContext } from '../../electron/core/review/reading-context';
import { readTransaction } from '../../electron/core/review/read-transaction';
import { appendGeneratedTrades } from '../helpers/generated-trades';
import { openMirrorFollowing } from '../helpers/mirror-following';
import { unsignedFromChain } from '../helpers/unsigned-from-chain';

/**
 * The review reads what a transaction does from its boxes, never from the form: transactions built by hand that
 * differ from what a form asked are described as they are, with every output the reader cannot explain named; and a
 * trade from a long generated history reads exactly as the mirror's ledger entry for it.
 */
describe('reading a transaction from its boxes', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let session: DemoSession;
  let db: Db;
  const stranger = ErgoAddress.fromPublicKey('02e493dbf1c10d80f3581e4904930b1404cc6c13900ee0758474fa94abe8c4cd13');
  const member = (name: string) => demo.members.find((m) => m.name === name) as DemoParty;

  beforeAll(async () => {
    chain = new DevnetChain();
    ({ demo, session } = await foundLets(chain, { parameters: { name: 'Read LETS', unit: 'EUR-LETS', floor: -200_00n, cap: 500_00n }, memberNames: ['Alice', 'Bob', 'Charlie'] }));
    db = openMirrorFollowing(join(mkdtempSync(join(tmpdir(), 'lets-read-')), 'mirror.sqlite'), demo).db;
    await syncOnce(db, chain);
    // Names as the treasurer typed them over the placeholders the sync gave the three accounts.
    for (const m of demo.members) db.prepare('UPDATE member_profiles SET name = ?, named = 1 WHERE owner_key = ?').run(m.name, m.publicKey);
  }, 60_000);

  /** The trade the form "Alice pays Bob 2.00" makes, as the builder makes it, for a test to change by hand. */
  async function trade(payee = 'Bob', amount = 2_00n): Promise<EIP12UnsignedTransaction> {
    const alice = member('Alice');
    return buildTrade({
      ...(await session.funding(alice)),
      lets: demo.lets,
      payer: { name: 'Alice', box: await session.accountBox(demo, alice) },
      payee: { name: payee, box: await session.accountBox(demo, member(payee)) },
      amount,
    });
  }
  const read = (tx: EIP12UnsignedTransaction) => readTransaction(tx, readingContext(db, 'devnet'), tx.inputs.map(() => member('Alice').publicKey));

  it('reads a trade as the builder made it, and explains every box', async () => {
    const reading = read(await trade());
    expect(reading).toMatchObject({
      lets: { name: 'Read LETS', unit: 'EUR-LETS' },
      kind: 'trade',
      headline: 'Alice pays Bob 2.00 EUR-LETS',
      amount: 2_00n,
      accounts: [
        { name: 'Alice', before: 0n, after: -2_00n },
        { name: 'Bob', before: 0n, after: 2_00n },
      ],
      warnings: [],
    });
    expect(reading.outputs.map((o) => o.what)).toEqual(['Alice’s account at −2.00', 'Bob’s account at 2.00', 'the miner fee', 'change back to Alice’s wallet']);
    expect(reading.inputs.map((i) => i.what)).toEqual(['Alice’s account at 0.00', 'Bob’s account at 0.00', 'Alice’s wallet (pays the fee)']);
    expect(reading.fee).toBe(1_100_000n);
  });

  it('says the amount the boxes move, whatever amount the form asked for', async () => {
    const tx = await trade();
    const [payer, payee] = tx.outputs as [EIP12UnsignedTransaction['outputs'][0], EIP12UnsignedTransaction['outputs'][0]];
    payer.additionalRegisters = encodeAccountRegisters({ owner: member('Alice').publicKey, balance: -50_00n });
    payee.additionalRegisters = encodeAccountRegisters({ owner: member('Bob').publicKey, balance: 50_00n });
    expect(read(tx)).toMatchObject({ headline: 'Alice pays Bob 50.00 EUR-LETS', amount: 50_00n, warnings: [] });
  });

  it('names the member the boxes pay, whoever the form named', async () => {
    expect(read(await trade('Charlie'))).toMatchObject({ headline: 'Alice pays Charlie 2.00 EUR-LETS', accounts: [{ name: 'Alice' }, { name: 'Charlie', after: 2_00n }] });
  });

  it('names an extra output to a stranger, with its ERG, and shows it among what the Ledger will show', async () => {
    const tx = await trade();
    const change = tx.outputs.at(-1) as EIP12UnsignedTransaction['outputs'][0];
    change.value = String(BigInt(change.value) - 3_200_000_000n);
    tx.outputs.push({ value: '3200000000', ergoTree: stranger.ergoTree, creationHeight: change.creationHeight, assets: [], additionalRegisters: {} });
    const reading = read(tx);
    const address = stranger.encode(Network.Testnet);
    expect(reading.headline).toBe('Alice pays Bob 2.00 EUR-LETS');
    expect(reading.warnings).toEqual([`It also sends 3.2 ERG to ${address}, which is not part of what it does for the LETS.`]);
    expect(reading.outputs.at(-1)).toMatchObject({ what: 'the wallet of 02e493db…', explained: false, nanoErgs: 3_200_000_000n });
    const screens = deviceScreens(tx, 'testnet', "m/44'/429'/0'/0/1");
    expect(screens.slice(-4)).toEqual([
      { label: 'To', value: address },
      { label: 'Amount', value: '3.200000000 ERG' },
      { label: 'Fee', value: '0.001100000 ERG' },
      { label: 'Sign transaction', value: '' },
    ]);
  });

  it('names change that goes to someone else', async () => {
    const tx = await trade();
    const change = tx.outputs.at(-1) as EIP12UnsignedTransaction['outputs'][0];
    change.ergoTree = stranger.ergoTree;
    const reading = read(tx);
    expect(reading.outputs.at(-1)).toMatchObject({ what: 'the wallet of 02e493db…', explained: false });
    expect(reading.warnings).toHaveLength(1);
    expect(reading.warnings[0]).toMatch(/^It also sends [\d.]+ ERG to 3\w+, which is not part of what it does for the LETS\.$/);
  });

  it('lists the Ledger’s screens in its order: the path, each output but the fee, the fee, then sign', async () => {
    const tx = await trade();
    const screens = deviceScreens(tx, 'testnet', "m/44'/429'/0'/0/1");
    expect(screens.map((s) => s.label)).toEqual([
      'Review transaction',
      'Script Hash', 'Amount', 'Token [1]', 'Token [1] Raw Value',
      'Script Hash', 'Amount', 'Token [1]', 'Token [1] Raw Value',
      'To', 'Amount',
      'Fee',
      'Sign transaction',
    ]);
    expect(screens[0]).toEqual({ label: 'Review transaction', value: "44'/429'/0'/0/1" });
    expect(screens[1]?.value).toBe(ErgoAddress.fromErgoTree(demo.accountTree).toP2SH(Network.Testnet));
    expect(screens[3]?.value).toBe(`${demo.lets.membershipTokenId.slice(0, 26)}...${demo.lets.membershipTokenId.slice(-26)}`);
    expect(screens[4]?.value).toBe('1');
  });

  it('reads every trade of a generated history exactly as the mirror’s ledger entries have it', async () => {
    await appendGeneratedTrades(chain, demo, { trades: 120, tradesPerBlock: 12, seed: 9 });
    await syncOnce(db, chain);
    const context = readingContext(db, 'devnet');
    const entries = db.prepare(`SELECT lower(hex(transaction_id)) AS transaction_id, member_key, delta, balance_after FROM ledger_entries WHERE kind = 'trade' ORDER BY height, transaction_id`).all() as {
      transaction_id: string;
      member_key: string;
      delta: bigint;
      balance_after: bigint;
    }[];
    const byTransaction = new Map<string, typeof entries>();
    for (const entry of entries) byTransaction.set(entry.transaction_id, [...(byTransaction.get(entry.transaction_id) ?? []), entry]);
    expect(byTransaction.size).toBeGreaterThanOrEqual(120);
    const server = await serveDevnet(chain);
    const index = createNodeIndex({ baseUrl: server.url, network: 'devnet' });
    for (const [id, [first, second]] of byTransaction) {
      const reading = readTransaction(await unsignedFromChain(index, id), context, []);
      const payer = first && first.delta < 0n ? first : second;
      expect(reading.kind).toBe('trade');
      expect(reading.amount).toBe(payer ? -payer.delta : null);
      expect(Object.fromEntries(reading.accounts.map((a) => [a.ownerKey, a.after]))).toEqual(Object.fromEntries([first, second].map((e) => [e?.member_key, e?.balance_after])));
    }
    await server.close();
  });
});
