import type { ChainBox } from '../../chain/chain-source';
import { decodePublicTokenRegisters, decodeTrustlessAccountRegisters } from '../../contracts/trustless/trustless-registers';
import type { MirroredBox, TrackedLets } from './classify-transaction';

/** A followed LETS of the trustless model: its LETS id and membership pool live in a public token box. */
export type TrackedTrustlessLets = TrackedLets & { publicTokenTree: string };

export function isTrustless(lets: TrackedLets): lets is TrackedTrustlessLets {
  return lets.publicTokenTree !== null;
}

/**
 * Recognises a box of a trustless LETS. As for the committee model, the script alone proves nothing (anyone can
 * pay to it): an account also needs exactly one membership token and the three registers of trustless-account.es;
 * the public token box needs the LETS id NFT next to the pool and the collateral terms of public-token.es. The
 * public token box has no owner, so its owner key is stored empty.
 */
export function recogniseTrustless(box: ChainBox, lets: TrackedTrustlessLets, letsTokenId: string | undefined): MirroredBox | undefined {
  if (box.ergoTree === lets.accountTree) {
    const [token, ...others] = box.assets;
    const registers = decodeTrustlessAccountRegisters(box.additionalRegisters);
    if (others.length > 0 || token?.tokenId !== lets.membershipTokenId || token.amount !== 1n || !registers) return undefined;
    return { box, letsId: lets.letsId, kind: 'account', ownerKey: registers.owner, balance: registers.balance };
  }
  if (box.ergoTree === lets.publicTokenTree) {
    const [id, pool, ...others] = box.assets;
    const holdsId = id?.tokenId === letsTokenId && id?.amount === 1n && pool?.tokenId === lets.membershipTokenId;
    if (!holdsId || others.length > 0 || !decodePublicTokenRegisters(box.additionalRegisters)) return undefined;
    return { box, letsId: lets.letsId, kind: 'public-token', ownerKey: '', balance: null };
  }
  return undefined;
}
