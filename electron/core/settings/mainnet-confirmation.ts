import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import type { ChainNetwork } from '../operations/chain-access';
import { readSettings } from './settings-store';

/**
 * On mainnet a signature spends real ERG and cannot be taken back. The first mainnet action waits until the treasurer
 * has confirmed once, in so many words, that they know (Settings keeps the answer: mainnetConfirmed).
 */
export function requireMainnetConfirmed(db: Db, network: ChainNetwork): void {
  if (network !== 'mainnet' || readSettings(db).mainnetConfirmed) return;
  throw new AppError(
    'mainnet-unconfirmed',
    'This is Ergo mainnet: what you sign here spends real ERG and is final, and the LETS you follow holds real members’ balances.',
    'Confirm that you want to act on mainnet, then try again.',
  );
}
