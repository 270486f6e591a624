import type { AreaHandlers } from '../../api/contract';
import type { memberCalls } from '../../api/calls/member-calls';
import { letsRules } from '../../lets/chain-rules';
import { exportMembersCsv } from '../../members/member-export';
import { memberDetail } from '../../members/member-detail';
import { addMember } from '../../members/member-check';
import { splitKeyText } from '../../members/owner-address';
import { importMembers, previewImport } from '../../members/member-import';
import { listLets } from '../../mirror/queries/lets';
import { listMembers, updateMemberProfile } from '../../mirror/queries/members';
import { trustlessFacts } from '../../mirror/queries/trustless';
import { addressNetwork } from '../../operations/signing-keys';
import type { ErgoNetwork } from '../../signers/signer';
import type { CoreContext } from '../core-context';
import { withCatchUpProgress } from './catch-up-progress';

// Before the chain has started, the app can only be on the embedded devnet, whose confirmation depth is this.
const DEFAULT_CONFIRMATIONS = 2;

export function memberHandlers(ctx: CoreContext): AreaHandlers<typeof memberCalls> {
  const network = (): ErgoNetwork => addressNetwork(ctx.network());
  const detail = (id: number) => memberDetail(ctx.db, id, { network: network(), confirmationDepth: ctx.chain()?.confirmations ?? DEFAULT_CONFIRMATIONS });
  return {
    'lets.list': () => withCatchUpProgress(ctx, listLets(ctx.db)),
    'lets.rules': () => listLets(ctx.db).map((lets) => letsRules(lets, trustlessFacts(ctx.db, lets.id))),
    'members.list': (query) => listMembers(ctx.db, query),
    'members.get': ({ id }) => detail(id),
    'members.add': ({ letsId, key, ...profile }) => addMember(ctx.db, letsId, { ...profile, ...splitKeyText(key) }, network()),
    'members.update': ({ id, ...edit }) => {
      updateMemberProfile(ctx.db, id, edit);
      return detail(id);
    },
    'members.importPreview': ({ letsId, csv }) => previewImport(ctx.db, letsId, csv, network()),
    'members.import': ({ letsId, csv }) => importMembers(ctx.db, letsId, csv, network()),
    'members.exportCsv': ({ letsId }) => exportMembersCsv(ctx.db, letsId, network(), new Date()),
  };
}
