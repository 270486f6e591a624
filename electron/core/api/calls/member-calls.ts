import { z } from 'zod';
import { call } from '../call';
import type { LetsSummary, MemberSummary } from '../types';
import { PROFILE_LIMITS, type ImportPreview, type LetsRules, type MemberCsvFile, type MemberDetail } from './member-types';

const memberId = z.number().int().positive();
const letsId = z.number().int().positive();
// What a CSV of a few thousand members takes; the web bridge accepts 1 MB per request.
const MAX_CSV_CHARS = 900_000;
const csvText = z.string().max(MAX_CSV_CHARS, 'The file is larger than 900 kB: split it into smaller files.');

const profileFields = {
  name: z.string().trim().min(1, 'The name cannot be empty.').max(PROFILE_LIMITS.name, `The name can be at most ${PROFILE_LIMITS.name} characters.`),
  contact: z.string().trim().max(PROFILE_LIMITS.contact, `The contact can be at most ${PROFILE_LIMITS.contact} characters.`),
  notes: z.string().trim().max(PROFILE_LIMITS.notes, `The notes can be at most ${PROFILE_LIMITS.notes} characters.`),
};

/** The LETS the mirror follows and their members: directory, detail, local-only metadata, CSV import and export. */
export const memberCalls = {
  'lets.list': call<LetsSummary[]>()(z.strictObject({})),
  /** Per followed LETS, which rules its chain contracts enforce and which are only kept by the app or its people. */
  'lets.rules': call<LetsRules[]>()(z.strictObject({})),
  'members.list': call<MemberSummary[]>()(
    z.strictObject({
      search: z.string().trim().max(100, 'Search text can be at most 100 characters.').default(''),
      letsId: letsId.nullable().default(null),
      sort: z.enum(['name', 'balance', 'lastTrade']).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
    }),
  ),
  'members.get': call<MemberDetail>()(z.strictObject({ id: memberId })),
  /** A new member typed in the enrolment wizard: stored on this computer, enrolled on chain in the next step. */
  /** `warning`: another member already has this name (kept, but said: sameNameWarning). */
  'members.add': call<{ id: number; warning: string | null }>()(
    z.strictObject({ letsId, ...profileFields, key: z.string().trim().min(1, 'Enter the member’s public key or address.').max(200, 'That key is too long.') }),
  ),
  /** Changes only what is stored on this computer (name, contact, notes); nothing goes on chain. */
  'members.update': call<MemberDetail>()(z.strictObject({ id: memberId, ...profileFields })),
  /** Checks a member CSV row by row without storing anything. */
  'members.importPreview': call<ImportPreview>()(z.strictObject({ letsId, csv: csvText })),
  /** Stores every row of the CSV, or none when any row has a problem. */
  'members.import': call<{ imported: number }>()(z.strictObject({ letsId, csv: csvText })),
  'members.exportCsv': call<MemberCsvFile>()(z.strictObject({ letsId })),
} as const;
