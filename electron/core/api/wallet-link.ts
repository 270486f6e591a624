/** Main's answer to "Open in wallet" (electron/main/wallet-links.ts): opened, or why not in a sentence. */
export type WalletLinkReply = { ok: true } | { ok: false; message: string };
