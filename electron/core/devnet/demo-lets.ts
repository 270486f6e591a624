import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import { hex } from '@fleet-sdk/crypto';
import { buildEnrolment } from '../builders/enrolment';
import { buildGenesis } from '../builders/genesis';
import { buildTrade } from '../builders/trade';
import { createdBoxes } from '../builders/created-boxes';
import { toFleetBox } from '../chain/fleet-box';
import { toSignedTransactionJson } from '../chain/signed-transaction-json';
import { letsContracts } from '../contracts/lets-contracts';
import type { Lets, LetsParameters } from '../lets/lets-parameters';
import { addressKeyPath } from '../signers/key-paths';
import { SoftwareSigner } from '../signers/software/software-signer';
import type { DevnetChain } from './devnet-chain';
import type { TrustlessDemoLets } from './trustless-demo';

/**
 * The demo a newcomer sees on first start: the seed story of PROTOCOL.md on the devnet. The committee founds
 * "Riverside LETS", enrols Alice, Bob and Charlie; Alice buys milk from Bob for 2.00, Bob buys beer from Charlie
 * for 3.50. Every transaction is built by the app's own builders, signed by the software signer and checked by
 * the devnet's interpreter, exactly as a real one would be.
 */

// A public, well-known seed: it only ever holds devnet coins and is never offered outside the demo.
export const DEMO_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const ERG = 1_000_000_000n;

export interface DemoParty {
  name: string;
  keyPath: string;
  publicKey: string;
  /** P2PK script of the party's wallet; plain data so the demo can be stored with the devnet. */
  ergoTree: string;
  address: string;
}

export interface DemoLets {
  lets: Lets;
  genesisHeight: number;
  committee: DemoParty;
  members: DemoParty[];
  accountTree: string;
  managementTree: string;
  /** The trustless demo seeded beside this one; absent in demo chains saved before it existed. */
  trustless?: TrustlessDemoLets;
}

export class DemoSession {
  private constructor(
    readonly chain: DevnetChain,
    readonly signer: SoftwareSigner,
  ) {}

  static create(chain: DevnetChain): DemoSession {
    return new DemoSession(chain, SoftwareSigner.fromMnemonic(DEMO_MNEMONIC, { network: 'testnet' }));
  }

  async party(name: string, index: number): Promise<DemoParty> {
    const keyPath = addressKeyPath(0, index);
    const publicKey = hex.encode(await this.signer.publicKey(keyPath));
    const address = ErgoAddress.fromPublicKey(publicKey);
    return { name, keyPath, publicKey, ergoTree: address.ergoTree, address: address.encode() };
  }

  /** Gives each party one box of ERG (devnet faucet), all in one new block. */
  async fundAll(parties: readonly DemoParty[], nanoergs = 10n * ERG): Promise<void> {
    await this.chain.faucet(parties.map((party) => ({ ergoTree: party.ergoTree, value: nanoergs })));
    this.chain.mine();
  }

  async walletBoxes(party: DemoParty): Promise<Box<Amount>[]> {
    const boxes = await this.chain.unspentByErgoTree(party.ergoTree);
    return boxes.map(toFleetBox);
  }

  /** The member's current account box (unspent on the devnet), ready for a builder. */
  async accountBox(demo: DemoLets, member: DemoParty): Promise<Box<Amount>> {
    const accounts = await this.chain.unspentByErgoTree(demo.accountTree);
    const box = accounts.find((b) => b.additionalRegisters.R4?.endsWith(member.publicKey));
    if (!box) throw new Error(`${member.name} has no account on the devnet`);
    return toFleetBox(box);
  }

  /** Signs every input with `party`'s key (inputs that need no key accept any proof) and submits. */
  async signAndSubmit(tx: EIP12UnsignedTransaction, party: DemoParty): Promise<string> {
    const signed = await this.signer.sign({ transaction: tx, inputKeyPaths: tx.inputs.map(() => party.keyPath) });
    return this.chain.submit(toSignedTransactionJson(signed));
  }

