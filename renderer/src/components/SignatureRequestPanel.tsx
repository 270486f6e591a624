import { useState } from 'react';
import type { OutboxEntry, SignatureRequest } from '../../../electron/core/api/calls/outbox-types';
import { ERGOPAY_SCHEME, QR_MAX_CHARACTERS } from '../../../electron/core/api/ergopay-uri';
import { openInWallet, opensWalletThroughMain } from '../api/wallet';
import { formatTime } from '../screens/format';
import { QrCode } from './QrCode';

/** Large enough for a phone to read the densest code (177 modules) from a laptop screen at arm's length. */
const REQUEST_CODE_PIXELS = 600;

/**
 * A signing request on screen: the QR code a member scans with the Ergo wallet on their phone, the same request as a
 * link for a wallet on this computer, and the file for any other wallet. The member's wallet signs and sends the
 * transaction itself; the outbox entry (polled by the review) says when it arrives, or why the request ended.
 */
export function SignatureRequestPanel(props: {
  request: SignatureRequest;
  entry: OutboxEntry | undefined;
  onExportFile: () => void;
  onRenew: () => void;
}) {
  const { request, entry, onExportFile, onRenew } = props;
  const [walletProblem, setWalletProblem] = useState<string | null>(null);
  const ended = entry?.state === 'built' && entry.requestExpiresAt === null;
  const openHere = () => void openInWallet(request.transactionId).then(setWalletProblem);

  if (ended) {
    return (
      <div className="signature-request">
        <p className="notice notice-error" role="alert">
          {entry.lastError ?? `The request for ${request.signer}’s signature has ended, unsigned.`}
        </p>
        <div className="tx-actions">
          <button type="button" className="button" onClick={onRenew}>
            Show a new request
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="signature-request">
      <p className="tx-progress" role="status" aria-live="polite">
        Waiting for {request.signer} to sign. The request stands until {formatTime(Date.parse(request.expiresAt))}.
      </p>
      {request.fitsOneQrCode ? (
        <>
          <QrCode text={request.uri} label={`Signing request for ${request.signer}`} errorCorrection="L" screenPixels={REQUEST_CODE_PIXELS} />
          <p className="form-note">
            {request.signer} scans this code with the Ergo wallet on their phone, checks the trade there and signs; the wallet sends it to the
            chain, and this screen follows it by itself.
          </p>
        </>
      ) : (
        <p className="notice" role="note">
          This request is too large for one QR code ({request.uri.length.toLocaleString()} characters; one code holds {QR_MAX_CHARACTERS.toLocaleString()}).
          Give {request.signer} the file instead, or open it in a wallet on this computer.
        </p>
      )}
      {walletProblem && (
        <p className="notice notice-error" role="alert">
          {walletProblem}
        </p>
      )}
      <div className="tx-actions">
        {opensWalletThroughMain() ? (
          <button type="button" className="button secondary" onClick={openHere}>
            Open in wallet
          </button>
        ) : (
          request.uri.startsWith(ERGOPAY_SCHEME) && (
            <a className="button secondary" href={request.uri}>
              Open in wallet
            </a>
          )
        )}
        <button type="button" className={request.fitsOneQrCode ? 'button secondary' : 'button'} onClick={onExportFile}>
          Give {request.signer} the file instead
        </button>
      </div>
    </div>
  );
}
