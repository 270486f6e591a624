import type { HexId } from '../../chain/chain-source';
import { AppError } from '../../errors/app-error';
import type { Db } from '../database';
import { findSpendableBox, insertMirroredBox, markSpent, type BoxWriting } from '../queries/chain-store';
import type { MirroredBox, SpentBox } from './classify-transaction';

interface HeldBox {
  mirrored: MirroredBox;
  height: number;
  spent: NonNullable<BoxWriting['spent']> | null;
  entry: NonNullable<BoxWriting['entry']> | null;
}

/**
 * The boxes one batch of blocks creates, held in memory until the batch is written. A member's account box is
 * usually spent again a few blocks later, by their next trade; written at once, each such box would cost an insert,
 * then an update and, in between, a lookup by id in an index of every box ever seen. Held back, it is looked up in a
 * Map and written once, already spent. Everything happens inside the caller's SQLite transaction (write() included),
 * so the mirror on disk goes from one block boundary to the next exactly as before.
 */
export class BoxBatch {
  private readonly held = new Map<HexId, HeldBox>();
  /** Ids of ergo trees in the scripts table by LETS and kind, valid for this transaction only (see insertMirroredBox). */
  private readonly scripts = new Map<string, bigint>();

  constructor(private readonly db: Db) {}

  /** A mirrored box by id, spent or not, whether written already or still held: what classifying an input needs. */
  find(boxId: HexId): SpentBox | undefined {
    const held = this.held.get(boxId);
    if (!held) return findSpendableBox(this.db, boxId);
    const { letsId, kind, ownerKey, balance } = held.mirrored;
    return { boxId, letsId, kind, ownerKey, balance };
  }

  create(mirrored: MirroredBox, height: number): void {
    const { boxId, transactionId } = mirrored.box;
    // Written directly, the second copy would fail on the table's primary key; held, it must fail here.
    if (this.held.has(boxId)) {
      throw new AppError(
        'chain-response-invalid',
        `The chain shows box ${boxId.slice(0, 12)}… created twice (again by transaction ${transactionId.slice(0, 12)}…).`,
        'The node is inconsistent; try again later or use another node. The mirror was not changed.',
      );
    }
    this.held.set(boxId, { mirrored, height, spent: null, entry: null });
  }

  /** The ledger entry stored with the account box its transaction created, which is held since this batch created it. */
  addEntry(boxId: HexId, entry: NonNullable<BoxWriting['entry']>): void {
    const held = this.held.get(boxId);
    if (!held) {
      throw new AppError('internal', `A ledger entry names box ${boxId.slice(0, 12)}…, which its transaction did not create.`, 'This is a bug in the app; please report it.');
    }
    held.entry = entry;
  }

  spend(boxId: HexId, spentBy: HexId, height: number): void {
    const held = this.held.get(boxId);
    if (held) held.spent = { by: spentBy, height };
    else markSpent(this.db, boxId, spentBy, height);
  }

  /** Writes every held box; call it before the transaction commits. */
  write(): void {
    for (const { mirrored, height, spent, entry } of this.held.values()) insertMirroredBox(this.db, mirrored, height, { scripts: this.scripts, spent, entry });
    this.held.clear();
  }
}
