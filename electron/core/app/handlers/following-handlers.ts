import type { AreaHandlers } from '../../api/contract';
import type { followingCalls } from '../../api/calls/following-calls';
import { AppError } from '../../errors/app-error';
import { findLets, followFoundLets } from '../../following/follow-lets';
import { followPreview } from '../../following/follow-preview';
import { parseLetsLink } from '../../following/lets-link';
import { shareLets } from '../../following/lets-share';
import { setCatchUpPaused } from '../../mirror/queries/catch-up-state';
import { listLets } from '../../mirror/queries/lets';
import { findOwnKeyPath } from '../../operations/own-keys';
import { requireMainnetConfirmed } from '../../settings/mainnet-confirmation';
import type { CoreContext } from '../core-context';

export function followingHandlers(ctx: CoreContext): AreaHandlers<typeof followingCalls> {
  const find = async (text: string) => {
    const chain = ctx.connectedChain();
    const link = parseLetsLink(text, chain.network);
    return { chain, found: await findLets(chain.finder, link) };
  };
  return {
    'follow.find': async ({ link }) => {
      const { found } = await find(link);
      return followPreview(ctx.db, found);
    },
    'follow.start': async ({ link }) => {
      requireMainnetConfirmed(ctx.db, ctx.connectedChain().network);
      // Found and checked again here: what the page showed is never taken on its word.
      const { chain, found } = await find(link);
      const letsId = followFoundLets(ctx.db, found);
      void chain.pollNow();
      return { letsId };
    },
    'follow.pause': ({ letsId, paused }) => {
      if (!setCatchUpPaused(ctx.db, letsId, paused)) {
        throw new AppError('conflict', 'The history of this LETS is not being read: it is up to date already.', 'Nothing to pause or resume.');
      }
      if (!paused) void ctx.chain()?.pollNow();
      return null;
    },
    'lets.share': ({ letsId }) => shareLets(ctx.db, letsId),
    'lets.checkCommitteeKey': async ({ letsId }) => {
      const lets = listLets(ctx.db).find((l) => l.id === letsId);
      if (!lets) throw new AppError('not-found', 'That LETS is not followed on this network.', 'Choose a LETS from the list.');
      if (lets.model === 'trustless' || lets.committeeKey === null) {
        throw new AppError('invalid-input', `${lets.name} has no committee key to look for${lets.model === 'trustless' ? ': it is a trustless LETS' : ' yet: its management box has not been read'}.`, 'Wait until its history has been read, then try again.');
      }
      try {
        const path = await findOwnKeyPath(ctx.db, ctx.signers().get('ledger'), lets.committeeKey, 'the committee');
        return { held: true, message: `This Ledger holds the committee key of ${lets.name} (${path}): you can enrol members and act for the committee.` };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'unauthorised') throw error;
        return { held: false, message: `This Ledger does not hold the committee key of ${lets.name}: the app follows it read-only. Connect the Ledger of the committee to act for it.` };
      }
    },
  };
}
