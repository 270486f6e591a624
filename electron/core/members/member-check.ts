import { PROFILE_LIMITS } from '../api/calls/member-types';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { accountBalances } from '../mirror/queries/ledger';
import { membershipsLeft } from '../mirror/queries/lets';
import { addMemberProfile, profilesByKey } from '../mirror/queries/members';
import type { ErgoNetwork } from '../signers/signer';
import { BOTH_KEPT, nameKey, shortened } from './member-names';
import { keyFromAddress, ownerAddress, publicKeyProblem, splitKeyText, type AddressProblem, type KeyProblem } from './owner-address';

const KEY_PROBLEMS: Record<KeyProblem, string> = {
  'not-hex-33': 'the public key is not 33 bytes of hex (66 characters 0–9 and a–f)',
  identity: 'the key is the identity point of the curve (all zeros), a key nobody can ever sign for',
  'not-on-curve': 'the public key is not a valid Ergo public key (it must start with 02 or 03 and be a point of the curve)',
};

const ADDRESS_PROBLEMS = (network: ErgoNetwork): Record<AddressProblem, string> => ({
  invalid: 'the address is not a valid Ergo address (check for a typo or a missing character)',
  'wrong-network': `the address is for another network (this LETS runs on ${network})`,
  'not-p2pk': 'the address is a script address, not a member’s wallet (P2PK) address',
});

/** What checking a new member needs to know about the LETS already: who has a profile, who has an account on chain. */
export interface MemberContext {
  network: ErgoNetwork;
  /** Profiles the treasurer named; a placeholder the sync made is not one of them (the new member takes it over). */
  existingProfiles: ReadonlyMap<string, { name: string }>;
  enrolledKeys: ReadonlySet<string>;
  /** Memberships the committee can still give (LetsSummary.membershipsLeft); null where none are counted (trustless). */
  membershipsLeft: number | null;
}

export function memberContext(db: Db, letsId: number, network: ErgoNetwork): MemberContext {
  return {
    network,
    existingProfiles: new Map([...profilesByKey(db, letsId)].filter(([, profile]) => profile.named)),
    enrolledKeys: new Set(accountBalances(db, letsId).map((a) => a.memberKey)),
    membershipsLeft: membershipsLeft(db, letsId),
  };
}

/** The owner key of one row, from its public key, its address, or both when they agree; or why there is none. */
function ownerKeyOf(publicKey: string, address: string, network: ErgoNetwork): { key: string } | { problem: string } {
  let fromKey: string | undefined;
  if (publicKey !== '') {
    const problem = publicKeyProblem(publicKey);
    if (problem) return { problem: KEY_PROBLEMS[problem] };
    fromKey = publicKey.toLowerCase();
  }
  if (address !== '') {
    const decoded = keyFromAddress(address, network);
    if ('problem' in decoded) return { problem: { ...ADDRESS_PROBLEMS(network), ...KEY_PROBLEMS }[decoded.problem] };
    if (fromKey !== undefined && fromKey !== decoded.key) return { problem: 'the public key and the address belong to different keys' };
    return decoded;
  }
  return fromKey === undefined ? { problem: 'give the member’s public key or address' } : { key: fromKey };
}

function tooLong(field: 'name' | 'contact' | 'notes', value: string): string | null {
  return value.length > PROFILE_LIMITS[field] ? `the ${field} is longer than ${PROFILE_LIMITS[field]} characters` : null;
}

export interface MemberFields {
  name: string;
  contact: string;
  notes: string;
  /** Either may be empty, not both; when both are given they must be the same key. */
  publicKey: string;
  address: string;
}

export interface CheckedMember {
  name: string;
  contact: string;
  notes: string;
  ownerKey: string;
  /** The key already has an account box on chain; otherwise the member waits for the enrolment wizard. */
  enrolled: boolean;
}

/** A key given in one field, as its public key or its address (typed, pasted, or typed by a QR scanner). */
export function keyFromText(text: string, network: ErgoNetwork): { key: string } | { problem: string } {
  const { publicKey, address } = splitKeyText(text.trim());
  return ownerKeyOf(publicKey, address, network);
}

/** One new member as typed or imported, checked against the rules and the LETS; or the first problem, in words. */
export function checkMember(fields: MemberFields, context: MemberContext): CheckedMember | { problem: string } {
  const { name, contact, notes } = fields;
  const fieldProblem = (name === '' ? 'the name is empty' : null) ?? tooLong('name', name) ?? tooLong('contact', contact) ?? tooLong('notes', notes);
  if (fieldProblem !== null) return { problem: fieldProblem };
  const owner = ownerKeyOf(fields.publicKey, fields.address, context.network);
  if ('problem' in owner) return owner;
  const existing = context.existingProfiles.get(owner.key);
  if (existing) return { problem: `this key already belongs to ${existing.name} in this LETS` };
  return { name, contact, notes, ownerKey: owner.key, enrolled: context.enrolledKeys.has(owner.key) };
}

/** An address shortened to what tells two members apart on screen and on paper. */
export const shortAddress = (ownerKey: string, network: ErgoNetwork): string => shortened(ownerAddress(ownerKey, network));

/**
 * Two members may share a name (two Marias at the market): not refused, but said, with how to tell them apart. Null
 * when no member already in the LETS has this member's name.
 */
export function sameNameWarning(member: Pick<CheckedMember, 'name' | 'ownerKey'>, context: MemberContext): string | null {
  const others = [...context.existingProfiles].filter(([key, profile]) => key !== member.ownerKey && nameKey(profile.name) === nameKey(member.name));
  if (others.length === 0) return null;
  const addresses = others.map(([key]) => shortAddress(key, context.network)).join(', ');
  return `${member.name.trim()} has the same name as ${others.length === 1 ? 'a member' : `${others.length} members`} already in this LETS (${addresses}); ${BOTH_KEPT}. A surname or an initial in the name tells them apart at a glance.`;
}

/** Adds one member typed in the enrolment wizard (stored on this computer; enrolment on chain is the next step). */
export function addMember(db: Db, letsId: number, fields: MemberFields, network: ErgoNetwork): { id: number; warning: string | null } {
  const context = memberContext(db, letsId, network);
  const checked = checkMember(fields, context);
  if ('problem' in checked) {
    const sentence = `${checked.problem.charAt(0).toUpperCase()}${checked.problem.slice(1)}.`;
    throw new AppError('invalid-input', sentence, 'Correct it and try again.');
  }
  const id = addMemberProfile(db, { letsId, ownerKey: checked.ownerKey, name: checked.name, contact: checked.contact, notes: checked.notes });
  return { id, warning: sameNameWarning(checked, context) };
}

