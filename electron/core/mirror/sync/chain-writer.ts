import type { ChainHeader, ChainTransaction } from '../../chain/chain-source';
import { decodeLetsParameters } from '../../contracts/registers';
import type { Db } from '../database';
import { insertClosingEntry, type loadTracked, type Network } from '../queries/chain-store';
import { refreshLetsParameters } from '../queries/lets';
import { awaitingInclusion, markIncluded } from '../queries/outbox';
import { BoxBatch } from './box-batch';
import { classifyTransaction } from './classify-transaction';
import { contentMismatch } from '../../chain/content-ids';

/**
 * Writes what transactions did to the followed LETS, in chain order, inside the caller's SQLite transaction: boxes
 * created and spent, ledger entries, LETS parameters read from chain, and own transactions seen included. The
 * block-by-block sync and a LETS's catch-up (through the index or its own block scan) both write through it, so the
 * mirror they leave is the same whichever way the transactions came. What it is given has passed the chain checks
 * (chain/chain-checks.ts) already, but for `unchecked`: transactions whose content a source did not send whole, which
 * may pass by but are never stored.
 */
export class ChainWriter {
  private readonly boxes: BoxBatch;
  private readonly ownWaiting: Set<string>;
  /** Differences found between a LETS's local record and its parameters on chain (see refreshLetsParameters). */
  readonly warnings: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly following: ReturnType<typeof loadTracked>,
    network: Network,
    private readonly unchecked: ReadonlySet<string> = new Set(),
  ) {
    this.boxes = new BoxBatch(db);
    this.ownWaiting = awaitingInclusion(db, network);
  }

  /** `position` is the transaction's index among its block's transactions. */
  apply(tx: ChainTransaction, header: Pick<ChainHeader, 'height' | 'timestamp'>, position: number): void {
    const { db, boxes } = this;
    const effects = classifyTransaction(tx, this.following.tracked, this.following.letsTokenIds, (boxId) => boxes.find(boxId));
    const stored = effects.spent.length > 0 || effects.created.length > 0 || this.ownWaiting.has(tx.id);
    if (stored && this.unchecked.has(tx.id)) throw contentMismatch(tx.id);
    for (const boxId of effects.spent) boxes.spend(boxId, tx.id, header.height);
    for (const box of effects.created) {
      boxes.create(box, header.height);
      // The management box (committee) and the public token box (trustless) both state the LETS in R5–R8.
      if (box.kind !== 'account') {
        const parameters = decodeLetsParameters(box.box.additionalRegisters);
        const warning = parameters && refreshLetsParameters(db, box.letsId, parameters);
        if (warning) this.warnings.push(warning);
      }
    }
    for (const entry of effects.entries) {
      const place = { transactionId: tx.id, header, position };
      if (entry.boxId === null) insertClosingEntry(db, entry, place);
      else boxes.addEntry(entry.boxId, { entry, place });
    }
    if (this.ownWaiting.has(tx.id)) markIncluded(db, tx.id, header.height);
  }

  /** Writes the boxes held back (see BoxBatch); call it before the SQLite transaction commits. */
  finish(): string[] {
    this.boxes.write();
    return this.warnings;
  }
}
