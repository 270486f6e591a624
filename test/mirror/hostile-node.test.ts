import { SLong } from '@fleet-sdk/serializer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake2b256 } from '../../electron/core/chain/blake2b';
import { ContentIds } from '../../electron/core/chain/content-ids';
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
/** A transaction as the node writes it: proofs and extensions under spendingProof, numbers as bigint. */
type NodeTransaction = {
  id: string;
  inputs: { boxId: string; spendingProof: { proofBytes: string; extension: Record<string, string> } }[];
  dataInputs: { boxId: string }[];
  outputs: (JsonBox & { value: bigint; creationHeight: bigint; assets: { tokenId: string; amount: bigint }[] })[];
};

/**
 * Issue 18, part 1: what the mirror stores must be what the chain holds, whatever the node (or anything between it and
 * the app) says. A proxy changes the node's answers in transit; the mirror refuses each change with a sentence,
 * stores nothing of it, and a later sync from the honest node ends exactly as a clean one.
 */
describe('a mirror that checks what the node sends against ids, headers and proof of work', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let node: DevnetServer;

  let ids: ContentIds;

  beforeAll(async () => {
    ids = new ContentIds(blake2b256());
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

  /**
   * Adds to the block a forged copy of its first account transaction, crediting 1 000 000.00, whose transaction and box
   * ids are recomputed from the forged content: every id checks out, only the header's transactions root can tell.
   */
  function withForgedTransaction(path: string, answer: unknown): unknown {
    if (!/^\/blocks\/[0-9a-f]{64}\/transactions$/.test(path)) return answer;
    const block = answer as { transactions: NodeTransaction[] };
    const original = block.transactions.find((t) => t.outputs.some((o) => o.ergoTree === demo.accountTree));
    if (!original) return answer;
    const forged = structuredClone(original);
    const account = forged.outputs.find((o) => o.ergoTree === demo.accountTree) as NodeTransaction['outputs'][number];
    account.additionalRegisters.R5 = MILLION;
    const outputs = forged.outputs.map((output, index) => ({ ...output, transactionId: '', index, creationHeight: Number(output.creationHeight), assets: output.assets }));
    const transactionId = ids.transactionId({
      inputs: forged.inputs.map((input) => ({ boxId: input.boxId, proofBytes: input.spendingProof.proofBytes, extension: input.spendingProof.extension })),
      dataInputs: forged.dataInputs,
      outputs,
    });
    forged.id = transactionId;
    forged.outputs.forEach((output, index) => Object.assign(output, { transactionId, boxId: ids.boxId(outputs[index] as (typeof outputs)[number], transactionId, index) }));
    block.transactions.push(forged);
    return answer;
  }

  /** Changes the nonce of every header the node sends, alone or in a slice, leaving its id as it was. */
  function withAnotherNonce(path: string, answer: unknown): unknown {
    const change = (header: { powSolutions: { n: string } }) => (header.powSolutions.n = 'ff'.repeat(8));
    if (path.startsWith('/blocks/chainSlice')) (answer as { powSolutions: { n: string } }[]).forEach(change);
    else if (/^\/blocks\/[0-9a-f]{64}\/header$/.test(path)) change(answer as { powSolutions: { n: string } });
    return answer;
  }

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
    ['a transaction added to a block, its ids made to match', withForgedTransaction, /^The chain source sent block \d+ \(id [0-9a-f]{12}…\) with transactions that are not the ones its header commits to: nothing of it was stored\.$/],
    ['a header with another nonce', withAnotherNonce, /^The chain source sent a block header \(height \d+, id [0-9a-f]{12}…\) whose content does not match its id: nothing of it was stored\.$/],
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
