import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { mockUTxO, type KeyedMockChainParty } from '@fleet-sdk/mock-chain';
import { buildAccountClosing } from '../../electron/core/builders/account-closing';
import { buildCommitteeRotation } from '../../electron/core/builders/committee-rotation';
import { buildEnrolment } from '../../electron/core/builders/enrolment';
import type { Funding } from '../../electron/core/builders/funding';
import { buildGenesis } from '../../electron/core/builders/genesis';
import { buildTrade } from '../../electron/core/builders/trade';
import { readAccountBox, readManagementBox } from '../../electron/core/contracts/lets-boxes';
import { letsContracts, type LetsContracts } from '../../electron/core/contracts/lets-contracts';
import { encodeAccountRegisters } from '../../electron/core/contracts/registers';
import type { Lets, LetsParameters } from '../../electron/core/lets/lets-parameters';
import type { MemberAccount } from '../../electron/core/lets/member-account';
import { LetsTestChain, publicKeyOf, type Submission } from './lets-chain';

/** The seed's community: EUR-LETS, credit floor −200.00, no cap. */
export function aLets(overrides: Partial<LetsParameters> = {}): LetsParameters {
  return { name: 'Seed LETS', unit: 'EUR-LETS', floor: -200_00n, cap: null, ...overrides };
}

export interface Member {
  name: string;
  party: KeyedMockChainParty;
  key: string;
}

/** People with wallets on a test chain, and what a builder needs to spend from them: where each LETS world starts. */
export class TestChainWorld {
  constructor(readonly chain: LetsTestChain) {}

  person(name: string): Member {
    const party = this.chain.wallet(name);
    return { name, party, key: publicKeyOf(party) };
  }

  funding(payer: Member): Funding {
    return {
      walletBoxes: this.chain.boxesAt(payer.party.ergoTree),
      changeAddress: payer.party.address.encode(),
      height: this.chain.height,
    };
  }
}

/**
 * A LETS founded through our own genesis builder on the test chain, with helpers that go through the
 * real builders and the real interpreter. `expectAccepted` makes set-up failures loud.
 */
export class LetsWorld extends TestChainWorld {
  readonly committee: Member;
  readonly lets: Lets;
  readonly contracts: LetsContracts;

  /** Pass `chain` to found a second LETS on the same chain (attack 9). */
  constructor(parameters: LetsParameters = aLets(), memberCapacity = 10, chain = new LetsTestChain()) {
    super(chain);
    this.committee = this.person('Committee');
    const genesis = buildGenesis({ parameters, committeeKey: this.committee.key, memberCapacity, ...this.funding(this.committee) });
    for (const tx of genesis.transactions) expectAccepted(this.chain.submit(tx, [this.committee.party]));
    this.lets = genesis.lets;
    this.contracts = letsContracts(this.lets);
  }

  management(): Box<Amount> {
    const [box] = this.chain.boxesAt(this.contracts.management);
    if (!box) throw new Error('no management box');
    return box;
  }

  pool(): bigint {
    return readManagementBox(this.management(), this.lets).pool;
  }

  committeeKeyOnChain(): string {
    return readManagementBox(this.management(), this.lets).committee;
  }

  account(member: Member): MemberAccount {
    const box = this.chain
      .boxesAt(this.contracts.account)
      .find((candidate) => readAccountBox(candidate, this.lets, member.name).owner === member.key);
    if (!box) throw new Error(`${member.name} has no account`);
    return { name: member.name, box };
  }

  balance(member: Member): bigint {
    return readAccountBox(this.account(member).box, this.lets, member.name).balance;
  }

  enrolmentTx(member: Member, funder = this.committee): EIP12UnsignedTransaction {
    return buildEnrolment({
      lets: this.lets,
      management: this.management(),
      memberName: member.name,
      memberKey: member.key,
      ...this.funding(funder),
    });
  }

  enrol(name: string): Member {
    const member = this.person(name);
    expectAccepted(this.chain.submit(this.enrolmentTx(member), [this.committee.party]));
    return member;
  }

  /** `funder` pays the fee; normally the payer, an attacker in some tests. */
  tradeTx(payer: Member, payee: Member, amount: bigint, funder = payer): EIP12UnsignedTransaction {
    return buildTrade({ lets: this.lets, payer: this.account(payer), payee: this.account(payee), amount, ...this.funding(funder) });
  }

  trade(payer: Member, payee: Member, amount: bigint): Submission {
    return this.chain.submit(this.tradeTx(payer, payee, amount), [payer.party]);
  }

  rotationTx(newCommittee: Member, funder = this.committee): EIP12UnsignedTransaction {
    return buildCommitteeRotation({
      lets: this.lets,
      management: this.management(),
      newCommitteeKey: newCommittee.key,
      ...this.funding(funder),
    });
  }

  closingTx(member: Member): EIP12UnsignedTransaction {
    return buildAccountClosing({ lets: this.lets, management: this.management(), account: this.account(member), ...this.funding(this.committee) });
  }

  /**
   * Enrols `name` and then sets their balance by fiat: the account box is replaced by one holding
   * `balance`, as if trades had brought it there. Only for boundary tests whose starting balance no
   * short story of trades reaches (Long extremes); the box is exactly what the contract would accept.
   */
  enrolAt(name: string, balance: bigint): Member {
    const member = this.enrol(name);
    const { box } = this.account(member);
    this.chain.forget(box.boxId);
    this.chain.place(
      mockUTxO({
        ergoTree: box.ergoTree,
        value: BigInt(box.value),
        assets: box.assets.map(({ tokenId, amount }) => ({ tokenId, amount: BigInt(amount) })),
        creationHeight: box.creationHeight,
        additionalRegisters: encodeAccountRegisters({ owner: member.key, balance }),
      }),
    );
    return member;
  }
}

export function expectAccepted(submission: Submission): void {
  if (!submission.accepted) throw new Error(`transaction rejected: ${submission.reason}`);
}
