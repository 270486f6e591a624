import { describe, expect, it } from 'vitest';
import { addMember, shortAddress } from '../../electron/core/members/member-check';
import { memberLabels } from '../../electron/core/members/member-names';
import { ownerAddress } from '../../electron/core/members/owner-address';
import { listMembers } from '../../electron/core/mirror/queries/members';
import { aLetsMirror, KEYS } from './member-mirror';

const fields = (name: string, publicKey: string) => ({ name, contact: '', notes: '', publicKey, address: '' });

describe('adding a member in the enrolment wizard', () => {
  it('keeps a second member of the same name, saying so and how they are told apart', () => {
    const mirror = aLetsMirror();
    mirror.enrol('Maria', KEYS.alice);
    const { id, warning } = addMember(mirror.db, mirror.letsId, fields(' maria ', KEYS.bob), 'testnet');
    expect(warning).toBe(
      `maria has the same name as a member already in this LETS (${shortAddress(KEYS.alice, 'testnet')}); both are kept, and lists show each with their address. A surname or an initial in the name tells them apart at a glance.`,
    );
    expect(listMembers(mirror.db).filter((m) => m.name.trim().toLowerCase() === 'maria').map((m) => m.id)).toContain(id);
    expect(addMember(mirror.db, mirror.letsId, fields('Maria B.', KEYS.charlie), 'testnet').warning).toBeNull();
  });
});

describe('members told apart where they are chosen', () => {
  it('shows the shortened address beside a name two members share, the name alone otherwise', () => {
    const member = (id: number, name: string, key: string) => ({ id, name, ownerKey: key, address: ownerAddress(key, 'testnet') });
    const labels = memberLabels([member(1, 'Maria', KEYS.alice), member(2, 'maria ', KEYS.bob), member(3, 'Dora', KEYS.dora)]);
    expect(labels.get(1)).toBe(`Maria (${shortAddress(KEYS.alice, 'testnet')})`);
    expect(labels.get(2)).toBe(`maria  (${shortAddress(KEYS.bob, 'testnet')})`);
    expect(labels.get(3)).toBe('Dora');
    expect(shortAddress(KEYS.alice, 'testnet')).toMatch(/^3W.{4}….{4}$/);
  });

  it('tells apart members of a LETS not on chain yet, which have no addresses, by the start of their keys', () => {
    const mirror = aLetsMirror();
    mirror.profile('Eve', KEYS.erin);
    mirror.profile('Eve', KEYS.dora);
    const members = listMembers(mirror.db);
    expect(members.map((m) => m.address)).toEqual([null, null]);
    const labels = memberLabels(members);
    expect(members.map((m) => labels.get(m.id)).sort()).toEqual([`Eve (key ${KEYS.dora.slice(0, 8)}…)`, `Eve (key ${KEYS.erin.slice(0, 8)}…)`].sort());
  });
});

describe('a key typed as an address', () => {
  it('tells text that is no Ergo address at all from a real address of the other network', () => {
    const mirror = aLetsMirror();
    const add = (address: string) => () => addMember(mirror.db, mirror.letsId, { name: 'Dora', contact: '', notes: '', publicKey: '', address }, 'testnet');
    for (const notAnAddress of ['hello world', 'HelloWorld', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', `${ownerAddress(KEYS.dora, 'testnet').slice(0, -1)}x`]) {
      expect(add(notAnAddress)).toThrow('The address is not a valid Ergo address (check for a typo or a missing character).');
    }
    expect(add(ownerAddress(KEYS.dora, 'mainnet'))).toThrow('The address is for another network (this LETS runs on testnet).');
  });
});
