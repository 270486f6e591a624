import type { LetsParametersView } from '../api/calls/settings-types';
import type { Db } from '../mirror/database';
import { letsChainWarning, listLets } from '../mirror/queries/lets';

/** Each followed LETS with its parameters, whether they have been read from the chain, and any warning. */
export function letsParameters(db: Db): LetsParametersView[] {
  // A committee LETS keeps its parameters in the management box's registers; a trustless one in the contracts of
  // its public token box. Either box mirrored means the values shown are the chain's.
  const seen = db.prepare("SELECT DISTINCT lets_id FROM boxes WHERE kind IN ('management', 'public-token')").pluck().all() as bigint[];
  const onChain = new Set(seen.map(Number));
  return listLets(db).map(({ id, name, unit, model, creditFloor, creditCap }) => ({
    id,
    name,
    unit,
    model,
    creditFloor,
    creditCap,
    readFromChain: onChain.has(id),
    chainWarning: letsChainWarning(db, id),
  }));
}
