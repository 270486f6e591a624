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
// Both are valid instants by then (the fields' own checks come first); typed loosely so any shape can hold them.
const startsBeforeEnd = (p: { from?: unknown; to?: unknown }) => Date.parse(String(p.from)) < Date.parse(String(p.to));
const PERIOD_ORDER = { error: 'The period must end after it starts.', path: ['to'] };

export const letsId = id('The LETS');

/** A call's input for one period: `shape` and the period, which must end after it starts. */
export function periodInput<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ ...shape, ...period }).refine(startsBeforeEnd, PERIOD_ORDER);
}

/** Printable member statements: one member, or every member of a LETS, for one period. */
export const statementCalls = {
  'statements.get': call<MemberStatement>()(periodInput({ letsId, memberId: id('The member') })),
  'statements.batch': call<MemberStatement[]>()(periodInput({ letsId })),
} as const;
