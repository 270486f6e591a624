import { FEE_CONTRACT, RECOMMENDED_MIN_FEE_VALUE } from '@fleet-sdk/core';
import type { ChainBox, ChainTransaction } from '../../electron/core/chain/chain-source';
import { decodeAccountRegisters, encodeAccountRegisters } from '../../electron/core/contracts/registers';
import type { DemoLets, DemoParty } from '../../electron/core/devnet/demo-lets';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { generatedTransaction, proofBytes, pseudoRandom } from './generated-transactions';

/*
 * A long trade history for benchmarks and crash tests, generated in memory. Building a trade with the app's
 * builders, pre-flight and the interpreter costs about 50 ms, so 100 000 of them would take over an hour. Instead
 * each trade here is written directly in the shape buildTrade produces (inputs: payer account, payee account,
 * payer's wallet box; outputs: both new account boxes, the miner fee, the payer's change), with the registers
 * encoded by contracts/registers.ts, balances conserved and kept within floor and cap, real transaction and box
 * ids, and 56 pseudo-random bytes where a Schnorr proof would be. The blocks go onto the devnet with
 * DevnetChain.appendPrevalidatedBlock, i.e. without the interpreter: the proofs would not verify.
 */

export interface TradeHistoryOptions {
  trades: number;
  tradesPerBlock: number;
  /** Seed of the pseudo-random choice of payer, payee and amount, so a history can be generated twice alike. */
  seed?: number;
  /** Largest amount of one trade, minor units. */
  maxAmount?: bigint;
}

interface MemberState {
  party: DemoParty;
  account: ChainBox;
  wallet: ChainBox;
  balance: bigint;
}

async function memberStates(chain: DevnetChain, demo: DemoLets): Promise<MemberState[]> {
  const accounts = await chain.unspentByErgoTree(demo.accountTree);
  return Promise.all(
    demo.members.map(async (party) => {
      const account = accounts.find((box) => decodeAccountRegisters(box.additionalRegisters)?.owner === party.publicKey);
      const [wallet] = await chain.unspentByErgoTree(party.ergoTree);
      const balance = account && decodeAccountRegisters(account.additionalRegisters)?.balance;
      if (!account || !wallet || balance === undefined) throw new Error(`${party.name} has no account or no wallet box`);
      return { party, account, wallet, balance };
    }),
  );
}

function tradeTransaction(payer: MemberState, payee: MemberState, amount: bigint, height: number, random: () => number): ChainTransaction {
  const recreate = (member: MemberState, balance: bigint) => ({
    value: member.account.value,
    ergoTree: member.account.ergoTree,
    creationHeight: height,
    assets: member.account.assets,
    additionalRegisters: encodeAccountRegisters({ owner: member.party.publicKey, balance }),
  });
  const plain = (ergoTree: string, value: bigint) => ({ value, ergoTree, creationHeight: height, assets: [], additionalRegisters: {} });
  return generatedTransaction(
    [
      { boxId: payer.account.boxId, proofBytes: proofBytes(random), extension: {} },
      // The payee's account reduces to true in a valid trade: no proof (account.es).
      { boxId: payee.account.boxId, proofBytes: '', extension: {} },
      { boxId: payer.wallet.boxId, proofBytes: proofBytes(random), extension: {} },
    ],
    [
      recreate(payer, payer.balance - amount),
      recreate(payee, payee.balance + amount),
      plain(FEE_CONTRACT, RECOMMENDED_MIN_FEE_VALUE),
      plain(payer.party.ergoTree, payer.wallet.value - RECOMMENDED_MIN_FEE_VALUE),
    ],
  );
}

/** Trades between the members of a LETS, one at a time, each spending the boxes the one before left. */
export interface TradeGenerator {
  /** The next trade, for the block at `height`. */
  next(height: number): ChainTransaction;
  /** Every member's balance after the trades so far, by public key. */
  balances(): Map<string, bigint>;
}

/** Starts generating trades from the members' current boxes on `chain` (read once, here). */
export async function tradeGenerator(chain: DevnetChain, demo: DemoLets, options: Pick<TradeHistoryOptions, 'seed' | 'maxAmount'> = {}): Promise<TradeGenerator> {
  const random = pseudoRandom(options.seed ?? 1);
  const maxAmount = Number(options.maxAmount ?? 50_00n);
  const members = await memberStates(chain, demo);
  const { floor, cap } = demo.lets;
  return {
    next(height) {
      for (;;) {
        const payer = members[Math.floor(random() * members.length)] as MemberState;
        const payee = members[Math.floor(random() * members.length)] as MemberState;
        const room = [payer.balance - floor, ...(cap === null ? [] : [cap - payee.balance])].reduce((a, b) => (a < b ? a : b));
        const amount = BigInt(1 + Math.floor(random() * maxAmount));
        if (payer === payee || amount > room) continue;
        const tx = tradeTransaction(payer, payee, amount, height, random);
        const [payerAccount, payeeAccount, , change] = tx.outputs as [ChainBox, ChainBox, ChainBox, ChainBox];
        payer.account = payerAccount;
        payer.balance -= amount;
        payer.wallet = change;
        payee.account = payeeAccount;
        payee.balance += amount;
        return tx;
      }
    },
    balances: () => new Map(members.map((m) => [m.party.publicKey, m.balance])),
  };
}

/**
 * Appends `trades` generated trades between the members of `demo`, `tradesPerBlock` per block. Returns every
 * member's final balance by public key, for checking what a mirror makes of the history.
 */
export async function appendGeneratedTrades(chain: DevnetChain, demo: DemoLets, options: TradeHistoryOptions): Promise<Map<string, bigint>> {
  const trades = await tradeGenerator(chain, demo, options);
  let remaining = options.trades;
  while (remaining > 0) {
    const height = chain.height + 1;
    const block = Array.from({ length: Math.min(options.tradesPerBlock, remaining) }, () => trades.next(height));
    chain.appendPrevalidatedBlock(block);
    remaining -= block.length;
  }
  return trades.balances();
}
