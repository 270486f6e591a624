import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../core/api/dispatch';
import { API_CHANNEL } from '../preload/channel';
import { isAppUrl } from './navigation-guards';

/**
 * One IPC channel carries every call of the API contract. The sender must be our own top-level page: a frame
 * that somehow loaded other content gets nothing. The dispatcher validates name and input.
 */
export function registerApi(dispatcher: Dispatcher, appUrl: () => string): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, appUrl())) {
      throw new Error('Refused an API call from a frame that is not the app.');
    }
    return dispatcher.dispatchWire(name, payload);
  });
}
