import { AppError } from '../errors/app-error';
import { fitsInLong, formatAmount } from './amount';

/** What a committee chooses when it founds a LETS; all of it is written on chain at genesis. */
export interface LetsParameters {
  name: string;
  /** Currency label, e.g. "EUR-LETS" or "hours". */
  unit: string;
  /** Most negative balance allowed, in minor units (≤ 0). */
  floor: bigint;
  /** Most positive balance allowed, in minor units, or null for no cap. */
  cap: bigint | null;
}

/** The two tokens minted at genesis; together with the parameters they fix the contracts' ErgoTrees. */
export interface LetsTokens {
  /** NFT (supply 1) held by the management box; identifies the LETS on chain. */
  letsId: string;
  /** Membership token; the management box holds the pool, every account box exactly one. */
  membershipTokenId: string;
}

export type Lets = LetsParameters & LetsTokens;

/** Registers hold names as UTF-8 bytes; keep them short enough for a box and a statement header. */
const MAX_TEXT_BYTES = 64;

export function validateLetsParameters(parameters: LetsParameters): void {
  const { name, unit, floor, cap } = parameters;
  requireText('name', name);
  requireText('unit', unit);
  if (floor > 0n || !fitsInLong(floor)) {
    throw new AppError(
      'invalid-input',
      `The credit floor ${formatAmount(floor)} is not possible: it must be zero or negative.`,
      'Enter the most negative balance a member may reach, for example −200.00.',
    );
  }
  if (cap !== null && (cap < 0n || !fitsInLong(cap))) {
    throw new AppError(
      'invalid-input',
      `The credit cap ${formatAmount(cap)} is not possible: it must be zero or positive.`,
      'Enter the highest balance a member may hold, or leave the cap empty for no cap.',
    );
  }
}

function requireText(field: 'name' | 'unit', value: string): void {
  const bytes = new TextEncoder().encode(value).length;
  if (value.trim() === '' || bytes > MAX_TEXT_BYTES) {
    throw new AppError(
      'invalid-input',
      `The LETS ${field} must be between 1 and ${MAX_TEXT_BYTES} characters long.`,
      `Enter a shorter ${field}.`,
    );
  }
}
