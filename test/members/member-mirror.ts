import { join } from 'node:path';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { insertBlock, insertMirroredBox, markSpent } from '../../electron/core/mirror/queries/chain-store';
import type { LedgerEntry } from '../../electron/core/mirror/sync/classify-transaction';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { addToOutbox, moveOutboxItem, reconcileOutbox } from '../../electron/core/mirror/queries/outbox';
import { addOutboxDetails } from '../../electron/core/mirror/queries/outbox-details';
import { tempDir } from '../helpers/temp-dir';
import { aHeader } from '../helpers/headers';

/** Compressed keys of real curve points (G, 2G, 3G, 4G, 5G of secp256k1), so addresses can be derived from them. */
export const KEYS = {
  alice: '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
  bob: '02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5',
  charlie: '02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9',
  dora: '02e493dbf1c10d80f3581e4904930b1404cc6c13900ee0758474fa94abe8c4cd13',
  erin: '022f8bde4d1a07209355b4a7250a5c5128e88b84bddc619ab7cba8d569b240efe4',
} as const;

const id64 = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(64 - prefix.length, '0')}`;

export interface MirrorOptions {
  floor?: bigint;
  cap?: bigint | null;
  name?: string;
}

type OutboxFixtureState = 'built' | 'signed' | 'submitted' | 'dropped';

export interface LetsMirror {
  db: Db;
  letsId: number;
  readonly height: number;
  profile(memberName: string, key: string, contact?: string): number;
  enrol(memberName: string, key: string, options?: { at?: number; profile?: boolean }): number | null;
  trade(payer: string, payee: string, amount: bigint, at?: number): string;
  mine(count: number, at?: number): void;
  /** `memo` is what the treasurer typed ('Milk, 2 litres'), shown as the outbox line too. */
  outbox(state: OutboxFixtureState, memo?: string, transactionId?: string): string;
}

/**
 * A mirror database file following one LETS, filled the way the sync fills it (blocks, account boxes, ledger
 * entries through the chain-store queries) but without a chain, so each test states exactly the balances it needs.
 */
export function aLetsMirror({ floor = -200_00n, cap = 500_00n, name = 'Riverside LETS' }: MirrorOptions = {}): LetsMirror {
  const db: Db = openDatabase(join(tempDir(), 'mirror.sqlite'));
  const letsId = addLets(db, { letsTokenId: id64('1e', 1), name, unit: 'EUR-LETS', model: 'committee', creditFloor: floor, creditCap: cap });
  let height = 0;
  let boxes = 0;
  let txs = 0;
  const accountBox = new Map<string, string>();
  const balance = new Map<string, bigint>();

  const block = (timestamp: number): ChainHeader => {
    height += 1;
    const header = aHeader({ id: id64('b', height), parentId: id64('b', height - 1), height, timestamp });
    insertBlock(db, header);
    return header;
  };

  /** The member's new account box, stored with the ledger entry of the transaction that created it. */
  const newAccount = (key: string, value: bigint, transactionId: string, header: ChainHeader, entry: Pick<LedgerEntry, 'kind' | 'delta' | 'counterpartyKey'>) => {
    boxes += 1;
    const boxId = id64('a', boxes);
    const box = { boxId, transactionId, index: 0, value: 1_000_000n, ergoTree: '00', creationHeight: header.height, assets: [], additionalRegisters: {} };
    const ledgerEntry = { ...entry, boxId, letsId, memberKey: key, balanceAfter: value };
    insertMirroredBox(db, { box, letsId, kind: 'account', ownerKey: key, balance: value }, header.height, { entry: { entry: ledgerEntry, place: { transactionId, header, position: 0 } } });
    accountBox.set(key, boxId);
    balance.set(key, value);
  };

  const mirror: LetsMirror = {
    db,
    letsId,
    /** A profile on this computer only, as an import leaves it. */
    profile(memberName: string, key: string, contact = '') {
      return addMemberProfile(db, { letsId, ownerKey: key, name: memberName, contact });
    },
    /** Enrolment on chain: an account box with balance 0 (and a profile unless `profile: false`). */
    enrol(memberName: string, key: string, { at = Date.UTC(2026, 0, 1), profile = true } = {}) {
      const header = block(at);
      txs += 1;
      const tx = id64('e', txs);
      newAccount(key, 0n, tx, header, { kind: 'enrolment', delta: 0n, counterpartyKey: null });
      return profile ? mirror.profile(memberName, key, `${memberName.toLowerCase()}@example.org`) : null;
    },
    /** A trade in its own block: both account boxes are spent and recreated with the new balances. */
    trade(payer: string, payee: string, amount: bigint, at = Date.UTC(2026, 0, 2)): string {
      const header = block(at);
      txs += 1;
      const tx = id64('f', txs);
      for (const [key, delta, other] of [[payer, -amount, payee], [payee, amount, payer]] as const) {
        markSpent(db, accountBox.get(key) as string, tx, header.height);
        const after = (balance.get(key) ?? 0n) + delta;
        newAccount(key, after, tx, header, { kind: 'trade', delta, counterpartyKey: other });
      }
      return tx;
    },
    /** Empty blocks on top, e.g. to confirm what is below. */
    mine(count: number, at = Date.UTC(2026, 0, 3)) {
      for (let i = 0; i < count; i += 1) block(at);
    },
    /** One of the app's own transactions, moved along the outbox lifecycle to `state` by the moves the app makes. */
    outbox(state: OutboxFixtureState, memo = '', transactionId = id64('c', txs + 100)) {
      txs += 1;
      addToOutbox(db, { transactionId, letsId, purpose: 'trade', description: memo, inputBoxIds: [], unsignedJson: '{}' });
      addOutboxDetails(db, transactionId, { inputKeys: [], signedBy: 'a member', memo });
      if (state !== 'built') moveOutboxItem(db, transactionId, 'signed', { signedJson: '{}' });
      if (state === 'submitted' || state === 'dropped') moveOutboxItem(db, transactionId, 'submitted');
      if (state === 'dropped') {
        // The sync's own moves: seen in the mempool, then gone from it without being included.
        reconcileOutbox(db, { network: 'devnet', height }, new Set([transactionId]), 2);
        reconcileOutbox(db, { network: 'devnet', height }, new Set(), 2);
      }
      return transactionId;
    },
    get height() {
      return height;
    },
  };
  return mirror;
}
