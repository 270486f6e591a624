import { AppError } from '../errors/app-error';
import type { Db } from '../mirror/database';
import { ownKeyPath, recordOwnKeyPath } from '../mirror/queries/own-key-paths';
import { addressKeyPath } from '../signers/key-paths';
import type { SigningKeys } from './signing-keys';

/** How far into the signer's first account we look for a key: the committee key and a LETS's worth of members. */
export const OWN_KEY_SEARCH_LIMIT = 300;

/**
 * The key path at which the signer holds `publicKey`, or an error saying whose signature is missing. A path the app
 * was told about (own_key_paths: a committee key chosen when founding) is tried first, and checked against what the
 * signer derives there; otherwise the first addresses of account 0 are searched, and a key found is remembered. Only
 * the owner of a key can sign for it, so a key the signer does not hold means someone else must sign.
 */
export async function findOwnKeyPath(db: Db, keys: SigningKeys, publicKey: string, holder: string): Promise<string> {
  const wanted = publicKey.toLowerCase();
  const known = ownKeyPath(db, wanted, keys.choice);
  if (known !== undefined && (await keys.publicKeyAt(known)) === wanted) return known;
  for (let index = 0; index < OWN_KEY_SEARCH_LIMIT; index++) {
    const path = addressKeyPath(0, index);
    if ((await keys.publicKeyAt(path)) === wanted) {
      recordOwnKeyPath(db, wanted, keys.choice, path);
      return path;
    }
  }
  throw new AppError(
    'unauthorised',
    `${keys.label} does not hold ${holder}’s key${known === undefined ? '' : ` (not even at ${known}, where it was found before: is this another wallet?)`}, so it cannot sign this transaction.`,
    `Connect the signer that holds it, or export the transaction for ${holder} to sign in their own Ergo wallet.`,
  );
}
