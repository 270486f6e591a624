import type { Amount, Box } from '@fleet-sdk/common';
import { AppError } from '../errors/app-error';
import type { Lets } from '../lets/lets-parameters';
import { letsContracts } from './lets-contracts';
import { decodeAccountRegisters, decodeManagementRegisters, type AccountRegisters, type ManagementRegisters } from './registers';

export interface ManagementState extends ManagementRegisters {
  /** Membership tokens still in the pool; one always stays behind (see management.es). */
  pool: bigint;
}

/**
 * What makes a box an account of a LETS, in either model: its account script, exactly one membership token, and
 * registers that decode. Anything else is refused, naming whose box it was meant to be.
 */
export function requireAccount<R>(box: Box<Amount>, accountTree: string, lets: Lets, registers: R | undefined, who: string): R {
  const token = box.assets.length === 1 ? box.assets[0] : undefined;
  const isAccount = box.ergoTree === accountTree && token?.tokenId === lets.membershipTokenId && BigInt(token.amount) === 1n;
  if (!isAccount || registers === undefined) {
    throw new AppError(
      'invalid-input',
      `The box given for ${who} is not an account of ${lets.name}.`,
      'Refresh the ledger so the app uses the member’s current account box, then try again.',
    );
  }
  return registers;
}

/** Reads an account box of `lets`, refusing any box the LETS's account contract does not guard. */
export function readAccountBox(box: Box<Amount>, lets: Lets, who: string): AccountRegisters {
  return requireAccount(box, letsContracts(lets).account, lets, decodeAccountRegisters(box.additionalRegisters), who);
}

export function readManagementBox(box: Box<Amount>, lets: Lets): ManagementState {
  const [id, pool] = box.assets;
  const registers = decodeManagementRegisters(box.additionalRegisters);
  const isManagement =
    box.ergoTree === letsContracts(lets).management &&
    box.assets.length === 2 &&
    id?.tokenId === lets.letsId &&
    pool?.tokenId === lets.membershipTokenId &&
    registers !== undefined;
  if (!isManagement || !pool) {
    throw new AppError(
      'invalid-input',
      `The box given as the committee’s management box is not the management box of ${lets.name}.`,
      'Refresh the ledger so the app uses the current management box, then try again.',
    );
  }
  return { ...registers, pool: BigInt(pool.amount) };
}

/**
 * Recovers a LETS from its management box alone (what a mirror finds on chain). The box is only believed
 * when its script is exactly the management script those tokens and parameters compile to: anyone can
 * create a box with look-alike registers, nobody else can put the LETS id NFT under our script.
 */
export function recoverLets(box: Box<Amount>): Lets & { committee: string } {
  const [id, pool] = box.assets;
  const registers = decodeManagementRegisters(box.additionalRegisters);
  if (id && pool && registers) {
    const { committee, ...parameters } = registers;
    const lets: Lets = { ...parameters, letsId: id.tokenId, membershipTokenId: pool.tokenId };
    if (BigInt(id.amount) === 1n && box.assets.length === 2 && letsContracts(lets).management === box.ergoTree) {
      return { ...lets, committee };
    }
  }
  throw new AppError(
    'invalid-input',
    'This box is not the management box of a LETS made by this app.',
    'Check the LETS id you entered; it is the id of the token the committee received at genesis.',
  );
}
