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

const NANOERG_PER_ERG = 1_000_000_000n;

/** nanoERG to the text a member reads: `formatErg(2_500_000_000n) === '2.5 ERG'`. */
export function formatErg(nanoErg: bigint): string {
  const whole = nanoErg / NANOERG_PER_ERG;
  const fraction = (nanoErg % NANOERG_PER_ERG).toString().padStart(9, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ERG`;
}
