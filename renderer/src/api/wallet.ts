import type { WalletLinkReply } from '../../../electron/core/api/wallet-link';

declare global {
  interface Window {
    /** Exposed by the Electron preload only; in a plain browser the request is an ordinary link instead. */
    letsWallet?: { open(transactionId: string): Promise<unknown> };
  }
}

/** In the desktop app main opens the link (navigation away from the app is blocked); a browser follows it itself. */
export function opensWalletThroughMain(): boolean {
  return window.letsWallet !== undefined;
}

/** Asks main to open the standing request of the transaction in a wallet here; the reason in a sentence if it could not. */
export async function openInWallet(transactionId: string): Promise<string | null> {
  if (!window.letsWallet) return 'Opening a wallet works in the desktop app only; scan the QR code instead.';
  const reply = (await window.letsWallet.open(transactionId)) as WalletLinkReply;
  return reply.ok ? null : reply.message;
}
