import type { ChainIndex, IndexedBox } from '../chain/chain-index';
import type { ChainSource, ChainTransaction } from '../chain/chain-source';
import { recogniseLetsHolder, type RecognisedLets } from '../contracts/contract-versions';
import { AppError } from '../errors/app-error';
import { checkLetsBirth } from './lets-birth';
import { networkName } from '../api/network-names';
import type { LetsLink } from './lets-link';

/*
 * Finding a LETS on chain from its LETS id, and proving it is one of ours before anything is stored: its current
 * holder box (management or public token box) runs one of our contract versions byte for byte, and its birth is our
 * genesis (lets-birth.ts). With an index (node extraIndex, Explorer) the LETS id leads straight to both; without one,
 * the link's start height says which blocks hold the genesis.
 */

export interface FoundLets {
  link: LetsLink;
  /** What the LETS states now: the holder box found today, or the genesis holder where only blocks were read. */
  recognised: RecognisedLets;
  /** Height of the mint, the first genesis transaction: the LETS's history starts there. */
  genesisHeight: number;
  /** Membership tokens left in the pool now (null where only the genesis was read). */
  poolNow: bigint | null;
  /** Membership tokens minted: the member capacity + 1. */
  minted: bigint;
  /** How it was found, and how its history will be read: through the index, or block by block from its genesis. */
  readVia: 'index' | 'blocks';
}

/** How many blocks after its mint the founding transaction may come; our founding sends both at once. */
export const FOUNDING_SEARCH_BLOCKS = 720;

/** How far an index has read the chain, and the chain's tip: an index far behind may not know a young LETS yet. */
export interface IndexProgress {
  indexed: number;
  tip: number;
}

/** An index this many blocks behind the tip is still catching up (a node's index keeps within a block or two). */
const INDEX_BEHIND = 10;

function notFound(link: LetsLink, where: string, progress?: IndexProgress): AppError {
  const behind = progress !== undefined && progress.tip - progress.indexed > INDEX_BEHIND;
  return new AppError(
    'not-found',
    `No LETS with the id ${link.letsId.slice(0, 12)}… exists on ${networkName(link.network)}, as far as ${where} knows${behind ? `: its index has read the chain up to block ${progress.indexed} of ${progress.tip}` : ''}.`,
    behind
      ? `The index is still catching up: a LETS founded since block ${progress.indexed} shows once it has. Try again later, or follow the LETS with its full link.`
      : 'Check the LETS id or link (copy it again from “Share this LETS”), and that the node or Explorer in Settings is on the same network and has caught up.',
  );
}

/** Boxes that hold a LETS id at once: one, unless its birth went wrong (the birth check then says so). */
const HOLDERS_LOOKED_AT = 10;

/**
 * The unspent box holding the LETS id, recognised as one of our contract versions. The listing is newest first, and
 * the newest holder is the only unspent one, unless the LETS id exists more than once: then the one that states a
 * LETS is taken, and the birth check refuses the LETS for its supply.
 */
async function currentHolder(index: ChainIndex, link: LetsLink, progress?: IndexProgress): Promise<{ holder: IndexedBox; recognised: RecognisedLets }> {
  const { items, total } = await index.boxesByToken(link.letsId, 0, HOLDERS_LOOKED_AT);
  if (total === 0 || items.length === 0) throw notFound(link, index.label, progress);
  const unspent = items.filter((box) => box.spentTransactionId === null);
  if (unspent.length === 0) {
    throw new AppError(
      'not-found',
      'The LETS id of this LETS is no longer held by any box: the LETS has been closed down or its token burnt.',
      'Ask the committee what happened to the LETS.',
    );
  }
  let refusal: unknown;
  for (const holder of unspent) {
    try {
      return { holder, recognised: recogniseLetsHolder(holder) };
    } catch (error) {
      refusal ??= error;
    }
  }
  throw refusal;
}

/** Finds and checks a LETS through the chain's index; `progress` lets a miss say that the index is behind. */
export async function findLetsThroughIndex(index: ChainIndex, link: LetsLink, progress?: IndexProgress): Promise<FoundLets> {
  const { holder, recognised } = await currentHolder(index, link, progress);
  const membershipBox = await index.box(link.letsId);
  const mint = membershipBox && (await index.transaction(membershipBox.transactionId));
  const found = membershipBox?.spentTransactionId ? await index.transaction(membershipBox.spentTransactionId) : null;
  if (!mint || !found) {
    throw new AppError(
      'lets-birth-invalid',
      `The genesis of this LETS cannot be read from ${index.label}: the box its LETS id was minted from is missing there.`,
      'The index may still be catching up: try again in a few minutes, or use another node.',
    );
  }
  const birth = checkLetsBirth(link.letsId, mint, found);
  if (birth.recognised.trees.accountTree !== recognised.trees.accountTree || birth.recognised.version !== recognised.version) {
    throw new AppError('lets-lookalike', 'The box holding this LETS id today runs other contracts than the one the LETS was founded with.', 'The app does not follow it.');
  }
  const pool = holder.assets[1]?.amount ?? 0n;
  return { link, recognised, genesisHeight: mint.inclusionHeight, poolNow: pool, minted: birth.pool, readVia: 'index' };
}

/** Finds and checks a LETS by reading the blocks from its link's start height: for a node without the index. */
export async function findLetsInBlocks(source: ChainSource, link: LetsLink): Promise<FoundLets> {
  if (link.startHeight === null) {
    throw new AppError(
      'no-chain-index',
      'This node has no extra index, so it cannot find a LETS by its id alone.',
      'Follow the LETS with its full link (it says where the LETS starts), or set extraIndex = true in the node’s configuration, or use the public Explorer in Settings.',
    );
  }
  const tip = await source.tip();
  let mint: ChainTransaction | undefined;
  for (let height = link.startHeight; height <= Math.min(tip.height, link.startHeight + FOUNDING_SEARCH_BLOCKS); height++) {
    const [headerId] = await source.headerIdsAt(height);
    if (!headerId) break;
    const transactions = await source.blockTransactions(headerId);
    mint ??= height === link.startHeight ? transactions.find((tx) => tx.outputs[0]?.boxId === link.letsId) : undefined;
    if (!mint) throw notFound(link, `block ${link.startHeight}`);
    const found = transactions.find((tx) => tx.inputs.some((input) => input.boxId === link.letsId));
    if (found) {
      const birth = checkLetsBirth(link.letsId, mint, found);
      return { link, recognised: birth.recognised, genesisHeight: link.startHeight, poolNow: null, minted: birth.pool, readVia: 'blocks' };
    }
  }
  throw new AppError(
    'lets-birth-invalid',
    `The LETS id was minted at block ${link.startHeight}, but no founding transaction spends it in the ${FOUNDING_SEARCH_BLOCKS} blocks after.`,
    'The LETS was never completed: ask the committee for the link of a LETS that is running.',
  );
}
