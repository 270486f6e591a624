import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { ChainSource, ChainTransaction, HexId } from '../../electron/core/chain/chain-source';
import type { DemoLets } from '../../electron/core/devnet/demo-lets';
import type { Db } from '../../electron/core/mirror/database';
import type { Network } from '../../electron/core/mirror/queries/chain-store';
import { accountBalances } from '../../electron/core/mirror/queries/ledger';
import { openMirrorFollowing } from './mirror-following';
import { tempDir } from './temp-dir';

/**
 * A fresh mirror database file that follows the demo LETS (on the devnet unless a test serves it as another network),
 * in a folder of the test's own unless `dir` names one (a suite that shares one mirror among its tests).
 */
export function aMirrorFollowing(demo: DemoLets, network?: Network, dir = tempDir()): { db: Db; letsId: number } {
  return openMirrorFollowing(join(dir, 'mirror.sqlite'), demo, network);
}

export function balancesByName(db: Db, letsId: number, demo: DemoLets): Record<string, bigint> {
  return Object.fromEntries(accountBalances(db, letsId).map((b) => [demo.members.find((m) => m.publicKey === b.memberKey)?.name ?? b.memberKey, b.balance]));
}

const ID_COLUMNS = new Set(['box_id', 'transaction_id', 'spent_by']);

/**
 * SELECTs `columns` of `table` (all of them by default), with the box and transaction ids among `hexIds` as the hex text
 * they were before migration 012 stored them as bytes; so rows of any schema compare equal, and copy into an older one.
 */
function selectWithHexIds(db: Db, table: string, columns?: string[], rest = '', hexIds: ReadonlySet<string> = ID_COLUMNS): Statement {
  const names = columns ?? (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const select = names.map((c) => (hexIds.has(c) ? `CASE WHEN typeof(${c}) = 'blob' THEN lower(hex(${c})) ELSE ${c} END AS ${c}` : c));
  return db.prepare(`SELECT ${select.join(', ')} FROM ${table} ${rest}`);
}

/**
 * Copies the rows of `table` (those `where` picks) from a mirror of today's schema into `older`, a mirror of an earlier
 * one: the columns the table had then, unless `columns` names them, with ids as hex text where they were text then.
 */
export function copyRowsInto(older: Db, from: Db, table: string, columns?: string[], where = ''): void {
  const then = older.pragma(`table_info(${table})`) as { name: string; type: string }[];
  const names = columns ?? then.map((c) => c.name);
  const textIds = new Set(then.filter((c) => ID_COLUMNS.has(c.name) && c.type !== 'BLOB').map((c) => c.name));
  const insert = older.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  for (const row of selectWithHexIds(from, table, names, where, textIds).raw().all() as unknown[][]) insert.run(...row);
}

/** Every chain-derived row of the mirror, in a stable order, for comparing two mirrors. */
export function dumpMirror(db: Db): unknown {
  const boxColumns = (db.pragma('table_info(boxes)') as { name: string }[]).map((c) => c.name).filter((c) => c !== 'box_key');
  return {
    // A header's id covers its difficulty, so n_bits adds nothing to compare (and a header kept from before migration
    // 018 has none).
    blocks: db.prepare('SELECT height, header_id, parent_id, timestamp FROM blocks ORDER BY height').all(),
    boxes: selectWithHexIds(db, 'boxes', boxColumns, 'ORDER BY box_id').all(),
    entries: selectWithHexIds(db, 'ledger_entries', undefined, 'ORDER BY height, transaction_id, member_key').all(),
  };
}

/** Wraps a chain source so that fetching the transactions of one block goes wrong in a chosen way. */
export function sabotaged(source: ChainSource, at: HexId, sabotage: (txs: ChainTransaction[]) => ChainTransaction[]): ChainSource {
  return new Proxy(source, {
    get(target, property, receiver) {
      if (property === 'blockTransactions') {
        return async (headerId: HexId) => {
          const txs = await target.blockTransactions(headerId);
          return headerId === at ? sabotage(txs) : txs;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Wraps a chain source to count the blocks whose transactions are read: how much a sync had to read block by block. */
export function countingBlocks(source: ChainSource): { source: ChainSource; blocksRead: () => number } {
  let blocks = 0;
  return {
    source: new Proxy(source, {
      get(target, property, receiver) {
        if (property === 'blockTransactions') return (id: HexId) => (blocks++, target.blockTransactions(id));
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
    blocksRead: () => blocks,
  };
}
