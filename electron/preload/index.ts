import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, DATABASE_FILES_CHANNEL, PDF_CHANNEL, WALLET_CHANNEL } from './channel';

// The whole surface the renderer gets: one function that forwards an API call as text, and one that asks main to
// save the page as PDF (main validates it; see electron/main/print-to-pdf.ts). Never ipcRenderer itself, so a
// compromised renderer cannot reach any other channel.
contextBridge.exposeInMainWorld('letsBridge', {
  call: (name: string, payload: string): Promise<string> => ipcRenderer.invoke(API_CHANNEL, name, payload),
});
contextBridge.exposeInMainWorld('letsPdf', {
  request: (request: string): Promise<unknown> => ipcRenderer.invoke(PDF_CHANNEL, request),
});
// Backup and restore of the database: the page only says which; main shows the dialog and handles the file.
contextBridge.exposeInMainWorld('letsDatabaseFiles', {
  request: (request: string): Promise<unknown> => ipcRenderer.invoke(DATABASE_FILES_CHANNEL, request),
});
// "Open in wallet" for a signing request: the page names the transaction, main finds its link in the outbox.
contextBridge.exposeInMainWorld('letsWallet', {
  open: (transactionId: string): Promise<unknown> => ipcRenderer.invoke(WALLET_CHANNEL, transactionId),
});
