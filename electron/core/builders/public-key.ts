import { hex, validateEcPoint } from '@fleet-sdk/crypto';
import { AppError } from '../errors/app-error';

/** Keys go on chain as GroupElements: a compressed secp256k1 point, 33 bytes, hex. */
export function requirePublicKey(publicKey: string, whose: string): string {
  const key = publicKey.toLowerCase();
  const valid = /^0[23][0-9a-f]{64}$/.test(key) && validateEcPoint(hex.decode(key));
  if (!valid) {
    throw new AppError(
      'invalid-input',
      `The public key given for ${whose} is not a valid Ergo public key.`,
      'Copy the key again from the wallet (66 hexadecimal characters starting with 02 or 03).',
    );
  }
  return key;
}
