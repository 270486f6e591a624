import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './channel';

// The whole surface the renderer gets: one function that forwards an API call as text. Never ipcRenderer
// itself, so a compromised renderer cannot reach any other channel.
contextBridge.exposeInMainWorld('letsBridge', {
  call: (name: string, payload: string): Promise<string> => ipcRenderer.invoke(API_CHANNEL, name, payload),
});
