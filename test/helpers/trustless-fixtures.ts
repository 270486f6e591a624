import type { Amount, Box, EIP12UnsignedTransaction, NonMandatoryRegisters } from '@fleet-sdk/common';
import { TransactionBuilder } from '@fleet-sdk/core';
import { mockUTxO } from '@fleet-sdk/mock-chain';
import { recreatePublicTokenBox } from '../../electron/core/builders/trustless/public-token-output';
import { buildJoin } from '../../electron/core/builders/trustless/join';
import { buildTrustlessGenesis } from '../../electron/core/builders/trustless/trustless-genesis';
import { buildTrustlessTrade } from '../../electron/core/builders/trustless/trustless-trade';
import { buildWithdrawal } from '../../electron/core/builders/trustless/withdrawal';
import { readPublicTokenPool, readTrustlessAccount, type TrustlessAccountState } from '../../electron/core/contracts/trustless/trustless-boxes';
import { trustlessContracts, type TrustlessContracts } from '../../electron/core/contracts/trustless/trustless-contracts';
import type { TrustlessLets, TrustlessLetsParameters } from '../../electron/core/contracts/trustless/trustless-parameters';
import { decodeTrustlessAccountRegisters, encodeTrustlessAccountRegisters, type TrustlessAccountRegisters } from '../../electron/core/contracts/trustless/trustless-registers';
import type { MemberAccount } from '../../electron/core/lets/member-account';
import { LetsTestChain, type Submission } from './lets-chain';
import { aLets, expectAccepted, TestChainWorld, type Member } from './lets-fixtures';
import { output } from './tamper';

export const ERG = 1_000_000_000n;

/**
 * The seed's community as a trustless LETS: floor −200.00, no cap, 1 ERG to join, 0.01 ERG of collateral
 * per 1.00 of debt (so the minimum collateral backs exactly 100.00), locked for 100 blocks.
 */
export function aTrustlessLets(overrides: Partial<TrustlessLetsParameters> = {}): TrustlessLetsParameters {
  return { ...aLets(), minimumCollateral: 1n * ERG, collateralPerUnit: 100_000n, lockPeriod: 100, ...overrides };
}

/**
 * A trustless LETS founded through our own genesis builder on the test chain; every helper goes through
 * the real builders and the real interpreter, and the members sign for themselves (there is no committee).
 */
export class TrustlessWorld extends TestChainWorld {
  readonly founder: Member;
  readonly lets: TrustlessLets;
  readonly contracts: TrustlessContracts;

  /** Pass `chain` to found a second LETS on the same chain (attack 9). */
  constructor(parameters: TrustlessLetsParameters = aTrustlessLets(), memberCapacity = 10, chain = new LetsTestChain()) {
    super(chain);
    this.founder = this.person('Founder');
    const genesis = buildTrustlessGenesis({ parameters, founderKey: this.founder.key, memberCapacity, ...this.funding(this.founder) });
    for (const tx of genesis.transactions) expectAccepted(this.chain.submit(tx, [this.founder.party]));
    this.lets = genesis.lets;
    this.contracts = trustlessContracts(this.lets);
  }

  publicTokenBox(): Box<Amount> {
    const [box] = this.chain.boxesAt(this.contracts.publicToken);
    if (!box) throw new Error('no public token box');
    return box;
  }

  pool(): bigint {
    return readPublicTokenPool(this.publicTokenBox(), this.lets);
  }

  account(member: Member): MemberAccount {
    const box = this.chain
      .boxesAt(this.contracts.account)
      .find((candidate) => readTrustlessAccount(candidate, this.lets, member.name).owner === member.key);
    if (!box) throw new Error(`${member.name} has no account`);
    return { name: member.name, box };
  }

  state(member: Member): TrustlessAccountState {
    return readTrustlessAccount(this.account(member).box, this.lets, member.name);
  }

  balance(member: Member): bigint {
    return this.state(member).balance;
  }

