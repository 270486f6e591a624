import { SLong } from '@fleet-sdk/serializer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing, dumpMirror } from '../helpers/mirror-fixtures';
import { tamperingProxy, type TamperingProxy } from '../helpers/tampering-proxy';

type JsonBox = { boxId: string; transactionId: string; ergoTree: string; additionalRegisters: Record<string, string> };
type JsonTransaction = { id: string; outputs: JsonBox[] };
type JsonBlock = { transactions: JsonTransaction[] };

/**
 * Issue 18, part 1: what the mirror stores must be what the chain holds, whatever the node (or anything between it and
 * the app) says. A proxy changes the node's answers in transit; the mirror refuses each change with a sentence,
 * stores nothing of it, and a later sync from the honest node ends exactly as a clean one.
 */
describe('a mirror that checks ids against content', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let node: DevnetServer;

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    node = await serveDevnet(chain);
  }, 60_000);

  const honest = () => createNodeClient({ baseUrl: node.url, expectedNetwork: 'devnet' });
  async function cleanMirror(): Promise<unknown> {
    const { db } = aMirrorFollowing(demo);
    await syncOnce(db, honest());
    return dumpMirror(db);
  }

  afterAll(async () => {
    await node?.close();
  });

  /** Changes, in every block's transactions, the first transaction that creates a LETS account box. */
  function inFirstAccountTransaction(change: (tx: JsonTransaction, account: JsonBox) => void) {
    return (path: string, answer: unknown) => {
      if (!/^\/blocks\/[0-9a-f]{64}\/transactions$/.test(path)) return answer;
      const tx = (answer as JsonBlock).transactions.find((t) => t.outputs.some((o) => o.ergoTree === demo.accountTree));
      const account = tx?.outputs.find((o) => o.ergoTree === demo.accountTree);
      if (tx && account) change(tx, account);
      return answer;
    };
  }

  const MILLION = SLong(100_000_000n).toHex();
  const MADE_UP = 'ab'.repeat(32);

  it.each([
    ['a register changed to a balance of 1 000 000.00', inFirstAccountTransaction((_tx, account) => (account.additionalRegisters.R5 = MILLION)), /a transaction whose content does not match its id/],
    ['a made-up box id', inFirstAccountTransaction((_tx, account) => (account.boxId = MADE_UP)), /a box whose content does not match its id \(abababababab…, output \d of/],
    [
      'a made-up transaction id',
      inFirstAccountTransaction((tx) => {
        tx.id = MADE_UP;
        for (const output of tx.outputs) output.transactionId = MADE_UP;
      }),
      /a transaction whose content does not match its id \(abababababab…\)/,
    ],
  ])('refuses %s, stores nothing of it, and an honest sync then ends as a clean one', async (_what, tamper, message) => {
    let proxy: TamperingProxy | undefined;
    try {
      proxy = await tamperingProxy(node.url, tamper);
      const { db } = aMirrorFollowing(demo);
      await expect(syncOnce(db, createNodeClient({ baseUrl: proxy.url, expectedNetwork: 'devnet' }))).rejects.toMatchObject({
        code: 'chain-response-invalid',
        message: expect.stringMatching(message) as string,
        hint: 'The node, or something between it and this computer, changed its answer. Use another node you trust, then sync again.',
      });
      expect(JSON.stringify(dumpMirror(db), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('100000000');
      expect(dumpMirror(db)).toMatchObject({ boxes: [], entries: [] });

      await syncOnce(db, honest());
      expect(dumpMirror(db)).toEqual(await cleanMirror());
    } finally {
      await proxy?.close();
    }
  });
});
