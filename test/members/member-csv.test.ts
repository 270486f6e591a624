import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/core/csv/csv';
import { exportMembersCsv } from '../../electron/core/members/member-export';
import { importMembers, MAX_IMPORT_ROWS, planImport, previewImport } from '../../electron/core/members/member-import';
import { ownerAddress } from '../../electron/core/members/owner-address';
import { shortAddress } from '../../electron/core/members/member-check';
import { listMembers } from '../../electron/core/mirror/queries/members';
import { aLetsMirror, KEYS } from './member-mirror';

const csv = (...lines: string[]) => lines.join('\n');
const HEADER = 'name,contact,notes,public_key';
const TODAY = new Date(Date.UTC(2026, 1, 3));

describe('member CSV import', () => {
  it('previews every row with its key and enrolment state, storing nothing', () => {
    const mirror = aLetsMirror();
    mirror.enrol('x', KEYS.erin, { profile: false });
    const membersBefore = listMembers(mirror.db);
    const preview = previewImport(
      mirror.db,
      mirror.letsId,
      csv(HEADER, `Dora,dora@example.org,"Bakes bread, Fridays",${KEYS.dora}`, `Erin,,,${KEYS.erin.toUpperCase()}`),
      'testnet',
    );
    expect(preview).toEqual({
      rows: [
        { row: 2, name: 'Dora', contact: 'dora@example.org', notes: 'Bakes bread, Fridays', ownerKey: KEYS.dora, enrolled: false },
        { row: 3, name: 'Erin', contact: '', notes: '', ownerKey: KEYS.erin, enrolled: true },
      ],
      problems: [],
      warnings: [],
      ignoredColumns: [],
    });
    // Erin joined without a profile: only the sync's placeholder for her account, which her row will take over.
    expect(membersBefore.map((m) => [m.name, m.named])).toEqual([['Member 022f8bde', false]]);
    expect(listMembers(mirror.db)).toEqual(membersBefore);
  });

  it('says what is wrong in each row, numbered as in the spreadsheet', () => {
    const mirror = aLetsMirror();
    mirror.enrol('Alice', KEYS.alice);
    const { problems, rows } = previewImport(
      mirror.db,
      mirror.letsId,
      csv(
        'name,address,public_key',
        `Bob,,${KEYS.bob}`,
        `,,${KEYS.charlie}`,
        `Dora,,${KEYS.dora.slice(0, 60)}`,
        `Dora,,02${'1'.repeat(64)}`,
        `Erin,${ownerAddress(KEYS.erin, 'mainnet')},`,
        'Fay,,',
        `Bob again,,${KEYS.bob}`,
        `Alice,,${KEYS.alice}`,
        `Gus,${ownerAddress(KEYS.dora, 'testnet')},${KEYS.erin}`,
        `Hal,"a,b",${KEYS.dora},extra`,
      ),
      'testnet',
    );
    expect(rows.map((r) => r.name)).toEqual(['Bob']);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 3: the name is empty.',
      'Row 4: the public key is not 33 bytes of hex (66 characters 0–9 and a–f).',
      'Row 5: the public key is not a valid Ergo public key (it must start with 02 or 03 and be a point of the curve).',
      'Row 6: the address is for another network (this LETS runs on testnet).',
      'Row 7: give the member’s public key or address.',
      'Row 8: the same key as row 2.',
      'Row 9: this key already belongs to Alice in this LETS.',
      'Row 10: the public key and the address belong to different keys.',
      'Row 11: it has 4 cells but the header has 3 (a comma inside a cell needs quotes).',
    ]);
  });

  it('refuses a file without the columns it needs, an empty file and a file that is too long', () => {
    const { db, letsId } = aLetsMirror();
    const problems = (text: string) => previewImport(db, letsId, text, 'testnet').problems.map((p) => p.message);
    expect(problems(csv('contact,public_key', `x,${KEYS.bob}`))).toEqual(['Row 1 must name the columns: a "name" column is missing.']);
    expect(problems(csv('name,contact', 'Bob,x'))).toEqual(['Row 1 must name the columns: a "public_key" or an "address" column is missing.']);
    expect(problems('')).toEqual(['The file is empty.']);
    expect(problems(HEADER)).toEqual(['The file has no member rows below its header.']);
    expect(problems(csv(HEADER, '"Bob,x'))).toEqual(['Row 2: a quoted cell is never closed (a " is missing).']);
    const tooMany = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => `x,,,${KEYS.bob}`);
    expect(problems(csv(HEADER, ...tooMany))).toEqual([`The file has ${MAX_IMPORT_ROWS + 1} member rows; import at most ${MAX_IMPORT_ROWS} at a time.`]);
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('reads a file separated by %s, as spreadsheet programs write it, with or without a byte-order mark', (_what, separator) => {
    const { db, letsId } = aLetsMirror();
    const file = (bom: string) =>
      bom + csv(['name', 'contact', 'notes', 'public_key'].join(separator), ['Dora', 'dora@example.org', '"Bakes bread; cakes, Fridays"', KEYS.dora].join(separator));
    for (const bom of ['', '\uFEFF']) {
      const { rows, problems } = previewImport(db, letsId, file(bom), 'testnet');
      expect(problems).toEqual([]);
      expect(rows.map((r) => [r.name, r.contact, r.notes, r.ownerKey])).toEqual([['Dora', 'dora@example.org', 'Bakes bread; cakes, Fridays', KEYS.dora]]);
    }
    const extraCell = csv(['name', 'public_key'].join(separator), ['Dora', KEYS.dora, 'x'].join(separator));
    expect(previewImport(db, letsId, extraCell, 'testnet').problems.map((p) => p.message)).toEqual([
      `Row 2: it has 3 cells but the header has 2 (a ${separator === ';' ? 'semicolon' : 'tab'} inside a cell needs quotes).`,
    ]);
  });

  it('names the separator it read a file with when the file has another', () => {
    const { db, letsId } = aLetsMirror();
    expect(previewImport(db, letsId, csv('name|public_key', `Dora|${KEYS.dora}`), 'testnet').problems.map((p) => p.message)).toEqual([
      'Row 1 must name the columns: a "name" column is missing (row 1 was read as separated by commas: save the file as CSV, separated by commas, semicolons or tabs).',
    ]);
  });

  it('warns of a name another member or an earlier row has, importing both', () => {
    const mirror = aLetsMirror();
    mirror.enrol('Alice Martin', KEYS.alice);
    const preview = previewImport(
      mirror.db,
      mirror.letsId,
      csv(HEADER, `alice  MARTIN,,,${KEYS.bob}`, `Dora,,,${KEYS.dora}`, `Dora,,,${KEYS.erin}`, `Charlie,,,${KEYS.charlie}`),
      'testnet',
    );
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => r.name)).toEqual(['alice  MARTIN', 'Dora', 'Dora', 'Charlie']);
    const aliceAddress = shortAddress(KEYS.alice, 'testnet');
    expect(aliceAddress).toMatch(/^3W.{4}….{4}$/);
    expect(preview.warnings).toEqual([
      {
        row: 2,
        message: `Row 2: alice  MARTIN has the same name as a member already in this LETS (${aliceAddress}); both are kept, and lists show each with their address. A surname or an initial in the name tells them apart at a glance.`,
      },
      { row: 4, message: 'Row 4: Dora has the same name as row 3; both are kept, and lists show each with their address.' },
    ]);
  });

  it('says before anything is enrolled when the file has more members to enrol than the LETS has memberships left, and how to make room', () => {
    const context = (membershipsLeft: number | null) => ({ network: 'testnet' as const, existingProfiles: new Map(), enrolledKeys: new Set([KEYS.erin]), membershipsLeft });
    const file = csv(HEADER, `Dora,,,${KEYS.dora}`, `Bob,,,${KEYS.bob}`, `Erin,,,${KEYS.erin}`);
    // Erin is enrolled already: two to enrol.
    expect(planImport(file, context(2)).warnings).toEqual([]);
    expect(planImport(file, context(null)).warnings).toEqual([]);
    const short = planImport(file, context(1));
    expect(short.rows).toHaveLength(3);
    expect(short.warnings).toEqual([
      {
        row: null,
        message:
          'This file has 2 members to enrol, but this LETS has only 1 membership left: to make room, close the accounts of members who have left, at a balance of 0.00 (Members: open the member, then “Close account”), or found a LETS with room for more.',
      },
    ]);
    expect(planImport(file, context(0)).warnings[0]?.message).toMatch(/^This file has 2 members to enrol, but this LETS has no membership left: to make room, /);
  });

  it('imports nothing when one row is bad, everything once it is fixed', () => {
    const mirror = aLetsMirror();
    const bad = csv(HEADER, `Dora,,,${KEYS.dora}`, `Erin,,,${KEYS.erin.slice(1)}`);
    expect(() => importMembers(mirror.db, mirror.letsId, bad, 'testnet')).toThrow('Nothing was imported. Row 3: the public key is not 33 bytes of hex');
    expect(listMembers(mirror.db)).toEqual([]);
    expect(importMembers(mirror.db, mirror.letsId, csv(HEADER, `Dora,,,${KEYS.dora}`, `Erin,,,${KEYS.erin}`), 'testnet')).toEqual({ imported: 2 });
    expect(listMembers(mirror.db).map((m) => [m.name, m.state, m.balance])).toEqual([
      ['Dora', 'not-enrolled', null],
      ['Erin', 'not-enrolled', null],
    ]);
  });

  it('names an account that was enrolled without a profile, keeping its id, and refuses it a second time', () => {
    const mirror = aLetsMirror();
    mirror.enrol('x', KEYS.erin, { profile: false });
    const [placeholder] = listMembers(mirror.db);
    expect(importMembers(mirror.db, mirror.letsId, csv(HEADER, `Dora,,,${KEYS.dora}`, `Erin,stall 2,Sells eggs,${KEYS.erin}`), 'testnet')).toEqual({ imported: 2 });
    expect(listMembers(mirror.db).map((m) => [m.id, m.name, m.named, m.contact, m.state])).toEqual([
      [expect.any(Number), 'Dora', true, '', 'not-enrolled'],
      [placeholder?.id, 'Erin', true, 'stall 2', 'enrolled'],
    ]);
    expect(() => importMembers(mirror.db, mirror.letsId, csv(HEADER, `Erin again,,,${KEYS.erin}`), 'testnet')).toThrow('Row 2: this key already belongs to Erin in this LETS.');
  });

  it('keeps nothing when the database refuses a row halfway through the transaction', () => {
    const mirror = aLetsMirror();
    // A trigger stands in for any failure while writing (disk full, a constraint): the second insert aborts.
    mirror.db.exec(`CREATE TEMP TRIGGER refuse_erin BEFORE INSERT ON member_profiles WHEN NEW.name = 'Erin' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => importMembers(mirror.db, mirror.letsId, csv(HEADER, `Dora,,,${KEYS.dora}`, `Erin,,,${KEYS.erin}`), 'testnet')).toThrow('disk full');
    expect(listMembers(mirror.db)).toEqual([]);
  });
});

describe('member CSV export', () => {
  it('writes every member with key, address, state, balance as a decimal and last trade, formula-safe', () => {
    const mirror = aLetsMirror();
    mirror.enrol('Alice', KEYS.alice);
    mirror.enrol('=HYPERLINK("x")', KEYS.bob);
    mirror.trade(KEYS.alice, KEYS.bob, 2_00n, Date.UTC(2026, 0, 5, 10));
    mirror.profile('Dora', KEYS.dora);
    const file = exportMembersCsv(mirror.db, mirror.letsId, 'testnet', TODAY);
    expect(file.fileName).toBe('riverside-lets-members-2026-02-03.csv');
    expect(file.rowCount).toBe(3);
    expect(file.csv.split('\r\n')).toEqual([
      'name,contact,notes,public_key,address,state,balance,last_trade',
      `"'=HYPERLINK(""x"")","'=hyperlink(""x"")@example.org",,${KEYS.bob},${ownerAddress(KEYS.bob, 'testnet')},enrolled,2.00,2026-01-05T10:00:00.000Z`,
      `Alice,alice@example.org,,${KEYS.alice},${ownerAddress(KEYS.alice, 'testnet')},enrolled,-2.00,2026-01-05T10:00:00.000Z`,
      `Dora,,,${KEYS.dora},${ownerAddress(KEYS.dora, 'testnet')},not enrolled,,`,
      '',
    ]);
  });

  it('can be imported again on another computer, names with formulas restored', () => {
    const source = aLetsMirror();
    source.enrol('=cmd', KEYS.alice);
    source.profile('Dora', KEYS.dora);
    const { csv: exported } = exportMembersCsv(source.db, source.letsId, 'testnet', TODAY);
    const target = aLetsMirror();
    const preview = previewImport(target.db, target.letsId, exported, 'testnet');
    expect(preview.problems).toEqual([]);
    expect(preview.ignoredColumns).toEqual(['state', 'balance', 'last_trade']);
    expect(preview.rows.map((r) => [r.name, r.ownerKey])).toEqual([['=cmd', KEYS.alice], ['Dora', KEYS.dora]]);
    expect(parseCsv(exported)[1]?.cells[0]).toBe("'=cmd");
  });
});
