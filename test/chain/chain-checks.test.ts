import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2b256 } from '../../electron/core/chain/blake2b';
import { ChainChecks, type BlockToCheck } from '../../electron/core/chain/chain-checks';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import { startChecksThread, type ChecksThread } from '../../electron/core/chain/checks-thread';
import { packBlocks, PackedChecks, packHeaders } from '../../electron/core/chain/packed-blocks';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { bundledChecksWorker } from '../helpers/bundle-worker';
import { tempDir } from '../helpers/temp-dir';

/**
 * The checks the mirror makes of whole blocks (chain-checks.ts), on the demo chain's blocks, which are mined for real:
 * each header's id and proof of work, the link and difficulty between headers, every transaction's ids and the
 * transactions root; on the sync's own thread, and with the hashing on the checks thread the desktop app runs it on,
 * which must refuse the same in the same words.
 */
let blocks: BlockToCheck[];
let thread: ChecksThread;

beforeAll(async () => {
  const chain = new DevnetChain();
  await seedDemoLets(chain);
  blocks = chain.snapshot().blocks.map(({ header, transactions }) => ({ header, transactions }));
  thread = startChecksThread(await bundledChecksWorker());
}, 120_000);

const changed = (at: number, change: (block: BlockToCheck) => BlockToCheck) => blocks.map((block, i) => (i === at ? change(structuredClone(block)) : block));
const withHeader = (at: number, fields: Partial<ChainHeader>) => changed(at, (block) => ({ ...block, header: { ...block.header, ...fields } }));
const lastWithTransactions = () => blocks.findLastIndex((block) => block.transactions.length > 1);
/** The last block with several transactions, its first transaction changed by `change`. */
const withFirstTransaction = (change: (tx: BlockToCheck['transactions'][number]) => void) =>
  changed(lastWithTransactions(), (block) => {
    const [first, ...rest] = block.transactions;
    if (first) change(first);
    return { ...block, transactions: [first as (typeof block.transactions)[number], ...rest] };
  });

