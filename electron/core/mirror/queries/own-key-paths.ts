import type { SignerChoice } from '../../api/calls/outbox-types';
import type { Db } from '../database';

/*
 * The SQL of own_key_paths (migration 014): where the treasurer's signer holds a key the app was told about or
 * found, so signing goes straight to it and a committee LETS knows whether this computer can act for it.
 */

export function recordOwnKeyPath(db: Db, publicKey: string, signer: SignerChoice, keyPath: string): void {
  db.prepare('INSERT INTO own_key_paths (public_key, signer, key_path) VALUES (?, ?, ?) ON CONFLICT (public_key, signer) DO UPDATE SET key_path = excluded.key_path').run(
    publicKey.toLowerCase(),
    signer,
    keyPath,
  );
}

export function ownKeyPath(db: Db, publicKey: string, signer: SignerChoice): string | undefined {
  return db.prepare('SELECT key_path FROM own_key_paths WHERE public_key = ? AND signer = ?').pluck().get(publicKey.toLowerCase(), signer) as string | undefined;
}

/** The signers of this computer known to hold `publicKey`. */
export function signersHolding(db: Db, publicKey: string): SignerChoice[] {
  return db.prepare('SELECT signer FROM own_key_paths WHERE public_key = ? ORDER BY signer').pluck().all(publicKey.toLowerCase()) as SignerChoice[];
}
