import type { ChainBox, ChainTransaction } from '../chain/chain-source';
import { recogniseLetsHolder, type RecognisedLets } from '../contracts/contract-versions';
import { AppError } from '../errors/app-error';

/*
 * No script can check its own creation, so the app checks a LETS's birth before it follows it. Our genesis
 * (builders/genesis.ts, foundLets) is two transactions:
 *   1. the mint: its first input's id becomes the membership token id; all capacity + 1 tokens go to output 0, a box
 *      of the founder, whose id becomes the LETS id;
 *   2. the founding: spends exactly that box, mints the LETS id (supply 1, the id of its only input) and puts it with
 *      every membership token into output 0, the management box (committee) or the public token box (trustless).
 * Were a single membership token left anywhere else, its holder could later make an account box with any balance
 * in a plain wallet transaction, and trades against it would pass every contract: no script can tell it from a real
 * one. So every token must be where the contracts guard it, and the LETS id must exist exactly once.
 */

export interface LetsBirth {
  recognised: RecognisedLets;
  /** The founding transaction's output 0 as it was created. */
  genesisHolder: ChainBox;
  /** Membership tokens minted: the member capacity + 1. */
  pool: bigint;
}

function refuse(reason: string): never {
  throw new AppError(
    'lets-birth-invalid',
    `This LETS was not founded the way this app founds a LETS: ${reason} The app does not follow it, because its members could not trust its balances.`,
    'Ask the committee how the LETS was set up. A LETS founded by this app always passes this check.',
  );
}

function tokenTotal(outputs: readonly ChainBox[], tokenId: string): bigint {
  return outputs.reduce((sum, box) => sum + box.assets.filter((a) => a.tokenId === tokenId).reduce((s, a) => s + a.amount, 0n), 0n);
}

const short = (id: string) => `${id.slice(0, 8)}…`;

/** Checks that `mint` and `found` are the genesis of the LETS with id `letsId`, as our builders make it. */
export function checkLetsBirth(letsId: string, mint: ChainTransaction, found: ChainTransaction): LetsBirth {
  const membershipBox = mint.outputs[0];
  const membershipTokenId = mint.inputs[0]?.boxId;
  if (!membershipBox || membershipBox.boxId !== letsId || membershipTokenId === undefined) {
    refuse(`its LETS id ${short(letsId)} is not the first box of the transaction that minted its membership tokens.`);
  }
  const [membership, ...otherTokens] = membershipBox.assets;
  if (membership?.tokenId !== membershipTokenId || otherTokens.length > 0) {
    refuse('the box that became its LETS id does not hold exactly the newly minted membership tokens.');
  }
  const pool = membership.amount;
  const keptBack = tokenTotal(mint.outputs, membershipTokenId) - pool;
  if (keptBack > 0n) refuse(`${keptBack} of its membership tokens went elsewhere when they were minted.`);
  if (pool < 2n) refuse('it was minted without room for a single member.');

  if (found.inputs.length !== 1 || found.inputs[0]?.boxId !== letsId) {
    refuse('the transaction that minted its LETS id spent other boxes as well as the box of its membership tokens.');
  }
  const holder = found.outputs[0] as ChainBox;
  const supply = tokenTotal(found.outputs, letsId);
  if (supply !== 1n) refuse(`its LETS id token was minted ${supply} times; a LETS id exists exactly once.`);
  const inPool = holder.assets.find((a) => a.tokenId === membershipTokenId)?.amount ?? 0n;
  if (inPool !== pool) refuse(`${pool - inPool} of its ${pool} membership tokens did not go into the box that guards them.`);

  const recognised = recogniseLetsHolder(holder);
  if (recognised.lets.letsId !== letsId || recognised.lets.membershipTokenId !== membershipTokenId) {
    refuse('the box that received its LETS id names other tokens.');
  }
  return { recognised, genesisHolder: holder, pool };
}
