import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTrade } from '../../electron/core/builders/trade';
import { toSignedTransactionJson } from '../../electron/core/chain/signed-transaction-json';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { DemoSession, seedDemoLets, type DemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import type { Db } from '../../electron/core/mirror/database';
import { addToOutbox, discardOutboxItem, moveOutboxItem, outboxItem, reconcileOutbox } from '../../electron/core/mirror/queries/outbox';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { pollOnce } from '../../electron/core/mirror/sync/sync-loop';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { aMirrorFollowing } from '../helpers/mirror-fixtures';

let clock = 1_767_225_600_000;

/** The chain as a node sees it while still downloading: it knows headers `ahead` blocks beyond its full blocks. */
function reportingHeaders(chain: DevnetChain, ahead: number): ChainSource {
  return new Proxy(chain, {
    get(target, property, receiver) {
      if (property === 'tip') return async () => ({ ...(await target.tip()), headersHeight: target.height + ahead });
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
const CONFIRMATIONS = 3;
const UNSEEN_POLLS = 4;

describe('the outbox of own transactions', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let session: DemoSession;
  let db: Db;
  let alice: DemoParty;
  let bob: DemoParty;

  beforeEach(async () => {
    chain = new DevnetChain({ now: () => (clock += 120_000) });
    demo = await seedDemoLets(chain);
    session = DemoSession.create(chain);
    [alice, bob] = demo.members as [DemoParty, DemoParty];
    ({ db } = aMirrorFollowing(demo));
    await syncOnce(db, chain);
  });

  async function aliceRecordsTrade(amount: bigint): Promise<{ tx: EIP12UnsignedTransaction; id: string }> {
    const tx = buildTrade({ ...(await session.funding(alice)), lets: demo.lets, payer: { name: 'Alice', box: await session.accountBox(demo, alice) }, payee: { name: 'Bob', box: await session.accountBox(demo, bob) }, amount });
    const signed = await session.signer.sign({ transaction: tx, inputKeyPaths: tx.inputs.map(() => alice.keyPath) });
    addToOutbox(db, { transactionId: signed.id, letsId: 1, purpose: 'Alice pays Bob', description: 'eggs', inputBoxIds: tx.inputs.map((i) => i.boxId), unsignedJson: JSON.stringify(tx) });
    moveOutboxItem(db, signed.id, 'signed', { signedJson: JSON.stringify(signed) });
    await chain.submit(toSignedTransactionJson(signed));
    moveOutboxItem(db, signed.id, 'submitted');
    return { tx, id: signed.id };
  }

  async function poll(): Promise<void> {
    await syncOnce(db, chain);
    reconcileOutbox(db, { network: 'devnet', height: chain.height }, new Set((await chain.mempool()).map((t) => t.id)), { depth: CONFIRMATIONS, dropUnseenAfterPolls: UNSEEN_POLLS });
  }

  it('follows a transaction from built to confirmed at the configured depth', async () => {
    const { id } = await aliceRecordsTrade(50n);
    await poll();
    expect(outboxItem(db, id)?.state).toBe('mempool');
    chain.mine();
    await poll();
    expect(outboxItem(db, id)).toMatchObject({ state: 'included', includedHeight: chain.height });
    chain.mineMany(CONFIRMATIONS - 2);
    await poll();
    expect(outboxItem(db, id)?.state).toBe('included');
    chain.mine();
    await poll();
    expect(outboxItem(db, id)?.state).toBe('confirmed');
  });

  it('marks a transaction the node forgot as dropped, and lets it be submitted again', async () => {
    const { id } = await aliceRecordsTrade(50n);
    await poll();
    chain.evict(id);
    await poll();
    expect(outboxItem(db, id)?.state).toBe('dropped');
    moveOutboxItem(db, id, 'submitted');
    await chain.submit(toSignedTransactionJson(JSON.parse(outboxItem(db, id)?.signedJson as string)));
    chain.mine();
    await poll();
    expect(outboxItem(db, id)?.state).toBe('included');
  });

  it('drops a submitted transaction the node never listed after the configured number of polls', async () => {
    const { id } = await aliceRecordsTrade(50n);
    chain.evict(id);
    for (let i = 1; i < UNSEEN_POLLS; i++) await poll();
    expect(outboxItem(db, id)?.state).toBe('submitted');
    await poll();
    expect(outboxItem(db, id)?.state).toBe('dropped');

    moveOutboxItem(db, id, 'submitted');
    for (let i = 1; i < UNSEEN_POLLS; i++) await poll();
    expect(outboxItem(db, id)?.state).toBe('submitted');
    await chain.submit(toSignedTransactionJson(JSON.parse(outboxItem(db, id)?.signedJson as string)));
    await poll();
    expect(outboxItem(db, id)?.state).toBe('mempool');
  });

  it('calls nothing dropped while the node is still catching up with the network', async () => {
    const { id } = await aliceRecordsTrade(50n);
    chain.evict(id);
    const catchingUp = reportingHeaders(chain, 1_000);
    for (let i = 0; i < UNSEEN_POLLS + 2; i++) {
      expect(await pollOnce(db, catchingUp, { confirmations: CONFIRMATIONS, dropUnseenAfterPolls: UNSEEN_POLLS })).toMatchObject({ nodeCatchingUp: true, mirrorHeight: chain.height });
    }
    expect(outboxItem(db, id)?.state).toBe('submitted');
    for (let i = 0; i < UNSEEN_POLLS; i++) await pollOnce(db, chain, { confirmations: CONFIRMATIONS, dropUnseenAfterPolls: UNSEEN_POLLS });
    expect(outboxItem(db, id)?.state).toBe('dropped');
  });

  it('marks a transaction whose inputs another transaction spent as a conflict', async () => {
    const { id } = await aliceRecordsTrade(50n);
    await poll();
    chain.evict(id);
    const rival = buildTrade({ ...(await session.funding(alice)), lets: demo.lets, payer: { name: 'Alice', box: await session.accountBox(demo, alice) }, payee: { name: 'Bob', box: await session.accountBox(demo, bob) }, amount: 70n });
    await session.signAndSubmit(rival, alice);
    chain.mine();
    await poll();
    expect(outboxItem(db, id)?.state).toBe('conflict');
    discardOutboxItem(db, id);
    expect(outboxItem(db, id)).toBeUndefined();
  });

  it('does not take a transaction for a conflict because the mirror shows its inputs spent by itself', async () => {
    // The demo's last trade, recorded as submitted only after the mirror saw it spend its inputs (an app that stopped
    // between submitting and noting it): the spender is the transaction itself, so there is no rival.
    const [headerId] = await chain.headerIdsAt(chain.height);
    const [trade] = await chain.blockTransactions(headerId as string);
    if (!trade) throw new Error('the demo ends with a trade');
    addToOutbox(db, { transactionId: trade.id, letsId: 1, purpose: 'trade', inputBoxIds: trade.inputs.map((i) => i.boxId), unsignedJson: '{}' });
    moveOutboxItem(db, trade.id, 'signed');
    moveOutboxItem(db, trade.id, 'submitted');
    reconcileOutbox(db, { network: 'devnet', height: chain.height }, new Set(), { depth: CONFIRMATIONS, dropUnseenAfterPolls: UNSEEN_POLLS });
    expect(outboxItem(db, trade.id)?.state).toBe('submitted');
  });

  it('puts an included transaction back on its way when a reorg removes its block', async () => {
    const { id } = await aliceRecordsTrade(50n);
    chain.mine();
    await poll();
    expect(outboxItem(db, id)?.state).toBe('included');
    chain.rollbackTo(chain.height - 1);
    chain.mineMany(2);
    await poll();
    expect(outboxItem(db, id)).toMatchObject({ state: 'included', includedHeight: chain.height - 1 });
  });

  it('refuses moves the lifecycle does not allow', async () => {
    const { id } = await aliceRecordsTrade(50n);
    expect(() => moveOutboxItem(db, id, 'signed')).toThrow('A transaction that is submitted cannot become signed.');
    expect(() => discardOutboxItem(db, id)).toThrow(/not on its way/);
  });
});
