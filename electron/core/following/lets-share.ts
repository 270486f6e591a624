import type { LetsShare } from '../api/calls/following-types';
import type { ChainNetwork } from '../operations/chain-access';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { formatLetsLink } from './lets-link';

/** The link of a LETS followed here, to hand to another computer: its network, LETS id and where its history starts. */
export function shareLets(db: Db, letsId: number): LetsShare {
  const row = db
    .prepare('SELECT l.name, l.lets_token_id, c.network, c.start_height FROM lets l JOIN lets_chain c ON c.lets_id = l.id WHERE l.id = ?')
    .get(letsId) as { name: string; lets_token_id: string; network: ChainNetwork; start_height: bigint } | undefined;
  if (!row) throw new AppError('not-found', 'That LETS is not followed on chain by this app.', 'Choose a LETS from the list.');
  return { name: row.name, network: row.network, link: formatLetsLink({ network: row.network, letsId: row.lets_token_id, startHeight: Number(row.start_height) }) };
}
