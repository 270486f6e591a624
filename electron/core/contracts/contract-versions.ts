import type { ChainBox } from '../chain/chain-source';
import { AppError } from '../errors/app-error';
import type { Lets, LetsTokens } from '../lets/lets-parameters';
import { letsContracts } from './lets-contracts';
import { decodeManagementRegisters } from './registers';
import { trustlessContracts } from './trustless/trustless-contracts';
import type { TrustlessLets } from './trustless/trustless-parameters';
import { decodePublicTokenRegisters } from './trustless/trustless-registers';

/*
 * Contract versions are for ever: a LETS keeps the contracts it was founded with, so the app recognises and operates
 * every version it ever shipped. A contract change is a new entry here (PROTOCOL.md: per-member limits, k-of-n and
 * gateways arrive as version 2), never an edit of an existing one.
 */

/** The ErgoTrees of one LETS: its account script and the script of the box that holds its LETS id. */
export interface LetsTrees {
  accountTree: string;
  /** The management box (committee model) or the public token box (trustless model). */
  holderTree: string;
}

interface ContractVersion {
  version: number;
  committee(lets: Lets): LetsTrees;
  trustless(lets: TrustlessLets): LetsTrees;
}

const CONTRACT_VERSIONS: readonly ContractVersion[] = [
  {
    version: 1,
    committee: (lets) => {
      const { account, management } = letsContracts(lets);
      return { accountTree: account, holderTree: management };
    },
    trustless: (lets) => {
      const { account, publicToken } = trustlessContracts(lets);
      return { accountTree: account, holderTree: publicToken };
    },
  },
];

/** The version a LETS founded today gets. */
export const CURRENT_CONTRACT_VERSION = 1;

/** A LETS as its LETS id's box states it, with the version of our contracts that box runs. */
export type RecognisedLets = { version: number; trees: LetsTrees } & (
  | { model: 'committee'; lets: Lets; committee: string }
  | { model: 'trustless'; lets: TrustlessLets }
);

export function contractVersion(version: number): ContractVersion {
  const found = CONTRACT_VERSIONS.find((v) => v.version === version);
  if (!found) {
    throw new AppError(
      'invalid-input',
      `This LETS runs version ${version} of the LETS contracts, which this app does not know.`,
      'Install the newest version of the app, which knows every contract version.',
    );
  }
  return found;
}

/** Registers anyone wrote may hold values no script of ours was compiled with (e.g. a lock beyond an Int). */
function isCompilable(lets: TrustlessLets): boolean {
  return lets.collateralPerUnit >= 1n && lets.lockPeriod <= 0x7fff_ffff;
}

/**
 * Reads the LETS that the box holding its LETS id describes (a management box or a public token box), and believes it
 * only when the box's script is byte for byte what one of our contract versions compiles for those parameters and
 * tokens. Anyone can write look-alike registers; nobody but our genesis puts a LETS id under our exact script (the
 * birth check in following/lets-birth.ts makes sure of the rest). A box that states a LETS but runs another script is
 * named a look-alike: a changed contract could let its makers break the rules the app would promise its members.
 */
export function recogniseLetsHolder(box: Pick<ChainBox, 'assets' | 'additionalRegisters' | 'ergoTree'>): RecognisedLets {
  const [id, pool, ...others] = box.assets;
  const holdsTokens = id !== undefined && pool !== undefined && others.length === 0 && id.amount === 1n;
  const committee = decodeManagementRegisters(box.additionalRegisters);
  const trustless = decodePublicTokenRegisters(box.additionalRegisters);
  if (!holdsTokens || (!committee && !trustless)) throw notALets();
  const tokens: LetsTokens = { letsId: id.tokenId, membershipTokenId: pool.tokenId };
  for (const { version, committee: committeeTrees, trustless: trustlessTrees } of CONTRACT_VERSIONS) {
    if (committee) {
      const { committee: committeeKey, ...parameters } = committee;
      const lets: Lets = { ...parameters, ...tokens };
      const trees = committeeTrees(lets);
      if (trees.holderTree === box.ergoTree) return { version, trees, model: 'committee', lets, committee: committeeKey };
    }
    if (trustless) {
      const lets: TrustlessLets = { ...trustless, ...tokens };
      const trees = isCompilable(lets) ? trustlessTrees(lets) : undefined;
      if (trees?.holderTree === box.ergoTree) return { version, trees, model: 'trustless', lets };
    }
  }
  const name = (committee ?? trustless)?.name ?? '';
  throw new AppError(
    'lets-lookalike',
    `The box holding this LETS id states a ${committee ? 'committee' : 'trustless'} LETS called “${name}”, but its contract is not one this app made: it differs from what our contracts compile to for those parameters. A changed contract could let its makers break the rules the app shows its members, so the app does not follow it.`,
    'Ask the committee for the link of their LETS, made by this app. If they use another program, follow the LETS with that program.',
  );
}

function notALets(): AppError {
  return new AppError(
    'not-a-lets',
    'The token with this id is not the id of a LETS made by this app: the box holding it is not a LETS’s management box or public token box.',
    'Check the LETS id or link: copy it again from “Share this LETS” on the committee’s computer.',
  );
}
