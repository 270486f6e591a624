import type { FollowPreview } from '../api/calls/following-types';
import { letsRules } from '../lets/chain-rules';
import type { Db } from '../mirror/database';
import { findLetsByToken } from '../mirror/queries/lets';
import type { FoundLets } from './find-lets';
import { formatLetsLink } from './lets-link';

/** What the treasurer sees of a LETS found on chain before deciding to follow it. */
export function followPreview(db: Db, found: FoundLets): FollowPreview {
  const { recognised, link, genesisHeight, poolNow, minted, readVia } = found;
  const { lets } = recognised;
  const summary = { id: 0, name: lets.name, unit: lets.unit, model: recognised.model, creditFloor: lets.floor, creditCap: lets.cap };
  // One membership token always stays in the pool (management.es, public-token.es).
  const facts = recognised.model === 'trustless' ? { terms: recognised.lets, membershipsLeft: poolNow === null ? null : poolNow - 1n } : null;
  return {
    link: formatLetsLink({ ...link, startHeight: genesisHeight }),
    network: link.network,
    letsTokenId: lets.letsId,
    name: lets.name,
    unit: lets.unit,
    model: recognised.model,
    creditFloor: lets.floor,
    creditCap: lets.cap,
    contractVersion: recognised.version,
    genesisHeight,
    members: poolNow === null ? null : Number(minted - poolNow),
    capacity: Number(minted - 1n),
    committeeKey: recognised.model === 'committee' ? recognised.committee : null,
    rules: letsRules(summary, facts),
    readVia,
    alreadyFollowed: findLetsByToken(db, lets.letsId) !== undefined,
  };
}
