import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WalletLinkReply } from '../../electron/core/api/wallet-link';
import { WALLET_CHANNEL } from '../../electron/preload/channel';

// Electron cannot start on CI machines: ipcMain records the handler, shell records what it was asked to open.
const handlers = new Map<string, (...args: unknown[]) => Promise<WalletLinkReply>>();
const opened: string[] = [];
const shellAnswer = { fails: false };
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => Promise<WalletLinkReply>) => handlers.set(channel, fn) },
  shell: {
    openExternal: async (url: string) => {
      if (shellAnswer.fails) throw new Error('no application registered');
      opened.push(url);
    },
  },
}));

const APP_URL = 'file:///opt/lets/out/renderer/index.html';
const fromApp = { senderFrame: { url: APP_URL, parent: null } };
const REQUESTED = 'a'.repeat(64);
const open = (transactionId: unknown, event: object = fromApp) => handlers.get(WALLET_CHANNEL)?.(event, transactionId) as Promise<WalletLinkReply>;

describe('"Open in wallet" in the main process', () => {
  beforeEach(async () => {
    handlers.clear();
    opened.length = 0;
    shellAnswer.fails = false;
    const { registerWalletLinks } = await import('../../electron/main/wallet-links');
    const links = new Map([[REQUESTED, 'ergopay:AAECAw'], ['b'.repeat(64), 'https://example.org/']]);
    registerWalletLinks({ walletLink: (id) => links.get(id) }, () => APP_URL);
  });

  it('opens the link of the request that stands for the transaction, and nothing the page names itself', async () => {
    expect(await open(REQUESTED)).toEqual({ ok: true });
    expect(opened).toEqual(['ergopay:AAECAw']);
    expect(await open('ergopay:AAECAw')).toEqual({ ok: false, message: 'That is not a transaction of the outbox.' });
    expect(await open({ transactionId: REQUESTED })).toMatchObject({ ok: false });
    expect(opened).toHaveLength(1);
  });

  it('says the request has ended when none stands, and opens no other scheme', async () => {
    expect(await open('c'.repeat(64))).toEqual({ ok: false, message: 'That signing request has ended. Show a new request from the outbox.' });
    expect(await open('b'.repeat(64))).toMatchObject({ ok: false });
    expect(opened).toEqual([]);
  });

  it('says what to do when no wallet on this computer takes ErgoPay links', async () => {
    shellAnswer.fails = true;
    expect(await open(REQUESTED)).toEqual({
      ok: false,
      message: 'No wallet on this computer opens ErgoPay links. Let the member scan the QR code with their phone, or give them the file.',
    });
  });

  it('refuses a frame that is not the app', async () => {
    await expect(open(REQUESTED, { senderFrame: { url: 'https://example.org/', parent: null } })).rejects.toThrow('Refused a wallet link');
    expect(opened).toEqual([]);
  });
});
