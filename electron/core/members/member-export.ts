import type { MemberCsvFile } from '../api/calls/member-types';
import type { MembershipState } from '../api/types';
import { amountCell, timeCell } from '../csv/cells';
import { writeCsv } from '../csv/csv';
import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { listLets } from '../mirror/queries/lets';
import { listMemberProfiles } from '../mirror/queries/members';
import type { ErgoNetwork } from '../signers/signer';
import { ownerAddress } from './owner-address';

/** The first five columns are the ones the import reads, so an export can be imported into another computer. */
export const EXPORT_HEADER = ['name', 'contact', 'notes', 'public_key', 'address', 'state', 'balance', 'last_trade'];

const STATE_CELL: Record<MembershipState, string> = { enrolled: 'enrolled', 'not-enrolled': 'not enrolled', closed: 'closed' };

function fileSafe(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'lets';
}

/** Every member of a LETS with their local metadata and their balance from chain, as a CSV file. */
export function exportMembersCsv(db: Db, letsId: number, network: ErgoNetwork, today: Date): MemberCsvFile {
  const lets = listLets(db).find((l) => l.id === letsId);
  if (!lets) throw new AppError('not-found', 'That LETS is not followed on this computer.', 'Choose a LETS from the list.');
  const rows = listMemberProfiles(db, { letsId }).map((member) => [
      member.name,
      member.contact,
      member.notes,
      member.ownerKey,
      ownerAddress(member.ownerKey, network),
      STATE_CELL[member.state],
      member.balance === null ? '' : amountCell(member.balance),
      timeCell(member.lastTradeAt),
    ]);
  return {
    fileName: `${fileSafe(lets.name)}-members-${today.toISOString().slice(0, 10)}.csv`,
    csv: writeCsv([EXPORT_HEADER, ...rows]),
    rowCount: rows.length,
  };
}
