/*
 * A committee LETS mints its memberships at genesis (builders/genesis.ts): each enrolment takes one from the pool in
 * the management box, each closed account gives one back. What the treasurer is told when there are too few.
 */

/** How to make room for more members in a committee LETS. */
export const MAKE_ROOM = 'close the accounts of members who have left, at a balance of 0.00 (Members: open the member, then “Close account”), or found a LETS with room for more';

/** "no membership left", "1 membership left", "247 memberships left". */
export const membershipsLeftText = (left: number): string => (left === 0 ? 'no membership left' : `${left} membership${left === 1 ? '' : 's'} left`);

/** Why `toEnrol` members cannot all be enrolled, or null when they can (or nothing is counted: `membershipsLeft` null). */
export function membershipsShort(toEnrol: number, membershipsLeft: number | null): string | null {
  if (membershipsLeft === null || toEnrol <= membershipsLeft) return null;
  const left = `${membershipsLeft === 0 ? '' : 'only '}${membershipsLeftText(membershipsLeft)}`;
  return `${toEnrol} member${toEnrol === 1 ? '' : 's'} to enrol, but this LETS has ${left}: to make room, ${MAKE_ROOM}.`;
}
