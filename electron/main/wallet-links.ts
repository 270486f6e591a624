import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import type { WalletLinkReply } from '../core/api/wallet-link';
import type { Core } from '../core/app/core';
import { ERGOPAY_SCHEME } from '../core/api/ergopay-uri';
import { WALLET_CHANNEL } from '../preload/channel';
import { isAppSender } from './ipc';

const TRANSACTION_ID = /^[0-9a-f]{64}$/;

/**
 * "Open in wallet": hands the operating system the `ergopay:` link of a signing request that stands in the outbox.
 * The page names only the transaction; the link comes from the outbox, so the page cannot make main open any other URL.
 */
export function registerWalletLinks(core: Pick<Core, 'walletLink'>, appUrl: () => string): void {
  ipcMain.handle(WALLET_CHANNEL, async (event: IpcMainInvokeEvent, transactionId: unknown): Promise<WalletLinkReply> => {
    if (!isAppSender(event, appUrl())) throw new Error('Refused a wallet link from a frame that is not the app.');
    if (typeof transactionId !== 'string' || !TRANSACTION_ID.test(transactionId)) return { ok: false, message: 'That is not a transaction of the outbox.' };
    const link = core.walletLink(transactionId);
    if (!link?.startsWith(ERGOPAY_SCHEME)) return { ok: false, message: 'That signing request has ended. Show a new request from the outbox.' };
    try {
      await shell.openExternal(link);
      return { ok: true };
    } catch {
      return { ok: false, message: 'No wallet on this computer opens ErgoPay links. Let the member scan the QR code with their phone, or give them the file.' };
    }
  });
}
