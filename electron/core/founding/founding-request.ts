import { RECOMMENDED_MIN_FEE_VALUE } from '@fleet-sdk/core';
import type { FoundingPlan } from '../api/calls/founding-types';
import { LETS_BOX_VALUE } from '../builders/funding';
import type { CollateralTerms } from '../contracts/trustless/trustless-parameters';
import { validateTrustlessParameters } from '../contracts/trustless/trustless-parameters';
import { AppError } from '../errors/app-error';
import { parseAmount } from '../lets/amount';
import { letsRules } from '../lets/chain-rules';
import { validateLetsParameters, type LetsParameters } from '../lets/lets-parameters';

/** What the treasurer chose for a new LETS, checked: every value here can be written on chain at genesis. */
export interface FoundingRequest {
  model: 'committee' | 'trustless';
  parameters: LetsParameters;
  capacity: number;
  /** Trustless model only. */
  collateral: CollateralTerms | null;
}

/** The choice as the API takes it: amounts as the treasurer typed them, collateral in nanoERG as text. */
export interface FoundingChoice {
  model: 'committee' | 'trustless';
  name: string;
  unit: string;
  floor: string;
  cap: string;
  capacity: number;
  collateral: { minimumCollateral: string; collateralPerUnit: string; lockPeriod: number } | null;
}

function amount(text: string, what: string): bigint {
  const value = parseAmount(text);
  if (value === undefined) throw new AppError('invalid-input', `The ${what} "${text}" is not an amount.`, 'Enter an amount such as −200.00 (at most two decimals).');
  return value;
}

/** Checks the choice with the same rules the genesis builders apply, so a plan that passes can be founded. */
export function foundingRequest(choice: FoundingChoice): FoundingRequest {
  // A floor typed as "200" means −200.00: a floor is never above zero, and treasurers speak of it as a size.
  const floorTyped = amount(choice.floor, 'credit floor');
  const parameters: LetsParameters = {
    name: choice.name,
    unit: choice.unit,
    floor: floorTyped > 0n ? -floorTyped : floorTyped,
    cap: choice.cap === '' ? null : amount(choice.cap, 'credit cap'),
  };
  if (choice.model === 'committee') {
    validateLetsParameters(parameters);
    return { model: 'committee', parameters, capacity: choice.capacity, collateral: null };
  }
  if (!choice.collateral) {
    throw new AppError('invalid-input', 'A trustless LETS needs its collateral terms.', 'Enter the minimum collateral, the collateral per unit of debt and the lock period.');
  }
  const collateral: CollateralTerms = {
    minimumCollateral: BigInt(choice.collateral.minimumCollateral),
    collateralPerUnit: BigInt(choice.collateral.collateralPerUnit),
    lockPeriod: choice.collateral.lockPeriod,
  };
  validateTrustlessParameters({ ...parameters, ...collateral }, LETS_BOX_VALUE);
  return { model: 'trustless', parameters, capacity: choice.capacity, collateral };
}

/**
 * Both genesis transactions are paid from the founding key's address: the mint puts the LETS's box value plus the
 * second fee into the box the founding spends (builders/genesis.ts), and pays its own fee.
 */
export const FOUNDING_COST = LETS_BOX_VALUE + 2n * RECOMMENDED_MIN_FEE_VALUE;

export function foundingPlan(request: FoundingRequest): FoundingPlan {
  const { parameters, model } = request;
  const summary = { id: 0, name: parameters.name, unit: parameters.unit, model, creditFloor: parameters.floor, creditCap: parameters.cap };
  return {
    rules: letsRules(summary, request.collateral && { terms: request.collateral, membershipsLeft: BigInt(request.capacity) }),
    neededNanoErgs: FOUNDING_COST,
    // In a trustless LETS members pay for their own accounts; the committee pays for every enrolment.
    perEnrolmentNanoErgs: model === 'committee' ? LETS_BOX_VALUE + RECOMMENDED_MIN_FEE_VALUE : null,
  };
}

/** Kept with the founding (foundings.request): bigints as decimal text, which JSON keeps exactly. */
export function encodeFoundingRequest(request: FoundingRequest): string {
  return JSON.stringify(request, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

export function decodeFoundingRequest(json: string): FoundingRequest {
  const raw = JSON.parse(json) as {
    model: FoundingRequest['model'];
    parameters: { name: string; unit: string; floor: string; cap: string | null };
    capacity: number;
    collateral: { minimumCollateral: string; collateralPerUnit: string; lockPeriod: number } | null;
  };
  return {
    model: raw.model,
    parameters: { ...raw.parameters, floor: BigInt(raw.parameters.floor), cap: raw.parameters.cap === null ? null : BigInt(raw.parameters.cap) },
    capacity: raw.capacity,
    collateral: raw.collateral && {
      minimumCollateral: BigInt(raw.collateral.minimumCollateral),
      collateralPerUnit: BigInt(raw.collateral.collateralPerUnit),
      lockPeriod: raw.collateral.lockPeriod,
    },
  };
}
