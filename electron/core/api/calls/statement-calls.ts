import { z } from 'zod';
import { call } from '../call';
import type { MemberStatement } from './statement-types';

const id = (what: string) => z.number({ error: `${what} is missing.` }).int().positive(`${what} is not valid.`);

/**
 * A period as two exact instants, from inclusive and to exclusive. The screen turns the treasurer's local dates
 * into these (local midnight of the first day, local midnight after the last day), so the core never guesses a
 * time zone and a trade at exactly midnight belongs to one period only.
 */
const period = {
  from: z.iso.datetime({ offset: true, error: 'The start of the period is not a valid date.' }),
  to: z.iso.datetime({ offset: true, error: 'The end of the period is not a valid date.' }),
};
const startsBeforeEnd = (p: { from: string; to: string }) => Date.parse(p.from) < Date.parse(p.to);
const PERIOD_ORDER = { error: 'The period must end after it starts.', path: ['to'] };

/** Printable member statements: one member, or every member of a LETS, for one period. */
export const statementCalls = {
  'statements.get': call<MemberStatement>()(
    z.strictObject({ letsId: id('The LETS'), memberId: id('The member'), ...period }).refine(startsBeforeEnd, PERIOD_ORDER),
  ),
  'statements.batch': call<MemberStatement[]>()(z.strictObject({ letsId: id('The LETS'), ...period }).refine(startsBeforeEnd, PERIOD_ORDER)),
} as const;
