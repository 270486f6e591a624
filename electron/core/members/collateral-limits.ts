import type { MemberCollateral } from '../api/types';
import { mostDebtBackedBy } from '../contracts/trustless/collateral';
import type { CollateralTerms } from '../contracts/trustless/trustless-parameters';
import type { LetsParameters } from '../lets/lets-parameters';

type Limits = Pick<LetsParameters, 'floor' | 'cap'>;

/** How far into debt a trustless member's collateral lets them go (trustless-account.es: balance ≥ −locked ÷ rate). */
export function debtBackedBy(collateral: MemberCollateral, terms: CollateralTerms): bigint {
  return mostDebtBackedBy(collateral.locked, terms.collateralPerUnit);
}

/**
 * The limits the chain holds a member to. In a trustless LETS the floor is the LETS floor or, when the member's
 * collateral backs less debt than that, the collateral's limit: a payment below it is refused by the contract.
 */
export function memberLimits(lets: Limits, collateral: MemberCollateral | null, terms: CollateralTerms | null): Limits {
  if (!collateral || !terms) return { floor: lets.floor, cap: lets.cap };
  const backed = -debtBackedBy(collateral, terms);
  return { floor: backed > lets.floor ? backed : lets.floor, cap: lets.cap };
}
