import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/mirror/database';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile, listMembers } from '../../electron/core/mirror/queries/members';
import { tempDir } from '../helpers/temp-dir';

function aMirrorWith(names: Array<[name: string, contact: string]>) {
  const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
  const letsId = addLets(db, { letsTokenId: 'd'.repeat(64), name: 'Test LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -20_000n, creditCap: null });
  names.forEach(([name, contact], i) => addMemberProfile(db, { letsId, ownerKey: `02${i.toString(16).padStart(64, '0')}`, name, contact }));
  return db;
}

describe('member profiles', () => {
  it('are listed by name, case-insensitively', () => {
    const db = aMirrorWith([['charlie', ''], ['Alice', ''], ['Bob', '']]);
    expect(listMembers(db, '').map((m) => m.name)).toEqual(['Alice', 'Bob', 'charlie']);
  });

  it('are found by part of the name or contact', () => {
    const db = aMirrorWith([['Alice', 'alice@example.org'], ['Bob', 'stall 4']]);
    expect(listMembers(db, 'STALL').map((m) => m.name)).toEqual(['Bob']);
    expect(listMembers(db, 'lic').map((m) => m.name)).toEqual(['Alice']);
  });

  it('treat % and _ in the search as plain characters', () => {
    const db = aMirrorWith([['100% Honey', ''], ['Bob', ''], ['a_b', '']]);
    expect(listMembers(db, '%').map((m) => m.name)).toEqual(['100% Honey']);
    expect(listMembers(db, '_').map((m) => m.name)).toEqual(['a_b']);
  });

  it('allow one profile per owner key within a LETS', () => {
    const db = aMirrorWith([['Alice', '']]);
    expect(() => addMemberProfile(db, { letsId: 1, ownerKey: `02${'0'.repeat(64)}`, name: 'Alice again' })).toThrow(/UNIQUE/);
  });
});
