import type { ChainIndex } from '../chain/chain-index';
import { nodeIsCatchingUp, type ChainSource } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import { validateLetsParameters } from '../lets/lets-parameters';
import type { Db } from '../mirror/database';
import { trackLetsOnChain } from '../mirror/queries/chain-store';
import { addLets, findLetsByToken } from '../mirror/queries/lets';
import { findLetsInBlocks, findLetsThroughIndex, type FoundLets } from './find-lets';
import type { LetsLink } from './lets-link';

/** Where a LETS is looked up: the chain source, and its index when it has one. */
export interface LetsFinder {
  source: ChainSource;
  index: ChainIndex | null;
}

/**
 * Finds the LETS a link names and checks it is ours (find-lets.ts): through the index where the source has one, else
 * in the blocks from the link's start height.
 */
export async function findLets(finder: LetsFinder, link: LetsLink): Promise<FoundLets> {
  const tip = await finder.source.tip();
  if (nodeIsCatchingUp(tip)) {
    throw new AppError(
      'chain-node-error',
      `The node is still catching up with the network: it has block ${tip.height} of ${tip.headersHeight ?? '?'}. A LETS founded since is not visible to it yet, and a history read now would stop short.`,
      'Wait until the node has caught up (the status bar says “Up to date”), then follow the LETS.',
    );
  }
  const indexed = finder.index ? await finder.index.indexedHeight() : null;
  const found = finder.index && indexed !== null ? await findLetsThroughIndex(finder.index, link, { indexed, tip: tip.height }) : await findLetsInBlocks(finder.source, link);
  try {
    validateLetsParameters(found.recognised.lets);
  } catch (error) {
    throw new AppError(
      'not-a-lets',
      `This LETS states parameters that this app never founds a LETS with: ${(error as AppError).message}`,
      'The app does not follow it. Ask the committee how the LETS was set up.',
    );
  }
  return found;
}

/**
 * Starts following a LETS found and checked by findLets. Nothing of its history is read here: the sync catches it up
 * (mirror/sync/catch-up.ts), through the index where it can, and shows the progress. Returns the local LETS id.
 */
export function followFoundLets(db: Db, found: FoundLets): number {
  const { recognised, link, genesisHeight } = found;
  const { lets } = recognised;
  if (findLetsByToken(db, lets.letsId) !== undefined) {
    throw new AppError('conflict', `The app already follows ${lets.name}.`, 'Choose it from the list of LETS on the dashboard.');
  }
  return db.transaction(() => {
    const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: recognised.model, creditFloor: lets.floor, creditCap: lets.cap });
    const holder = recognised.model === 'committee' ? { managementTree: recognised.trees.holderTree } : { publicTokenTree: recognised.trees.holderTree };
    trackLetsOnChain(db, {
      letsId,
      network: link.network,
      membershipTokenId: lets.membershipTokenId,
      accountTree: recognised.trees.accountTree,
      ...holder,
      startHeight: genesisHeight,
      contractVersion: recognised.version,
      catchUp: true,
    });
    return letsId;
  })();
}
