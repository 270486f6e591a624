import type { Db } from '../mirror/database';
import type { ChainAccess } from './chain-access';
import type { SigningKeys } from './signing-keys';

/** What preparing and sending a transaction needs: the mirror and the chain. */
export interface ChainContext {
  db: Db;
  chain: ChainAccess;
}

/** Signing also needs the signer the treasurer chose. */
export interface SigningContext extends ChainContext {
  keys: SigningKeys;
}
