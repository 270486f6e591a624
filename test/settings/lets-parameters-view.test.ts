import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/mirror/database';
import { addLets, refreshLetsParameters } from '../../electron/core/mirror/queries/lets';
import { letsParameters } from '../../electron/core/settings/lets-parameters-view';
import { tempDir } from '../helpers/temp-dir';

describe('the LETS parameters Settings shows', () => {
  it('shows the local record until the chain is read, and what differed once the chain’s values replaced it', () => {
    const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
    const id = addLets(db, { letsTokenId: 'c'.repeat(64), name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -100_00n, creditCap: null });
    expect(letsParameters(db)).toEqual([{ id, name: 'Riverside LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -100_00n, creditCap: null, readFromChain: false, chainWarning: null }]);

    const warning = refreshLetsParameters(db, id, { name: 'Riverside LETS', unit: 'EUR-LETS', floor: -200_00n, cap: 500_00n });
    expect(warning).not.toBeNull();
    expect(letsParameters(db)[0]).toMatchObject({ creditFloor: -200_00n, creditCap: 500_00n, chainWarning: warning });
  });
});
