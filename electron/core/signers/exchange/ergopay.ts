import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { hex } from '@fleet-sdk/crypto';
import { reduceTransaction, type NextBlock } from '../../interpreter/sigma-interpreter';
import { ERGOPAY_SCHEME, QR_MAX_CHARACTERS } from '../../api/ergopay-uri';

/*
 * ErgoPay (EIP-20, "static request"): `ergopay:` and the reduced transaction (EIP-43 ReducedTransaction bytes),
 * base64 URL-safe encoded, in a link or a QR code that a member's mobile wallet scans, signs exactly as reduced, and
 * submits to the network itself. The wallet needs no context of the chain, and the transaction id stays the one the
 * app filed, so the outbox recognises it when it shows up in the mempool or a block.
 */


export interface ErgoPayRequest {
  uri: string;
  /** The request fits one QR code (else the file is the way to the member's wallet). */
  fitsOneQrCode: boolean;
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function ergoPayRequest(tx: EIP12UnsignedTransaction, next: NextBlock): ErgoPayRequest {
  const uri = `${ERGOPAY_SCHEME}${base64Url(hex.decode(reduceTransaction(tx, next)))}`;
  return { uri, fitsOneQrCode: uri.length <= QR_MAX_CHARACTERS };
}

/** The reduced transaction (hex) of a static ErgoPay URI, or undefined when the text is not one. */
export function reducedTransactionOf(uri: string): string | undefined {
  if (!uri.startsWith(ERGOPAY_SCHEME)) return undefined;
  const body = uri.slice(ERGOPAY_SCHEME.length);
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(body)) return undefined;
  return Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('hex');
}
