import { z } from 'zod';
import { call } from '../call';
import type { LetsSummary, MemberSummary } from '../types';

/** The LETS the mirror follows and their members. */
export const memberCalls = {
  'lets.list': call<LetsSummary[]>()(z.strictObject({})),
  'members.list': call<MemberSummary[]>()(
    z.strictObject({
      search: z.string().trim().max(100, 'Search text can be at most 100 characters.').default(''),
    }),
  ),
} as const;
