import { ErgoAddress, Network } from '@fleet-sdk/core';
import type { IndexedBox, IndexedTransaction } from '../../electron/core/chain/chain-index';
import type { ChainBox, ChainHeader, ChainTransaction } from '../../electron/core/chain/chain-source';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { appendGeneratedTrades } from '../helpers/generated-trades';

/*
 * What a node's extra index should answer about a devnet chain, worked out the slow, obvious way: by reading every
 * block of its snapshot. Tests hold the devnet's index (and the client reading it) to these answers.
 */

export interface OracleTransaction {
  transaction: ChainTransaction;
  header: ChainHeader;
  index: number;
}

export interface OracleBox {
  box: ChainBox;
  inclusionHeight: number;
  spentBy: OracleTransaction | null;
}

export interface IndexOracle {
  /** Every transaction, oldest first. */
  transactions: OracleTransaction[];
  /** Every box, oldest first (the emission box, which exists before block 1, first). */
  boxes: OracleBox[];
  box(boxId: string): OracleBox;
  transaction(id: string): OracleTransaction;
  /** Ids of the transactions spending or creating a box under the tree, newest first. */
  transactionsTouching(ergoTree: string, upTo?: number): string[];
  /** Ids of the boxes that ever held the token, newest first. */
  boxesHolding(tokenId: string, upTo?: number): string[];
  /** A box as ChainIndex.box should answer it. */
  indexedBox(boxId: string): IndexedBox;
  /** A transaction as ChainIndex.transaction should answer it. */
  indexedTransaction(id: string): IndexedTransaction;
}

export function indexOracle(chain: DevnetChain): IndexOracle {
  const { blocks } = chain.snapshot();
  const transactions: OracleTransaction[] = [];
  const boxes: OracleBox[] = [];
  const byBoxId = new Map<string, OracleBox>();
  // Spent boxes that no transaction created: the emission box.
  const created = new Set(blocks.flatMap((b) => b.transactions.flatMap((t) => t.outputs.map((o) => o.boxId))));
  for (const spent of blocks.flatMap((b) => b.spent)) {
    if (!created.has(spent.boxId)) {
      const genesis = { box: spent, inclusionHeight: 0, spentBy: null };
      boxes.push(genesis);
      byBoxId.set(spent.boxId, genesis);
    }
  }
  for (const block of blocks) {
    block.transactions.forEach((transaction, index) => {
      const entry = { transaction, header: block.header, index };
      transactions.push(entry);
      for (const input of transaction.inputs) (byBoxId.get(input.boxId) as OracleBox).spentBy = entry;
      for (const output of transaction.outputs) {
        const box = { box: output, inclusionHeight: block.header.height, spentBy: null };
        boxes.push(box);
        byBoxId.set(output.boxId, box);
      }
    });
  }
  const touches = (entry: OracleTransaction, tree: string) =>
    entry.transaction.outputs.some((o) => o.ergoTree === tree) || entry.transaction.inputs.some((i) => byBoxId.get(i.boxId)?.box.ergoTree === tree);
  const find = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the oracle does not know ${what}`);
    return value;
  };
  const oracle: IndexOracle = {
    transactions,
    boxes,
    box: (boxId) => find(byBoxId.get(boxId), boxId),
    transaction: (id) => find(transactions.find((t) => t.transaction.id === id), id),
    transactionsTouching: (ergoTree, upTo = Infinity) =>
      transactions
        .filter((t) => t.header.height <= upTo && touches(t, ergoTree))
        .map((t) => t.transaction.id)
        .reverse(),
    boxesHolding: (tokenId, upTo = Infinity) =>
      boxes
        .filter((b) => b.inclusionHeight <= upTo && b.box.assets.some((a) => a.tokenId === tokenId))
        .map((b) => b.box.boxId)
        .reverse(),
    indexedBox: (boxId) => {
      const { box, inclusionHeight, spentBy } = oracle.box(boxId);
      return { ...box, inclusionHeight, spentTransactionId: spentBy?.transaction.id ?? null };
    },
    indexedTransaction: (id) => {
      const { transaction, header, index } = oracle.transaction(id);
      return { ...transaction, blockId: header.id, inclusionHeight: header.height, index, timestamp: header.timestamp };
    },
  };
  return oracle;
}

/**
 * The demo LETS (founding, enrolments, two signed trades), then generated trades several to a block, on a devnet
 * with a fixed clock: a history with spent and unspent boxes under one contract and one membership token.
 */
export async function aTradingDevnet(trades = 14): Promise<{ chain: DevnetChain; demo: DemoLets }> {
  let clock = 1_767_225_600_000;
  const chain = new DevnetChain({ now: () => (clock += 60_000) });
  const demo = await seedDemoLets(chain);
  await appendGeneratedTrades(chain, demo, { trades, tradesPerBlock: 3, seed: 7 });
  return { chain, demo };
}

export function addressOf(ergoTree: string, network: 'mainnet' | 'testnet' = 'testnet'): string {
  const prefix = network === 'mainnet' ? Network.Mainnet : Network.Testnet;
  return ErgoAddress.fromErgoTree(ergoTree, prefix).encode(prefix);
}
