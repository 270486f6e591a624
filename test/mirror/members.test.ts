import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/mirror/database';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile, addMemberProfiles, findMember, listMembers, updateMemberProfile } from '../../electron/core/mirror/queries/members';
import { tempDir } from '../helpers/temp-dir';
import { aLetsMirror, KEYS } from '../members/member-mirror';

function aMirrorWith(names: Array<[name: string, contact: string]>) {
  const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
  const letsId = addLets(db, { letsTokenId: 'd'.repeat(64), name: 'Test LETS', unit: 'EUR-LETS', model: 'committee', creditFloor: -20_000n, creditCap: null });
  names.forEach(([name, contact], i) => addMemberProfile(db, { letsId, ownerKey: `02${i.toString(16).padStart(64, '0')}`, name, contact }));
  return db;
}

describe('member profiles', () => {
  it('are listed by name, case-insensitively', () => {
    const db = aMirrorWith([['charlie', ''], ['Alice', ''], ['Bob', '']]);
    expect(listMembers(db).map((m) => m.name)).toEqual(['Alice', 'Bob', 'charlie']);
  });

  it('are found by part of the name or contact', () => {
    const db = aMirrorWith([['Alice', 'alice@example.org'], ['Bob', 'stall 4']]);
    expect(listMembers(db, { search: 'STALL' }).map((m) => m.name)).toEqual(['Bob']);
    expect(listMembers(db, { search: 'lic' }).map((m) => m.name)).toEqual(['Alice']);
  });

  it('treat % and _ in the search as plain characters', () => {
    const db = aMirrorWith([['100% Honey', ''], ['Bob', ''], ['a_b', '']]);
    expect(listMembers(db, { search: '%' }).map((m) => m.name)).toEqual(['100% Honey']);
    expect(listMembers(db, { search: '_' }).map((m) => m.name)).toEqual(['a_b']);
  });

  it('allow one profile per owner key within a LETS', () => {
    const db = aMirrorWith([['Alice', '']]);
    expect(() => addMemberProfile(db, { letsId: 1, ownerKey: `02${'0'.repeat(64)}`, name: 'Alice again' })).toThrow(/UNIQUE/);
  });
});

describe('the member directory over chain data', () => {
  function aDirectory() {
    const mirror = aLetsMirror();
    mirror.enrol('Alice', KEYS.alice);
    mirror.enrol('Bob', KEYS.bob);
    mirror.enrol('charlie', KEYS.charlie);
    mirror.profile('Dora', KEYS.dora);
    mirror.trade(KEYS.alice, KEYS.bob, 2_00n, Date.UTC(2026, 0, 5));
    mirror.trade(KEYS.bob, KEYS.charlie, 3_50n, Date.UTC(2026, 0, 9));
    return mirror;
  }
  const names = (members: { name: string }[]) => members.map((m) => m.name);

  it('gives each member their state, balance from chain and last trade time', () => {
    const { db, letsId } = aDirectory();
    expect(listMembers(db).map((m) => [m.name, m.letsId, m.state, m.balance, m.lastTradeAt])).toEqual([
      ['Alice', letsId, 'enrolled', -2_00n, Date.UTC(2026, 0, 5)],
      ['Bob', letsId, 'enrolled', -1_50n, Date.UTC(2026, 0, 9)],
      ['charlie', letsId, 'enrolled', 3_50n, Date.UTC(2026, 0, 9)],
      ['Dora', letsId, 'not-enrolled', null, null],
    ]);
  });

  it('sorts by balance either way, members without a balance last', () => {
    const { db } = aDirectory();
    expect(names(listMembers(db, { sort: 'balance' }))).toEqual(['Alice', 'Bob', 'charlie', 'Dora']);
    expect(names(listMembers(db, { sort: 'balance', direction: 'desc' }))).toEqual(['charlie', 'Bob', 'Alice', 'Dora']);
  });

  it('sorts by last trade either way (ties by name), members who never traded last', () => {
    const { db } = aDirectory();
    expect(names(listMembers(db, { sort: 'lastTrade' }))).toEqual(['Alice', 'Bob', 'charlie', 'Dora']);
    expect(names(listMembers(db, { sort: 'lastTrade', direction: 'desc' }))).toEqual(['Bob', 'charlie', 'Alice', 'Dora']);
  });

  it('sorts by name in reverse', () => {
    const { db } = aDirectory();
    expect(names(listMembers(db, { direction: 'desc' }))).toEqual(['Dora', 'charlie', 'Bob', 'Alice']);
  });

  it('lists the members of one LETS only when asked', () => {
    const { db, letsId } = aDirectory();
    expect(listMembers(db, { letsId: letsId + 1 })).toEqual([]);
    expect(listMembers(db, { letsId })).toHaveLength(4);
  });

  it('stores edits of the local-only metadata and refuses an unknown member', () => {
    const { db } = aDirectory();
    const bob = listMembers(db, { search: 'Bob' })[0];
    updateMemberProfile(db, bob?.id ?? 0, { name: 'Bob Ndiaye', contact: 'stall 4', notes: 'Sells milk' });
    expect(findMember(db, bob?.id ?? 0)).toMatchObject({ name: 'Bob Ndiaye', contact: 'stall 4', notes: 'Sells milk', balance: -1_50n });
    expect(() => updateMemberProfile(db, 999, { name: 'X', contact: '', notes: '' })).toThrow(/no longer in the local database/);
  });

  it('adds many profiles in one transaction: one failing insert keeps none of them', () => {
    const { db, letsId } = aLetsMirror();
    const before = listMembers(db);
    expect(() =>
      addMemberProfiles(db, [
        { letsId, ownerKey: KEYS.alice, name: 'Alice' },
        { letsId, ownerKey: KEYS.bob, name: '' },
      ]),
    ).toThrow(/CHECK constraint/);
    expect(listMembers(db)).toEqual(before);
  });
});
