import type { MirrorReadView } from '../api/calls/settings-types';
import type { Db } from '../mirror/database';
import { listLets } from '../mirror/queries/lets';
import { mirrorReads } from '../mirror/queries/mirror-reads';

/** The mirror's record of its reads, each LETS by name. */
export function mirrorReadsView(db: Db): MirrorReadView[] {
  const names = new Map(listLets(db).map((lets) => [lets.id, lets.name]));
  return mirrorReads(db).map(({ letsId, ...read }) => ({ ...read, lets: letsId === null ? null : (names.get(letsId) ?? null) }));
}
