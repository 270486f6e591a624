import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/mirror/database';
import { bundledMigrations } from '../../electron/core/mirror/migrations';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { listOutbox, standingSignatureRequest } from '../../electron/core/mirror/queries/outbox';
import { addOutboxDetails, reversalOf } from '../../electron/core/mirror/queries/outbox-details';

/** Stop 19 shipped migration 15: signing requests with their times but not their link. */
const STOP_19 = bundledMigrations.slice(0, 15);
const TX = 'ab'.repeat(32);

describe('migration 16: signing-request links and trade reversals', () => {
  it('ends a request shown before the link was kept, keeps the transaction waiting, and lets trades be reversed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lets-m16-')), 'mirror.sqlite');
    const older = openDatabase(file, { migrations: STOP_19 });
    const letsId = addLets(older, { letsTokenId: 'c'.repeat(64), name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -200_00n, creditCap: null });
    // As stop 19's code wrote a request: requested, with its end, and no link.
    older
      .prepare(`INSERT INTO outbox (lets_id, transaction_id, purpose, description, state, input_box_ids, unsigned_json, created_at, updated_at, requested_at, request_expires_at)
        VALUES (?, ?, 'trade', 'Alice pays Bob 1.50 EUR-LETS', 'built', '[]', '{}', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z')`)
      .run(letsId, TX);
    older.close();

    const db = openDatabase(file);
    expect(standingSignatureRequest(db, TX)).toBeUndefined();
    expect(listOutbox(db)).toEqual([expect.objectContaining({ transactionId: TX, state: 'built', requestExpiresAt: null })]);
    addOutboxDetails(db, TX, { inputKeys: [], signedBy: 'Alice', memo: 'reverses cdcdcdcdcdcd', reverses: 'cd'.repeat(32) });
    expect(reversalOf(db, 'cd'.repeat(32))).toEqual({ transactionId: TX, state: 'built' });
    db.close();
  });
});
