import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { decodeWire, encodeWire } from '../../electron/core/api/wire';
import { createCore } from '../../electron/core/app/core';
import { API_CHANNEL } from '../../electron/preload/channel';
import { tempDir } from '../helpers/temp-dir';

// Electron cannot start on CI machines; ipcMain is replaced by a recorder so the real registerApi runs.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) } }));

const APP_URL = 'file:///opt/lets/out/renderer/index.html';
const event = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } });

describe('the IPC channel in the main process', () => {
  beforeEach(async () => {
    handlers.clear();
    const { registerApi } = await import('../../electron/main/ipc');
    const core = createCore({ databasePath: join(tempDir(), 'mirror.sqlite'), appVersion: '9.9.9' });
    registerApi(createDispatcher(core.handlers, () => undefined), () => APP_URL);
  });

  it('answers the app’s own page through the API contract', async () => {
    const handle = handlers.get(API_CHANNEL);
    const reply = await handle?.(event(APP_URL), 'app.info', encodeWire({}));
    expect(decodeWire(reply as string)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
  });

  it('validates the input of every call', async () => {
    const reply = await handlers.get(API_CHANNEL)?.(event(APP_URL), 'members.list', encodeWire({ search: ['x'] }));
    expect(decodeWire(reply as string)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses calls from a sub-frame or from another page', () => {
    const handle = handlers.get(API_CHANNEL);
    expect(() => handle?.(event(APP_URL, {}), 'app.info', '{}')).toThrow('Refused an API call');
    expect(() => handle?.(event('https://example.org/'), 'app.info', '{}')).toThrow('Refused an API call');
  });
});
