import { networkName } from '../api/network-names';
import type { ChainNetwork } from '../api/types';
import { AppError } from '../errors/app-error';

/*
 * A LETS link says where a LETS lives, short enough to read aloud, paste in an e-mail or scan from a QR code:
 *
 *   ergo-lets:testnet/<LETS id, 64 hex>@<height of its first genesis transaction>
 *
 * The network keeps a treasurer from following a testnet LETS on mainnet; the height lets a node without the extra
 * index find the LETS's birth by reading a few blocks. Nothing in a link is believed: following checks the LETS on
 * chain (following/find-lets.ts). A bare LETS id is accepted too, on the network the app follows.
 */

export interface LetsLink {
  network: ChainNetwork;
  letsId: string;
  /** The block of the LETS's first genesis transaction, when the link carries it. */
  startHeight: number | null;
}

const SCHEME = 'ergo-lets:';
const LINK = /^ergo-lets:(mainnet|testnet|devnet)\/([0-9a-f]{64})(?:@(\d{1,10}))?$/;
const BARE_ID = /^[0-9a-f]{64}$/;

export function formatLetsLink(link: LetsLink): string {
  return `${SCHEME}${link.network}/${link.letsId}${link.startHeight === null ? '' : `@${link.startHeight}`}`;
}

/** Reads a link or a bare LETS id typed or scanned by the treasurer; `network` is the chain the app follows. */
export function parseLetsLink(text: string, network: ChainNetwork): LetsLink {
  const cleaned = text.trim().toLowerCase();
  if (BARE_ID.test(cleaned)) return { network, letsId: cleaned, startHeight: null };
  const match = LINK.exec(cleaned);
  if (!match) {
    throw new AppError(
      'invalid-input',
      cleaned.startsWith(SCHEME) ? 'This LETS link is damaged: part of it is missing or mistyped.' : 'This is neither a LETS link nor a LETS id.',
      'Copy the link again from “Share this LETS” on the committee’s computer (it starts with ergo-lets:), or paste the 64-character LETS id.',
    );
  }
  const link: LetsLink = { network: match[1] as ChainNetwork, letsId: match[2] as string, startHeight: match[3] === undefined ? null : Number(match[3]) };
  if (link.network !== network) {
    throw new AppError(
      'chain-wrong-network',
      `This link is for a LETS on ${networkName(link.network)}, but the app follows ${networkName(network)}.`,
      link.network === 'devnet'
        ? 'A demo chain exists only on the computer that runs it: ask for the link of a LETS on testnet or mainnet.'
        : `In Settings, choose a node or the Explorer on ${link.network}, then follow the link again.`,
    );
  }
  if (link.startHeight !== null && link.startHeight < 1) throw new AppError('invalid-input', 'This LETS link names block 0 as its start.', 'Copy the link again from “Share this LETS”.');
  return link;
}
