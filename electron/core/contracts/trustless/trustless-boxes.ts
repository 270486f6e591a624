import type { Amount, Box } from '@fleet-sdk/common';
import { AppError } from '../../errors/app-error';
import { requireAccount } from '../lets-boxes';
import { trustlessContracts } from './trustless-contracts';
import type { TrustlessLets } from './trustless-parameters';
import { decodePublicTokenRegisters, decodeTrustlessAccountRegisters, type TrustlessAccountRegisters } from './trustless-registers';

export interface TrustlessAccountState extends TrustlessAccountRegisters {
  /** The ERG locked in the box (nanoERG). */
  collateral: bigint;
}

/** Reads an account box of a trustless `lets`, refusing any box its account contract does not guard. */
export function readTrustlessAccount(box: Box<Amount>, lets: TrustlessLets, who: string): TrustlessAccountState {
  const registers = requireAccount(box, trustlessContracts(lets).account, lets, decodeTrustlessAccountRegisters(box.additionalRegisters), who);
  return { ...registers, collateral: BigInt(box.value) };
}

/** Membership tokens still in the public token box; one always stays behind (see public-token.es). */
export function readPublicTokenPool(box: Box<Amount>, lets: TrustlessLets): bigint {
  const [id, pool] = box.assets;
  const isPublicTokenBox =
    box.ergoTree === trustlessContracts(lets).publicToken &&
    box.assets.length === 2 &&
    id?.tokenId === lets.letsId &&
    pool?.tokenId === lets.membershipTokenId;
  if (!isPublicTokenBox || !pool) {
    throw new AppError(
      'invalid-input',
      `The box given as the public token box is not the public token box of ${lets.name}.`,
      'Refresh the ledger so the app uses the current public token box, then try again.',
    );
  }
  return BigInt(pool.amount);
}

/**
 * Recovers a trustless LETS from its public token box alone (what a mirror finds on chain). As for the
 * committee model (recoverLets), the box is only believed when its script is exactly the one its tokens
 * and registers compile to: nobody else can put the LETS id NFT under that script.
 */
export function recoverTrustlessLets(box: Box<Amount>): TrustlessLets {
  const [id, pool] = box.assets;
  const parameters = decodePublicTokenRegisters(box.additionalRegisters);
  if (id && pool && parameters && BigInt(id.amount) === 1n && box.assets.length === 2) {
    const lets: TrustlessLets = { ...parameters, letsId: id.tokenId, membershipTokenId: pool.tokenId };
    if (isCompilable(lets) && trustlessContracts(lets).publicToken === box.ergoTree) return lets;
  }
  throw new AppError(
    'invalid-input',
    'This box is not the public token box of a trustless LETS made by this app.',
    'Check the LETS id you entered; it is the id of the token minted when the LETS was founded.',
  );
}

/** Registers anyone wrote may hold values no script of ours was compiled with (e.g. a lock beyond an Int). */
function isCompilable(lets: TrustlessLets): boolean {
  return lets.collateralPerUnit >= 1n && lets.lockPeriod <= 0x7fff_ffff;
}
