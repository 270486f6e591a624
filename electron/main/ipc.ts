import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../core/api/dispatch';
import { API_CHANNEL } from '../preload/channel';
import { isAppUrl } from './navigation-guards';

/** True only for a message from our own top-level page (not a sub-frame, not a page that navigated elsewhere). */
export function isAppSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url, appUrl);
}

/**
 * One IPC channel carries every call of the API contract. The sender must be our own top-level page: a frame
 * that somehow loaded other content gets nothing. The dispatcher validates name and input.
 */
export function registerApi(dispatcher: Dispatcher, appUrl: () => string): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, payload: unknown) => {
    if (!isAppSender(event, appUrl())) throw new Error('Refused an API call from a frame that is not the app.');
    return dispatcher.dispatchWire(name, payload);
  });
}