  joinTx(member: Member, collateral?: bigint): EIP12UnsignedTransaction {
    return buildJoin({
      lets: this.lets,
      publicTokenBox: this.publicTokenBox(),
      memberName: member.name,
      memberKey: member.key,
      ...(collateral === undefined ? {} : { collateral }),
      ...this.funding(member),
    });
  }

  join(name: string, collateral?: bigint): Member {
    const member = this.person(name);
    expectAccepted(this.chain.submit(this.joinTx(member, collateral), [member.party]));
    return member;
  }

  /** `funder` pays the fee (and any top-up); normally the payer, an attacker in some tests. */
  tradeTx(payer: Member, payee: Member, amount: bigint, options: { funder?: Member; collateralTopUp?: bigint } = {}): EIP12UnsignedTransaction {
    return buildTrustlessTrade({
      lets: this.lets,
      payer: this.account(payer),
      payee: this.account(payee),
      amount,
      ...(options.collateralTopUp === undefined ? {} : { collateralTopUp: options.collateralTopUp }),
      ...this.funding(options.funder ?? payer),
    });
  }

  trade(payer: Member, payee: Member, amount: bigint): Submission {
    return this.chain.submit(this.tradeTx(payer, payee, amount), [payer.party]);
  }

  withdrawalTx(member: Member): EIP12UnsignedTransaction {
    return buildWithdrawal({ lets: this.lets, publicTokenBox: this.publicTokenBox(), account: this.account(member), ...this.funding(member) });
  }

  /**
   * A withdrawal assembled without the builder's own refusals (balance, lock) and without pre-flight, so
   * attack tests can hand the chain what the builder would never make. `accounts` go to inputs 1, 2, ….
   */
  rawWithdrawalTx(signer: Member, accounts: Box<Amount>[], pool = this.pool() + BigInt(accounts.length)): EIP12UnsignedTransaction {
    const publicTokenBox = this.publicTokenBox();
    return new TransactionBuilder(this.chain.height)
      .from([publicTokenBox, ...accounts], { ensureInclusion: true })
      .and.from(this.funding(signer).walletBoxes)
      .to(recreatePublicTokenBox(publicTokenBox, this.lets, pool))
      .payMinFee()
      .sendChangeTo(signer.party.address)
      .build()
      .toEIP12Object();
  }

  /** Mines empty blocks until the chain's tip is `height`. */
  advanceTo(height: number): void {
    this.chain.mock.jumpTo(height);
  }

  /** The tip at which a withdrawal goes into the first block that reaches the member's unlock height. */
  lastLockedTip(member: Member): number {
    return this.state(member).unlockHeight - 2;
  }

  /**
   * Joins `name` and then sets their balance by fiat, as if trades had brought it there: only for
   * boundary tests whose starting balance no short story of trades reaches (Long extremes).
   */
  joinAt(name: string, balance: bigint, collateral?: bigint): Member {
    const member = this.join(name, collateral);
    const { box } = this.account(member);
    const registers = this.state(member);
    this.chain.forget(box.boxId);
    this.chain.place(
      mockUTxO({
        ergoTree: box.ergoTree,
        value: BigInt(box.value),
        assets: box.assets.map(({ tokenId, amount }) => ({ tokenId, amount: BigInt(amount) })),
        creationHeight: box.creationHeight,
        additionalRegisters: encodeTrustlessAccountRegisters({ ...registers, balance }),
      }),
    );
    return member;
  }
}

/** Rewrites the registers of account output `index` of `tx`, keeping whatever `change` leaves alone. */
export function setAccount(tx: EIP12UnsignedTransaction, index: number, change: Partial<TrustlessAccountRegisters>): void {
  const box = output(tx, index);
  const current = decodeTrustlessAccountRegisters(box.additionalRegisters);
  if (!current) throw new Error(`output ${index} is not an account`);
  box.additionalRegisters = encodeTrustlessAccountRegisters({ ...current, ...change }) as NonMandatoryRegisters;
}
