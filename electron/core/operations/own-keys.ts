import { AppError } from '../errors/app-error';
import { addressKeyPath } from '../signers/key-paths';
import type { SigningKeys } from './signing-keys';

/** How far into the signer's first account we look for a key: the committee key and a LETS's worth of members. */
export const OWN_KEY_SEARCH_LIMIT = 300;

/**
 * The key path at which the signer holds `publicKey`, or an error saying whose signature is missing. Only the
 * owner of a key can sign for it, so a key the signer does not hold means someone else must sign.
 */
export async function findOwnKeyPath(keys: SigningKeys, publicKey: string, holder: string): Promise<string> {
  const wanted = publicKey.toLowerCase();
  for (let index = 0; index < OWN_KEY_SEARCH_LIMIT; index++) {
    if ((await keys.publicKeyAt(index)) === wanted) return addressKeyPath(0, index);
  }
  throw new AppError(
    'unauthorised',
    `${keys.label} does not hold ${holder}’s key, so it cannot sign this transaction.`,
    `Connect the signer that holds it, or export the transaction for ${holder} to sign in their own Ergo wallet.`,
  );
}
