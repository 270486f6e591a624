import type { Amount, Box } from '@fleet-sdk/common';
import { decodeAccountRegisters } from '../contracts/registers';
import { recoverLets } from '../contracts/lets-boxes';
import { AppError } from '../errors/app-error';
import type { Lets } from '../lets/lets-parameters';
import type { Db } from '../mirror/database';
import { unspentLetsBoxIds } from '../mirror/queries/unspent-boxes';
import type { ChainAccess } from './chain-access';
import type { PendingView } from './pending-transactions';

/** A LETS as the next transaction must see it: its parameters read from chain and its current boxes. */
export interface LetsOnChain {
  lets: Lets;
  /** The committee's public key, from the management box. */
  committee: string;
  management: Box<Amount>;
  accountOf(ownerKey: string, who: string): Promise<Box<Amount>>;
}

interface LetsScripts {
  /** Null for a trustless LETS, which has no management box (PROTOCOL.md, model 2). */
  management_tree: string | null;
  account_tree: string;
}

/**
 * Reads the LETS from its current management box (never from local settings: the chain is the authority). The
 * mirror says which boxes are current; the boxes themselves come from the chain, or from the app's own pending
 * transactions when those will replace them.
 */
export async function letsOnChain(db: Db, chain: ChainAccess, letsId: number, pending: PendingView): Promise<LetsOnChain> {
  const scripts = db.prepare('SELECT management_tree, account_tree FROM lets_chain WHERE lets_id = ?').get(letsId) as LetsScripts | undefined;
  if (!scripts) throw new AppError('not-found', 'This LETS is not followed on chain by this app.', 'Choose a LETS from the list.');
  if (scripts.management_tree === null) {
    throw new AppError(
      'invalid-input',
      'This is a trustless LETS: its members join and trade from their own wallets, so the app records no transactions for it.',
      'Choose a committee LETS; this app follows a trustless one read-only.',
    );
  }

  const current = async (mirrored: string[], isCandidate: (box: Box<Amount>) => boolean, what: string) => {
    const created = pending.created.find((box) => isCandidate(box) && !pending.spent.has(box.boxId));
    if (created) return created;
    const boxId = mirrored.find((id) => !pending.spent.has(id));
    if (boxId === undefined && mirrored.length > 0) {
      throw new AppError('conflict', `${what} is spent by a transaction still waiting in the outbox.`, 'Wait until that one is confirmed, or discard it in the outbox, then try again.');
    }
    const box = boxId === undefined ? null : await chain.unspentBox(boxId);
    if (!box) {
      throw new AppError('not-found', `${what} is not on chain as the local copy of the ledger says.`, 'Wait for the app to finish syncing with the chain, then try again.');
    }
    return box;
  };

  const management = await current(
    unspentLetsBoxIds(db, letsId, 'management'),
    (box) => box.ergoTree === scripts.management_tree,
    'The committee’s management box',
  );
  const { committee, ...lets } = recoverLets(management);
  return {
    lets,
    committee,
    management,
    accountOf: (ownerKey, who) =>
      current(
        unspentLetsBoxIds(db, letsId, 'account', ownerKey),
        (box) => box.ergoTree === scripts.account_tree && decodeAccountRegisters(box.additionalRegisters)?.owner === ownerKey,
        `${who}’s account`,
      ),
  };
}
