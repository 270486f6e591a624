/**
 * The collateral rule of trustless-account.es: a balance may go negative only as far as the account
 * box's ERG back it, balance ≥ −(collateral ÷ collateralPerUnit), the division rounding the debt down.
 */
export function mostDebtBackedBy(collateral: bigint, collateralPerUnit: bigint): bigint {
  return collateral / collateralPerUnit;
}

/** The ERG a debt of `debt` minor units needs locked, the least `collateral` with mostDebtBackedBy ≥ debt. */
export function collateralFor(debt: bigint, collateralPerUnit: bigint): bigint {
  return debt <= 0n ? 0n : debt * collateralPerUnit;
}

