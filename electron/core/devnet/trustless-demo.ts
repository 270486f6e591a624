import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { createdBoxes } from '../builders/created-boxes';
import { buildJoin } from '../builders/trustless/join';
import { buildTrustlessGenesis } from '../builders/trustless/trustless-genesis';
import { buildTrustlessTrade } from '../builders/trustless/trustless-trade';
import { trustlessContracts } from '../contracts/trustless/trustless-contracts';
import type { TrustlessLets } from '../contracts/trustless/trustless-parameters';
import { DemoSession, type DemoParty } from './demo-lets';
import type { DevnetChain } from './devnet-chain';

/**
 * The second demo on the devnet: a trustless LETS (PROTOCOL.md, model 2) the app follows read-only. Nobody runs it:
 * each member joins from their own wallet by locking collateral, and pays from it. Everything goes through the
 * app's builders, the software signer and the devnet's interpreter, as the committee demo does.
 */

const ERG = 1_000_000_000n;

export interface TrustlessDemoMember extends DemoParty {
  /** nanoERG the member locked when joining. */
  collateral: bigint;
}

export interface TrustlessDemoLets {
  lets: TrustlessLets;
  genesisHeight: number;
  founder: DemoParty;
  /** The members the observer knows by name. */
  members: TrustlessDemoMember[];
  /** Joined from his own wallet without telling anyone: the observer's mirror lists him as "Member " and his key. */
  stranger: TrustlessDemoMember;
  accountTree: string;
  publicTokenTree: string;
}

// Key indexes of the demo seed past those of the committee demo (0–3), so the two demos never share a wallet.
const FIRST_KEY_INDEX = 10;

const JOINERS: readonly { name: string; collateral: bigint }[] = [
  { name: 'Dana', collateral: 2n * ERG },
  { name: 'Emil', collateral: 1n * ERG },
  { name: 'Farah', collateral: 3n * ERG / 2n },
];
const STRANGER = { name: 'Gus', collateral: 1n * ERG };

/**
 * "Hilltop Time Bank" in hours: floor −20.00 hours, cap 40.00, 1 ERG to join, 0.1 ERG of collateral per hour of
 * debt (1 ERG backs 10.00 hours), locked for about a day. Dana, Emil and Farah join; Dana pays Emil 3.00 hours for
 * gardening, Emil pays Farah 1.50 for a bike repair. Then Gus joins, as anyone may, without telling anyone his name.
 */
export async function seedTrustlessDemo(chain: DevnetChain): Promise<TrustlessDemoLets> {
  const session = DemoSession.create(chain);
  const founder = await session.party('Founder', FIRST_KEY_INDEX);
  const joiners = await Promise.all(JOINERS.map(async (j, i) => ({ ...(await session.party(j.name, FIRST_KEY_INDEX + 1 + i)), collateral: j.collateral })));
  const stranger = { ...(await session.party(STRANGER.name, FIRST_KEY_INDEX + 1 + JOINERS.length)), collateral: STRANGER.collateral };
  await session.fundAll([founder, ...joiners, stranger]);

  const genesis = buildTrustlessGenesis({
    ...(await session.funding(founder)),
    parameters: { name: 'Hilltop Time Bank', unit: 'hours', floor: -20_00n, cap: 40_00n, minimumCollateral: 1n * ERG, collateralPerUnit: ERG / 10n / 100n, lockPeriod: 720 },
    founderKey: founder.publicKey,
    memberCapacity: 50,
  });
  for (const tx of genesis.transactions) await session.signAndSubmit(tx, founder);
  const genesisHeight = chain.mine().header.height;
  const { lets } = genesis;
  const contracts = trustlessContracts(lets);
  const created = (tx: EIP12UnsignedTransaction, ergoTree: string) => createdBoxes(tx).filter((b) => b.ergoTree === ergoTree) as Box<Amount>[];

  let publicTokenBox = created(genesis.transactions[1], contracts.publicToken)[0] as Box<Amount>;
  const accounts = new Map<string, Box<Amount>>();
  const join = async (member: TrustlessDemoMember) => {
    const tx = buildJoin({ ...(await session.funding(member)), lets, publicTokenBox, memberName: member.name, memberKey: member.publicKey, collateral: member.collateral });
    await session.signAndSubmit(tx, member);
    chain.mine();
    publicTokenBox = created(tx, contracts.publicToken)[0] as Box<Amount>;
    accounts.set(member.name, created(tx, contracts.account)[0] as Box<Amount>);
  };
  for (const member of joiners) await join(member);

  const trade = async (payer: DemoParty, payee: DemoParty, amount: bigint) => {
    const account = (party: DemoParty) => ({ name: party.name, box: accounts.get(party.name) as Box<Amount> });
    const tx = buildTrustlessTrade({ ...(await session.funding(payer)), lets, payer: account(payer), payee: account(payee), amount });
    await session.signAndSubmit(tx, payer);
    chain.mine();
    const [payerBox, payeeBox] = created(tx, contracts.account);
    accounts.set(payer.name, payerBox as Box<Amount>);
    accounts.set(payee.name, payeeBox as Box<Amount>);
  };
  const [dana, emil, farah] = joiners as [TrustlessDemoMember, TrustlessDemoMember, TrustlessDemoMember];
  await trade(dana, emil, 3_00n);
  await trade(emil, farah, 1_50n);
  await join(stranger);
  return { lets, genesisHeight, founder, members: joiners, stranger, accountTree: contracts.account, publicTokenTree: contracts.publicToken };
}