  async funding(party: DemoParty) {
    return { walletBoxes: await this.walletBoxes(party), changeAddress: party.address, height: this.chain.height };
  }
}

export interface FoundLetsRequest {
  parameters: LetsParameters;
  memberNames: readonly string[];
  /** Defaults to the number of members. */
  memberCapacity?: number;
}

export interface FoundedLets {
  demo: DemoLets;
  session: DemoSession;
  /** Each member's current account box, by name. */
  accounts: Map<string, Box<Amount>>;
}

/**
 * A committee founds a LETS and enrols every member, each transaction built by the app's builders, signed by the
 * software signer and validated by the devnet. Every party gets one wallet box in a single faucet block first;
 * the committee (key index 0) pays for genesis and the enrolments, member i has key index i + 1.
 */
export async function foundLets(chain: DevnetChain, request: FoundLetsRequest): Promise<FoundedLets> {
  const session = DemoSession.create(chain);
  const committee = await session.party('Committee', 0);
  const members = await Promise.all(request.memberNames.map((name, i) => session.party(name, i + 1)));
  // The committee pays LETS_BOX_VALUE plus a fee per enrolment; 10 ERG covers a few hundred.
  await session.fundAll([committee, ...members], 10n * ERG + BigInt(members.length) * (ERG / 100n));

  const genesis = buildGenesis({
    ...(await session.funding(committee)),
    parameters: request.parameters,
    committeeKey: committee.publicKey,
    memberCapacity: request.memberCapacity ?? members.length,
  });
  for (const tx of genesis.transactions) await session.signAndSubmit(tx, committee);
  const genesisHeight = chain.mine().header.height;
  const { lets } = genesis;
  const contracts = letsContracts(lets);

  let management = createdBoxes(genesis.transactions[1]).find((b) => b.ergoTree === contracts.management) as Box<Amount>;
  const accounts = new Map<string, Box<Amount>>();
  for (const member of members) {
    const tx = buildEnrolment({ ...(await session.funding(committee)), lets, management, memberName: member.name, memberKey: member.publicKey });
    await session.signAndSubmit(tx, committee);
    chain.mine();
    const created = createdBoxes(tx);
    management = created.find((b) => b.ergoTree === contracts.management) as Box<Amount>;
    accounts.set(member.name, created.find((b) => b.ergoTree === contracts.account) as Box<Amount>);
  }
  const demo = { lets, genesisHeight, committee, members, accountTree: contracts.account, managementTree: contracts.management };
  return { demo, session, accounts };
}

export async function seedDemoLets(chain: DevnetChain): Promise<DemoLets> {
  const { demo, session, accounts } = await foundLets(chain, {
    parameters: { name: 'Riverside LETS', unit: 'EUR-LETS', floor: -200_00n, cap: 500_00n },
    memberNames: ['Alice', 'Bob', 'Charlie'],
    memberCapacity: 250,
  });
  const { lets } = demo;

  const trade = async (payer: DemoParty, payee: DemoParty, amount: bigint) => {
    const tx = buildTrade({
      ...(await session.funding(payer)),
      lets,
      payer: { name: payer.name, box: accounts.get(payer.name) as Box<Amount> },
      payee: { name: payee.name, box: accounts.get(payee.name) as Box<Amount> },
      amount,
    });
    await session.signAndSubmit(tx, payer);
    chain.mine();
    const [payerBox, payeeBox] = createdBoxes(tx);
    accounts.set(payer.name, payerBox as Box<Amount>);
    accounts.set(payee.name, payeeBox as Box<Amount>);
  };
  const [alice, bob, charlie] = demo.members as [DemoParty, DemoParty, DemoParty];
  await trade(alice, bob, 2_00n);
  await trade(bob, charlie, 3_50n);
  return demo;
}