describe.each([
  ['on the sync’s thread', false],
  ['with the hashing on the checks thread', true],
])('chain checks of whole blocks, %s', (_where, onThread) => {
  let checks: ChainChecks;

  beforeAll(async () => {
    checks = new ChainChecks(blake2b256(), onThread ? thread : undefined);
  });

  it('passes the demo chain as mined', async () => {
    expect(blocks.length).toBeGreaterThan(3);
    expect(await checks.requireBlocks(blocks, 'devnet', 'whole')).toEqual([]);
  });

  it.each([
    ['another nonce', { powSolutions: { pk: '02'.padEnd(66, '1'), w: '02'.padEnd(66, '1'), n: 'ff'.repeat(8), d: 0n } }, /whose content does not match its id/],
    ['another transactions root', { transactionsRoot: 'ab'.repeat(32) }, /whose content does not match its id/],
  ])('refuses a header with %s', async (_what, fields, message) => {
    await expect(checks.requireBlocks(withHeader(2, fields as Partial<ChainHeader>), 'devnet', 'whole')).rejects.toThrow(message);
  });

  it('refuses a header below the mainnet difficulty floor however well it is mined', async () => {
    await expect(checks.requireBlocks(blocks, 'mainnet', 'whole')).rejects.toThrow(/that claims far less proof of work than the Ergo network does/);
  });

  it('refuses a block whose transactions were reordered, even with every id right', async () => {
    const reordered = changed(lastWithTransactions(), (block) => ({ ...block, transactions: [...block.transactions].reverse() }));
    await expect(checks.requireBlocks(reordered, 'devnet', 'whole')).rejects.toThrow(/with transactions that are not the ones its header commits to/);
  });

  it('refuses a transaction with a register changed, and one whose spending proof was changed', async () => {
    const register = withFirstTransaction((tx) => {
      const output = tx.outputs[0];
      if (output) output.value += 1n;
    });
    await expect(checks.requireBlocks(register, 'devnet', 'whole')).rejects.toThrow(/a transaction whose content does not match its id/);
    const proof = withFirstTransaction((tx) => {
      const input = tx.inputs[0];
      if (input) input.proofBytes = input.proofBytes === '' ? 'ab' : `${input.proofBytes}ab`;
    });
    await expect(checks.requireBlocks(proof, 'devnet', 'whole')).rejects.toThrow(/with transactions that are not the ones its header commits to/);
  });

  it('refuses a box whose id is not that of its content, whoever spends it', async () => {
    const box = withFirstTransaction((tx) => {
      const output = tx.outputs.at(-1);
      if (output) output.boxId = 'cd'.repeat(32);
    });
    await expect(checks.requireBlocks(box, 'devnet', 'whole')).rejects.toThrow(/a box whose content does not match its id \(cdcdcdcdcdcd…, output \d of/);
  });

  it('refuses a transaction id that is not hexadecimal in words', async () => {
    const notHex = withFirstTransaction((tx) => {
      tx.id = `zz${tx.id.slice(2)}`;
    });
    await expect(checks.requireBlocks(notHex, 'devnet', 'whole')).rejects.toMatchObject({ name: 'AppError', code: 'chain-response-invalid' });
  });

  it('passes by, from a source that leaves out context extensions, a transaction whose content does not give its id, and names it', async () => {
    const tx = blocks[lastWithTransactions()]?.transactions[0];
    const withExtension = withFirstTransaction((first) => {
      const input = first.inputs[0];
      if (input) input.extension = { '0': '0e0100' };
    });
    await expect(checks.requireBlocks(withExtension, 'devnet', 'whole')).rejects.toThrow(/a transaction whose content does not match its id/);
    expect(await checks.requireBlocks(withExtension, 'devnet', 'without-extensions')).toEqual([tx?.id]);
  });
});

describe('the checks thread’s half', () => {
  it('names the places that failed: a header, a root, a transaction', async () => {
    const packed = new PackedChecks(blake2b256());
    const at = lastWithTransactions();
    expect(packed.check(packBlocks(blocks), 'devnet')).toEqual({ headers: [], roots: [], transactions: [], boxes: [] });
    const register = withFirstTransaction((tx) => {
      const output = tx.outputs[0];
      if (output) output.creationHeight += 1;
    });
    // A box's content changed, its transaction's and its own ids kept: both ids fail; the root (of ids) still holds.
    expect(packed.check(packBlocks(register), 'devnet')).toEqual({ headers: [], roots: [], transactions: [[at, 0]], boxes: [[at, 0, 0]] });
    const reordered = changed(at, (block) => ({ ...block, transactions: [...block.transactions].reverse() }));
    expect(packed.check(packBlocks(reordered), 'devnet')).toEqual({ headers: [], roots: [at], transactions: [], boxes: [] });
    const box = withFirstTransaction((tx) => {
      const output = tx.outputs[1];
      if (output) output.boxId = 'cd'.repeat(32);
    });
    expect(packed.check(packBlocks(box), 'devnet')).toEqual({ headers: [], roots: [], transactions: [], boxes: [[at, 0, 1]] });
    expect(packed.check(packHeaders(withHeader(1, { timestamp: 1 }).map((b) => b.header)), 'devnet')).toEqual({
      headers: [1],
      roots: [],
      transactions: [],
      boxes: [],
    });
    // Headers alone: their transactions are checked elsewhere, so no root is asked of them.
    expect(await thread.check(packHeaders(blocks.map((b) => b.header)), 'devnet')).toEqual({ headers: [], roots: [], transactions: [], boxes: [] });
  });
});

describe('the checks thread', () => {
  it('fails the checks waiting on it when it stops without an error, and every check after', async () => {
    const file = join(tempDir(), 'stops.mjs');
    writeFileSync(file, "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(3));\n");
    const thread = startChecksThread(file);
    const batch = () => ({ headers: [], counts: null, bytes: new ArrayBuffer(8) });
    await expect(thread.check(batch(), 'testnet')).rejects.toThrow("The chain checks' thread stopped (exit code 3).");
    await expect(thread.check(batch(), 'testnet')).rejects.toThrow("The chain checks' thread stopped (exit code 3).");
  });
});
