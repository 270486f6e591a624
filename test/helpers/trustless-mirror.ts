import type { Amount, Box } from '@fleet-sdk/common';
import { join } from 'node:path';
import { buildJoin } from '../../electron/core/builders/trustless/join';
import { buildTrustlessTrade } from '../../electron/core/builders/trustless/trustless-trade';
import { buildWithdrawal } from '../../electron/core/builders/trustless/withdrawal';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { readTrustlessAccount } from '../../electron/core/contracts/trustless/trustless-boxes';
import { DemoSession, type DemoParty } from '../../electron/core/devnet/demo-lets';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import type { TrustlessDemoLets } from '../../electron/core/devnet/trustless-demo';
import { openDatabase, type Db } from '../../electron/core/mirror/database';
import { trackLetsOnChain } from '../../electron/core/mirror/queries/chain-store';
import { addLets, type NewLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { tempDir } from './temp-dir';

/** A fresh mirror database file that follows the trustless demo, with a profile per member; `local` may misstate it. */
export function aMirrorFollowingTrustless(demo: TrustlessDemoLets, local: Partial<NewLets> = {}): { db: Db; letsId: number } {
  const db = openDatabase(join(tempDir(), 'mirror.sqlite'));
  const { lets } = demo;
  const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'trustless', creditFloor: lets.floor, creditCap: lets.cap, ...local });
  trackLetsOnChain(db, { letsId, network: 'devnet', membershipTokenId: lets.membershipTokenId, accountTree: demo.accountTree, publicTokenTree: demo.publicTokenTree, startHeight: demo.genesisHeight });
  for (const member of demo.members) addMemberProfile(db, { letsId, ownerKey: member.publicKey, name: member.name });
  return { db, letsId };
}

/** Members of the trustless demo acting from their own wallets on the devnet, through the app's builders. */
export class TrustlessDemoMembers {
  private readonly session: DemoSession;

  constructor(
    private readonly chain: DevnetChain,
    private readonly demo: TrustlessDemoLets,
  ) {
    this.session = DemoSession.create(chain);
  }

  member(name: string): DemoParty {
    const found = this.demo.members.find((m) => m.name === name);
    if (!found) throw new Error(`${name} is not in the trustless demo`);
    return found;
  }

  /** A newcomer with a funded wallet, on a key index no demo party uses. */
  async newcomer(name: string, keyIndex: number): Promise<DemoParty> {
    const party = await this.session.party(name, keyIndex);
    await this.session.fundAll([party]);
    return party;
  }

  async account(party: DemoParty): Promise<Box<Amount>> {
    const boxes = (await this.chain.unspentByErgoTree(this.demo.accountTree)).map(toFleetBox);
    const box = boxes.find((b) => readTrustlessAccount(b, this.demo.lets, party.name).owner === party.publicKey);
    if (!box) throw new Error(`${party.name} has no account on the devnet`);
    return box;
  }

  async publicTokenBox(): Promise<Box<Amount>> {
    const [box] = await this.chain.unspentByErgoTree(this.demo.publicTokenTree);
    if (!box) throw new Error('the public token box is gone');
    return toFleetBox(box);
  }

  async join(party: DemoParty, collateral?: bigint): Promise<void> {
    const tx = buildJoin({
      ...(await this.session.funding(party)),
      lets: this.demo.lets,
      publicTokenBox: await this.publicTokenBox(),
      memberName: party.name,
      memberKey: party.publicKey,
      ...(collateral === undefined ? {} : { collateral }),
    });
    await this.session.signAndSubmit(tx, party);
    this.chain.mine();
  }

  async pay(payer: DemoParty, payee: DemoParty, amount: bigint): Promise<void> {
    const tx = buildTrustlessTrade({
      ...(await this.session.funding(payer)),
      lets: this.demo.lets,
      payer: { name: payer.name, box: await this.account(payer) },
      payee: { name: payee.name, box: await this.account(payee) },
      amount,
    });
    await this.session.signAndSubmit(tx, payer);
    this.chain.mine();
  }

  /** Mines until the member's collateral is unlocked for the next block, then withdraws it. */
  async withdraw(party: DemoParty): Promise<void> {
    const { unlockHeight } = readTrustlessAccount(await this.account(party), this.demo.lets, party.name);
    if (this.chain.height < unlockHeight) this.chain.mineMany(unlockHeight - this.chain.height);
    const tx = buildWithdrawal({
      ...(await this.session.funding(party)),
      lets: this.demo.lets,
      publicTokenBox: await this.publicTokenBox(),
      account: { name: party.name, box: await this.account(party) },
    });
    await this.session.signAndSubmit(tx, party);
    this.chain.mine();
  }
}
