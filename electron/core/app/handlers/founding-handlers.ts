import { ErgoAddress } from '@fleet-sdk/core';
import type { AreaHandlers } from '../../api/contract';
import type { foundingCalls } from '../../api/calls/founding-calls';
import { AppError } from '../../errors/app-error';
import { abandonFounding, buildFounding, foundingView, startFounding } from '../../founding/founding';
import { foundingPlan, foundingRequest, FOUNDING_COST } from '../../founding/founding-request';
import { findFounding, unfinishedFounding } from '../../mirror/queries/foundings';
import { addressKeyPath } from '../../signers/key-paths';
import type { CoreContext } from '../core-context';

/** Demo coins paid at once: the founding and a few hundred enrolments. */
const DEMO_COINS = 1_000_000_000n;

export function foundingHandlers(ctx: CoreContext): AreaHandlers<typeof foundingCalls> {
  const founding = (id: number) => {
    const found = findFounding(ctx.db, id);
    if (!found) throw new AppError('not-found', 'That founding is not kept on this computer.', 'Start founding the LETS again.');
    return found;
  };
  const view = async (id: number) => foundingView(ctx.db, founding(id), ctx.chain()?.access);
  return {
    'founding.plan': (choice) => foundingPlan(foundingRequest(choice)),
    'founding.start': async ({ signer, account, index, ...choice }) => {
      const request = foundingRequest(choice);
      const keys = ctx.signers().get(signer);
      const id = await startFounding({ db: ctx.db, network: ctx.connectedChain().network, keys }, request, addressKeyPath(account, index));
      return view(id);
    },
    'founding.current': async () => {
      const current = unfinishedFounding(ctx.db, ctx.network());
      return current ? foundingView(ctx.db, current, ctx.chain()?.access) : null;
    },
    'founding.get': ({ id }) => view(id),
    'founding.build': async ({ id }) => {
      await buildFounding(ctx.db, ctx.connectedChain().access, founding(id));
      return view(id);
    },
    'founding.abandon': ({ id }) => {
      abandonFounding(ctx.db, founding(id));
      return null;
    },
    'founding.demoCoins': async ({ id }) => {
      const chain = ctx.connectedChain();
      if (!chain.demoCoins) throw new AppError('invalid-input', 'Demo coins exist only on the demo chain.', `Send at least ${FOUNDING_COST} nanoERG from a wallet of your own.`);
      await chain.demoCoins(ErgoAddress.fromPublicKey(founding(id).publicKey).ergoTree, DEMO_COINS);
      return view(id);
    },
  };
}
