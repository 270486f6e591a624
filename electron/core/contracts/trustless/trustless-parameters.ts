import { AppError } from '../../errors/app-error';
import { fitsInLong, formatErg } from '../../lets/amount';
import { validateLetsParameters, type Lets, type LetsParameters } from '../../lets/lets-parameters';

/** What a trustless LETS adds to the common parameters: the collateral its members lock (public-token.es). */
export interface CollateralTerms {
  /** Least ERG (nanoERG) a member locks in their account box when joining. */
  minimumCollateral: bigint;
  /** nanoERG of collateral per minor unit of debt: a balance may not go below −collateral ÷ this. */
  collateralPerUnit: bigint;
  /** Blocks the collateral stays locked after joining (about 720 a day). */
  lockPeriod: number;
}

export type TrustlessLetsParameters = LetsParameters & CollateralTerms;
export type TrustlessLets = Lets & CollateralTerms;

/** Ten years of two-minute blocks: longer is surely a typing mistake, and it keeps HEIGHT + period an Int. */
export const MAX_LOCK_PERIOD = 2_628_000;

export function validateTrustlessParameters(parameters: TrustlessLetsParameters, leastBoxValue: bigint): void {
  validateLetsParameters(parameters);
  const { minimumCollateral, collateralPerUnit, lockPeriod } = parameters;
  if (minimumCollateral < leastBoxValue || !fitsInLong(minimumCollateral)) {
    throw new AppError(
      'invalid-input',
      `The minimum collateral of ${formatErg(minimumCollateral)} is not possible: an account box holds at least ${formatErg(leastBoxValue)}.`,
      `Enter a minimum collateral of ${formatErg(leastBoxValue)} or more.`,
    );
  }
  if (collateralPerUnit < 1n || !fitsInLong(collateralPerUnit)) {
    throw new AppError(
      'invalid-input',
      'The collateral per unit of debt must be at least 1 nanoERG.',
      'Enter how much ERG a member must lock for each unit of debt.',
    );
  }
  if (!Number.isSafeInteger(lockPeriod) || lockPeriod < 0 || lockPeriod > MAX_LOCK_PERIOD) {
    throw new AppError(
      'invalid-input',
      `The lock period must be between 0 and ${MAX_LOCK_PERIOD} blocks, not ${lockPeriod}.`,
      'Enter for how many blocks (about 720 a day) a member’s collateral stays locked after joining.',
    );
  }
}
