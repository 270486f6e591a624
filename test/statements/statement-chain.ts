import type { Amount, Box } from '@fleet-sdk/common';
import { buildTrade } from '../../electron/core/builders/trade';
import { createdBoxes } from '../../electron/core/builders/created-boxes';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { DemoSession, seedDemoLets, type DemoLets, type DemoParty } from '../../electron/core/devnet/demo-lets';
import type { Db } from '../../electron/core/mirror/database';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { aMirrorFollowing } from '../helpers/mirror-fixtures';

export const at = (iso: string) => Date.parse(iso);

/**
 * The seed story on a devnet whose clock the test sets before each block, so every trade has a known block time:
 * the demo founds the LETS and Alice → Bob 2.00, Bob → Charlie 3.50 all at `seededAt`; `trade` adds more later.
 */
export class StatementChain {
  private constructor(
    readonly chain: DevnetChain,
    readonly demo: DemoLets,
    private readonly clock: { now: number },
  ) {}

  static async seeded(seededAt: string): Promise<StatementChain> {
    const clock = { now: at(seededAt) };
    const chain = new DevnetChain({ now: () => clock.now });
    return new StatementChain(chain, await seedDemoLets(chain), clock);
  }

  member(name: string): DemoParty {
    const party = this.demo.members.find((m) => m.name === name);
    if (!party) throw new Error(`no demo member ${name}`);
    return party;
  }

  /** Submits payer → payee without mining; `accounts` overrides boxes still in the mempool. Returns the new boxes. */
  async submitTrade(payerName: string, payeeName: string, amount: bigint, accounts: ReadonlyMap<string, Box<Amount>> = new Map()): Promise<Map<string, Box<Amount>>> {
    const session = DemoSession.create(this.chain);
    const [payer, payee] = [this.member(payerName), this.member(payeeName)];
    const box = async (party: DemoParty) => accounts.get(party.name) ?? (await session.accountBox(this.demo, party));
    const tx = buildTrade({
      ...(await session.funding(payer)),
      lets: this.demo.lets,
      payer: { name: payer.name, box: await box(payer) },
      payee: { name: payee.name, box: await box(payee) },
      amount,
    });
    await session.signAndSubmit(tx, payer);
    const [payerBox, payeeBox] = createdBoxes(tx) as [Box<Amount>, Box<Amount>];
    return new Map([...accounts, [payer.name, payerBox], [payee.name, payeeBox]]);
  }

  /** One trade in its own block stamped `when`. */
  async trade(when: string, payerName: string, payeeName: string, amount: bigint): Promise<void> {
    await this.submitTrade(payerName, payeeName, amount);
    this.mineAt(when);
  }

  mineAt(when: string): void {
    this.clock.now = at(when);
    this.chain.mine();
  }

  /** A fresh mirror synced by the real sync, with the members' names as local profiles (as the app keeps them). */
  async mirror(): Promise<{ db: Db; letsId: number; memberIds: Record<string, number> }> {
    const { db, letsId } = aMirrorFollowing(this.demo);
    await syncOnce(db, this.chain);
    const memberIds = Object.fromEntries(this.demo.members.map((m) => [m.name, addMemberProfile(db, { letsId, ownerKey: m.publicKey, name: m.name })]));
    return { db, letsId, memberIds };
  }
}
