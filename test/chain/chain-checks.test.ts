import { beforeAll, describe, expect, it } from 'vitest';
import { wasmBlake2b256 } from '../../electron/core/chain/blake2b';
import { ChainChecks, type BlockToCheck } from '../../electron/core/chain/chain-checks';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import { seedDemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';

/**
 * The checks the mirror makes of whole blocks (chain-checks.ts), on the demo chain's blocks, which are mined for real:
 * each header's id and proof of work, the link and difficulty between headers, every transaction's ids and the
 * transactions root.
 */
describe('chain checks of whole blocks', () => {
  let blocks: BlockToCheck[];
  let checks: ChainChecks;

  beforeAll(async () => {
    const chain = new DevnetChain();
    await seedDemoLets(chain);
    blocks = chain.snapshot().blocks.map(({ header, transactions }) => ({ header, transactions }));
    checks = new ChainChecks(await wasmBlake2b256());
  }, 60_000);

  const changed = (at: number, change: (block: BlockToCheck) => BlockToCheck) => blocks.map((block, i) => (i === at ? change(structuredClone(block)) : block));
  const withHeader = (at: number, fields: Partial<ChainHeader>) => changed(at, (block) => ({ ...block, header: { ...block.header, ...fields } }));
  const lastWithTransactions = () => blocks.findLastIndex((block) => block.transactions.length > 1);

  it('passes the demo chain as mined', () => {
    expect(blocks.length).toBeGreaterThan(3);
    expect(checks.requireBlocks(blocks, 'devnet', 'whole')).toEqual([]);
  });

  it.each([
    ['another nonce', { powSolutions: { pk: '02'.padEnd(66, '1'), w: '02'.padEnd(66, '1'), n: 'ff'.repeat(8), d: 0n } }, /whose content does not match its id/],
    ['another transactions root', { transactionsRoot: 'ab'.repeat(32) }, /whose content does not match its id/],
  ])('refuses a header with %s', (_what, fields, message) => {
    expect(() => checks.requireBlocks(withHeader(2, fields as Partial<ChainHeader>), 'devnet', 'whole')).toThrow(message);
  });

  it('refuses a header below the mainnet difficulty floor however well it is mined', () => {
    expect(() => checks.requireBlocks(blocks, 'mainnet', 'whole')).toThrow(/that claims far less proof of work than the Ergo network does/);
  });

  it('refuses a block whose transactions were reordered, even with every id right', () => {
    const at = lastWithTransactions();
    const reordered = changed(at, (block) => ({ ...block, transactions: [...block.transactions].reverse() }));
    expect(() => checks.requireBlocks(reordered, 'devnet', 'whole')).toThrow(/with transactions that are not the ones its header commits to/);
  });

  it('passes by, from a source that leaves out context extensions, a transaction whose content does not give its id, and names it', () => {
    const at = lastWithTransactions();
    const tx = blocks[at]?.transactions[0];
    const withExtension = changed(at, (block) => {
      const [first, ...rest] = block.transactions;
      const input = first?.inputs[0];
      if (input) input.extension = { '0': '0e0100' };
      return { ...block, transactions: [first as (typeof block.transactions)[number], ...rest] };
    });
    expect(() => checks.requireBlocks(withExtension, 'devnet', 'whole')).toThrow(/a transaction whose content does not match its id/);
    expect(checks.requireBlocks(withExtension, 'devnet', 'without-extensions')).toEqual([tx?.id]);
  });
});
