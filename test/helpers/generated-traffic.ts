import { compile } from '@fleet-sdk/compiler';
import { FEE_CONTRACT, SAFE_MIN_BOX_VALUE } from '@fleet-sdk/core';
import { SByte, SColl, SGroupElement, SInt, SLong } from '@fleet-sdk/serializer';
import type { ChainBox, ChainHeader, ChainInput, ChainToken, ChainTransaction } from '../../electron/core/chain/chain-source';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import {
  feeOutput,
  generatedTransaction,
  NO_ASSETS,
  NO_EXTENSION,
  plainOutput,
  proofBytes,
  pseudoRandom,
  randomHex,
  type GeneratedOutput,
} from './generated-transactions';
import type { TradeGenerator } from './generated-trades';

/*
 * The everyday traffic of a public chain, which a LETS's own transactions are a small share of, generated in memory as
 * generated-trades.ts generates trades: real transaction and box ids, every input an unspent box (a block may spend
 * what an earlier transaction of it created), 56 random bytes where a Schnorr proof would be.
 *
 * The mix is a model of the kinds of transactions on Ergo's mainnet, not a measurement of it (MAINNET_LIKE_MIX):
 * - wallet payments: the sender's change and, half the time, a box it received → the payment, the miner's fee box, the
 *   change;
 * - token transfers: one or two token boxes of the sender (1–3 distinct tokens between them) and its change → the
 *   recipient's box with part of the tokens, the sender's box with the rest (amounts conserved), the fee, the change;
 * - contract transactions, each spending a box under a contract script and recreating it with new registers:
 *   swaps through liquidity pools (a 267-byte script, the pool's NFT, 4 registers; the trader's change pays the fee
 *   and takes or gives the ERG) and oracle datapoints (a 111-byte script, the oracle's NFT, 3 registers, signed by
 *   the operator, who pays the fee from the box);
 * - now and then a mining pool's payout: its change → 20–50 miners' boxes, the fee, the change;
 * - last in every block, the miner's transaction collecting the block's fee boxes into its reward box, as a node's
 *   miner does (the reward script FEE_CONTRACT requires: the miner's key, spendable 720 blocks later).
 * Left out, so that these blocks are if anything smaller than mainnet's: the emission transaction at the head of
 * every block, the order boxes through which mainnet's DEX swaps go (a second transaction per swap), larger scripts.
 *
 * Tokens, pools and oracles are minted in one block of their own (one token per transaction, its id the first
 * input's box id, EIP-4 registers on the minted box); the wallets and mining pools are paid by the devnet's faucet.
 * The public keys are random points of secp256k1 (the interpreter refuses a tree whose key is not on the curve when
 * the faucet pays the wallets); nobody holds their secrets.
 */

export interface TrafficMix {
  /** Per block, in a random order. */
  payments: number;
  tokenTransfers: number;
  poolSwaps: number;
  oracleUpdates: number;
  /** A mining pool pays out in one block of this many. */
  payoutEvery: number;
}

/**
 * 24 wallet and contract transactions in every block, a payout in one block of ten and the miner's fee collection:
 * about 25 a block, half of them payments, a quarter token transfers and a quarter contract transactions. A model:
 * mainnet carries on the order of 10 to 30 transactions a block, of these kinds, in proportions that vary.
 */
export const MAINNET_LIKE_MIX: TrafficMix = { payments: 12, tokenTransfers: 6, poolSwaps: 4, oracleUpdates: 2, payoutEvery: 10 };

export type OrdinaryKind = 'payment' | 'token transfer' | 'pool swap' | 'oracle update' | 'mining-pool payout' | 'fee collection';

export interface TrafficOptions {
  /** How many wallets send and receive; each gets one box from the devnet's faucet. */
  wallets: number;
  mix?: TrafficMix;
  /** Seed of the pseudo-random keys, choices and amounts. */
  seed?: number;
  /** How many tokens are minted (each by a wallet of its own), liquidity pools and oracles created, mining pools paid. */
  tokens?: number;
  pools?: number;
  oracles?: number;
  miningPools?: number;
  /** What each wallet starts with, nanoERG; enough for all its transactions. */
  funding?: bigint;
}

export interface KindedTransaction<K extends string = OrdinaryKind> {
  kind: K;
  transaction: ChainTransaction;
}

export interface OrdinaryTraffic {
  readonly mix: TrafficMix;
  /** The wallet and contract transactions (and any payout) of the block at `height`, in a random order. */
  block(height: number): KindedTransaction[];
  /** The miner's transaction spending the fee boxes `transactions` create, or null if they create none. */
  feeCollection(transactions: readonly ChainTransaction[], height: number): ChainTransaction | null;
}

const ERG = 1_000_000_000n;
/** P2PK ErgoTree: header 00, then the constant SigmaProp(ProveDlog(key)) as 08 cd and the 33-byte compressed key. */
const P2PK_PREFIX = '0008cd';
/**
 * The reward script FEE_CONTRACT demands of the box collecting fees (its third constant, with the miner's key in place
 * of the one it carries): the miner's key, and HEIGHT ≥ the box's creation height + 720.
 */
const minerRewardTree = (publicKey: string) => `100204a00b08cd${publicKey}ea02d192a39a8cc7a70173007301`;

const POOL_SCRIPT = `{
  // A constant-product pool of ERG against a token, after mainnet's DEX pools: anybody swaps through it, as long as
  // the pool goes on under this script with its NFT, its fee and token, the next epoch, and the price a fair swap gives.
  val FeeDenom = 1000
  val MinReserve = 100000000L
  val pool1 = OUTPUTS(0)
  val nft = SELF.tokens(0)
  val feeNum = SELF.R4[Int].get
  val reservesY0 = SELF.R6[Long].get
  val reservesY1 = pool1.R6[Long].get
  val reservesX0 = SELF.value.toBigInt
  val deltaX = pool1.value.toBigInt - reservesX0
  val deltaY = reservesY1.toBigInt - reservesY0.toBigInt
  val preserved =
    pool1.propositionBytes == SELF.propositionBytes &&
    pool1.tokens.size == 1 && pool1.tokens(0) == nft &&
    pool1.R4[Int].get == feeNum &&
    pool1.R5[Coll[Byte]].get == SELF.R5[Coll[Byte]].get &&
    pool1.R7[Int].get == SELF.R7[Int].get + 1 &&
    pool1.creationInfo._1 >= HEIGHT - 10
  val fairSwap =
    if (deltaX > 0) reservesY0.toBigInt * deltaX * feeNum >= -deltaY * (reservesX0 * FeeDenom + deltaX * feeNum)
    else reservesX0 * (-deltaX) * feeNum <= deltaY * (reservesY0.toBigInt * FeeDenom + deltaY * feeNum)
  sigmaProp(preserved && fairSwap && pool1.value >= MinReserve && reservesY1 > 0L)
}`;

const ORACLE_SCRIPT = `{
  // An oracle's datapoint, after mainnet's oracle pools: its operator posts the next epoch's rate.
  val operator = SELF.R4[GroupElement].get
  val next = OUTPUTS(0)
  val kept = next.propositionBytes == SELF.propositionBytes && next.tokens(0) == SELF.tokens(0) &&
    next.R4[GroupElement].get == operator && next.R5[Int].get == SELF.R5[Int].get + 1 &&
    next.R6[Long].get > 0L && next.value >= SELF.value - 2000000L
  proveDlog(operator) && sigmaProp(kept)
}`;

/** secp256k1: y² = x³ + 7 over the field of this prime. */
const FIELD = 2n ** 256n - 2n ** 32n - 977n;

function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** A compressed public key: a random x whose x³ + 7 is a square (Euler's criterion), so that a point has it. */
function randomPublicKey(random: () => number): string {
  for (;;) {
    const x = randomHex(random, 32);
    const value = BigInt(`0x${x}`);
    if (value < FIELD && powMod(value ** 3n + 7n, (FIELD - 1n) / 2n, FIELD) === 1n) return `${random() < 0.5 ? '02' : '03'}${x}`;
  }
}

/** A register's constant as a flat string (see flatHex in generated-transactions.ts on fleet's hex). */
function registerHex(constant: { toBytes(): Uint8Array }): string {
  return Buffer.from(constant.toBytes()).toString('hex');
}

interface Wallet {
  publicKey: string;
  tree: string;
  /** The box the wallet's next transaction pays from: its last change. */
  change: ChainBox;
  /** Coins paid to it, spent now and then with its change. */
  received: ChainBox[];
  /** Boxes holding its tokens. */
  tokenBoxes: ChainBox[];
}

interface ContractState {
  box: ChainBox;
  /** The registers that stay, as hex (shared by every box of the contract). */
  fixed: Record<string, string>;
  epoch: number;
  /** A pool's token reserve, an oracle's rate. */
  figure: bigint;
}

export async function startOrdinaryTraffic(chain: DevnetChain, options: TrafficOptions): Promise<OrdinaryTraffic> {
  const mix = options.mix ?? MAINNET_LIKE_MIX;
  const random = pseudoRandom(options.seed ?? 1);
  const tokenCount = options.tokens ?? 100;
  const poolCount = options.pools ?? 12;
  const oracleCount = options.oracles ?? 8;
  const miningPoolCount = options.miningPools ?? 3;
  if (options.wallets < tokenCount + poolCount + oracleCount || options.wallets < 2) throw new Error('too few wallets to mint the tokens and create the pools and oracles');
  const funding = options.funding ?? 10_000n * ERG;
  const miningPoolFunding = 1_000_000n * ERG;
  const between = (low: bigint, high: bigint) => low + BigInt(Math.floor(random() * Number(high - low + 1n)));
  const index = (length: number) => Math.floor(random() * length);
  /** Swap-removes a random element: which box of several a wallet spends does not matter, the cost does. */
  const takeRandom = <T>(items: T[]): T => {
    const i = index(items.length);
    const item = items[i] as T;
    items[i] = items[items.length - 1] as T;
    items.pop();
    return item;
  };
  /*
   * Proofs are drawn from a pool of random ones: a proof is not part of the transaction's id, nothing here verifies
   * it, and two million distinct proof strings would hold a quarter of a GB of the node's heap for nothing.
   */
  const proofs = Array.from({ length: 4096 }, () => proofBytes(random));
  const signed = (box: ChainBox): ChainInput => ({ boxId: box.boxId, proofBytes: proofs[index(proofs.length)] as string, extension: NO_EXTENSION });
  const unsigned = (box: ChainBox): ChainInput => ({ boxId: box.boxId, proofBytes: '', extension: NO_EXTENSION });

  const keys = Array.from({ length: options.wallets + miningPoolCount }, () => randomPublicKey(random));
  const faucetId = await chain.faucet(keys.map((key, i) => ({ ergoTree: `${P2PK_PREFIX}${key}`, value: i < options.wallets ? funding : miningPoolFunding })));
  const { transactions } = chain.mine();
  const faucet = transactions.find((tx) => tx.id === faucetId);
  if (!faucet) throw new Error('the faucet transaction was not mined');
  const paidBy = (i: number, key: string) => {
    const box = faucet.outputs[i];
    if (box?.ergoTree !== `${P2PK_PREFIX}${key}`) throw new Error('the faucet did not pay the wallets in order');
    return box;
  };
  const accounts: Wallet[] = keys.map((publicKey, i) => ({ publicKey, tree: `${P2PK_PREFIX}${publicKey}`, change: paidBy(i, publicKey), received: [], tokenBoxes: [] }));
  const wallets = accounts.slice(0, options.wallets);
  const miningPools = accounts.slice(options.wallets);
  const rewardTrees = miningPools.map((pool) => minerRewardTree(pool.publicKey));

  /** The wallet pays `outputs` and the fee from its change (and `more` inputs), and keeps what is left as change. */
  const spend = (wallet: Wallet, more: ChainBox[], moreUnsigned: ChainBox[], outputs: GeneratedOutput[], height: number): ChainTransaction => {
    const inputs = [...moreUnsigned, ...more, wallet.change];
    const paid = outputs.reduce((sum, o) => sum + o.value, 0n) + feeOutput(height).value;
    const change = inputs.reduce((sum, box) => sum + box.value, 0n) - paid;
    if (change < SAFE_MIN_BOX_VALUE) throw new Error('a wallet ran dry: fund the wallets with more');
    const tx = generatedTransaction([...moreUnsigned.map(unsigned), ...more.map(signed), signed(wallet.change)], [...outputs, feeOutput(height), plainOutput(wallet.tree, change, height)]);
    wallet.change = tx.outputs.at(-1) as ChainBox;
    return tx;
  };

  // The block of mints: the tokens, then the pools' and the oracles' NFTs with their first boxes.
  const setupHeight = chain.height + 1;
  const setup: ChainTransaction[] = [];
  const mint = (wallet: Wallet, amount: bigint, output: (token: ChainToken) => GeneratedOutput): ChainBox => {
    const token = { tokenId: wallet.change.boxId, amount };
    setup.push(spend(wallet, [], [], [output(token)], setupHeight));
    return (setup.at(-1) as ChainTransaction).outputs[0] as ChainBox;
  };
  const utf8 = (text: string) => registerHex(SColl(SByte, new TextEncoder().encode(text)));
  for (let t = 0; t < tokenCount; t++) {
    const wallet = wallets[t] as Wallet;
    const decimals = index(10);
    const box = mint(wallet, 10n ** BigInt(3 + index(12)) * between(1n, 9n), (token) => ({
      value: SAFE_MIN_BOX_VALUE,
      ergoTree: wallet.tree,
      creationHeight: setupHeight,
      assets: [token],
      additionalRegisters: { R4: utf8(`Token ${t + 1}`), R5: utf8(`A token of the generated traffic, number ${t + 1}`), R6: utf8(String(decimals)) },
    }));
    wallet.tokenBoxes.push(box);
  }
  const poolTree = compile(POOL_SCRIPT).toHex();
  const oracleTree = compile(ORACLE_SCRIPT).toHex();
  const poolRegisters = (state: ContractState) => ({ ...state.fixed, R6: registerHex(SLong(state.figure)), R7: registerHex(SInt(state.epoch)) });
  const oracleRegisters = (state: ContractState) => ({ ...state.fixed, R5: registerHex(SInt(state.epoch)), R6: registerHex(SLong(state.figure)) });
  const contract = (wallet: Wallet, tree: string, value: bigint, fixed: Record<string, string>, figure: bigint, registers: (state: ContractState) => Record<string, string>): ContractState => {
    const state: ContractState = { box: wallet.change, fixed, epoch: 0, figure };
    state.box = mint(wallet, 1n, (nft) => ({ value, ergoTree: tree, creationHeight: setupHeight, assets: [nft], additionalRegisters: registers(state) }));
    return state;
  };
  const pools = Array.from({ length: poolCount }, (_, p) =>
    contract(wallets[tokenCount + p] as Wallet, poolTree, 5_000n * ERG, { R4: registerHex(SInt(997)), R5: registerHex(SColl(SByte, randomHex(random, 32))) }, between(10n ** 9n, 10n ** 12n), poolRegisters),
  );
  // An oracle's operator is the wallet that created it: its key is in R4 and signs every update.
  const oracles = Array.from({ length: oracleCount }, (_, o) => {
    const operator = wallets[tokenCount + poolCount + o] as Wallet;
    return contract(operator, oracleTree, 100n * ERG, { R4: registerHex(SGroupElement(operator.publicKey)) }, between(10n ** 8n, 10n ** 10n), oracleRegisters);
  });

  const otherWallet = (wallet: Wallet) => {
    for (;;) {
      const other = wallets[index(wallets.length)] as Wallet;
      if (other !== wallet) return other;
    }
  };

  const generators: Record<Exclude<OrdinaryKind, 'fee collection'>, (height: number) => ChainTransaction> = {
    payment(height) {
      const sender = wallets[index(wallets.length)] as Wallet;
      const recipient = otherWallet(sender);
      const more = sender.received.length > 0 && random() < 0.5 ? [takeRandom(sender.received)] : [];
      const tx = spend(sender, more, [], [plainOutput(recipient.tree, between(SAFE_MIN_BOX_VALUE, 10n * ERG), height)], height);
      recipient.received.push(tx.outputs[0] as ChainBox);
      return tx;
    },

    'token transfer'(height) {
      let sender = wallets[index(wallets.length)] as Wallet;
      while (sender.tokenBoxes.length === 0) sender = wallets[index(wallets.length)] as Wallet;
      const recipient = otherWallet(sender);
      const spent = [takeRandom(sender.tokenBoxes)];
      const held = new Map<string, bigint>();
      const hold = (box: ChainBox) => box.assets.forEach((a) => held.set(a.tokenId, (held.get(a.tokenId) ?? 0n) + a.amount));
      hold(spent[0] as ChainBox);
      // Now and then a second box of the sender goes along, if both hold no more than 3 tokens between them.
      const j = index(sender.tokenBoxes.length);
      const second = sender.tokenBoxes[j];
      if (second && random() < 0.25 && new Set([...held.keys(), ...second.assets.map((a) => a.tokenId)]).size <= 3) {
        sender.tokenBoxes[j] = sender.tokenBoxes.at(-1) as ChainBox;
        sender.tokenBoxes.pop();
        spent.push(second);
        hold(second);
      }
      // Each token goes, part or whole, to the recipient with even odds; at least one does.
      const tokens = [...held.entries()];
      const going = tokens.map(() => random() < 0.5);
      if (!going.includes(true)) going[index(going.length)] = true;
      const sent: ChainToken[] = [];
      const kept: ChainToken[] = [];
      tokens.forEach(([tokenId, amount], i) => {
        const part = going[i] ? between(1n, amount) : 0n;
        if (part > 0n) sent.push({ tokenId, amount: part });
        if (amount > part) kept.push({ tokenId, amount: amount - part });
      });
      const tokenValue = spent.reduce((sum, box) => sum + box.value, 0n);
      const outputs: GeneratedOutput[] = [{ ...plainOutput(recipient.tree, SAFE_MIN_BOX_VALUE, height), assets: sent }];
      if (kept.length > 0) outputs.push({ ...plainOutput(sender.tree, tokenValue, height), assets: kept });
      const tx = spend(sender, spent, [], outputs, height);
      recipient.tokenBoxes.push(tx.outputs[0] as ChainBox);
      if (kept.length > 0) sender.tokenBoxes.push(tx.outputs[1] as ChainBox);
      return tx;
    },

    'pool swap'(height) {
      const pool = pools[index(pools.length)] as ContractState;
      const trader = wallets[index(wallets.length)] as Wallet;
      // The trader sells ERG to the pool or buys ERG from it, as far as its change and the pool's reserve allow.
      const amount = between(ERG / 10n, 100n * ERG);
      const sells = trader.change.value > amount + 2n * ERG && (random() < 0.5 || pool.box.value < 1_000n * ERG);
      const reserveX = pool.box.value + (sells ? amount : -amount);
      pool.figure = (pool.box.value * pool.figure) / reserveX;
      pool.epoch++;
      const next = { value: reserveX, ergoTree: pool.box.ergoTree, creationHeight: height, assets: pool.box.assets, additionalRegisters: poolRegisters(pool) };
      // The pool's box needs no proof; the trader's change pays or takes the difference, and the fee.
      const tx = spend(trader, [], [pool.box], [next], height);
      pool.box = tx.outputs[0] as ChainBox;
      return tx;
    },

    'oracle update'(height) {
      const state = oracles[index(oracles.length)] as ContractState;
      const fee = feeOutput(height);
      if (state.box.value < ERG) throw new Error('an oracle ran dry: fund the oracles with more');
      state.epoch++;
      state.figure += (state.figure * BigInt(index(201) - 100)) / 10_000n;
      const next = { value: state.box.value - fee.value, ergoTree: state.box.ergoTree, creationHeight: height, assets: state.box.assets, additionalRegisters: oracleRegisters(state) };
      const tx = generatedTransaction([signed(state.box)], [next, fee]);
      state.box = tx.outputs[0] as ChainBox;
      return tx;
    },

    'mining-pool payout'(height) {
      const pool = miningPools[index(miningPools.length)] as Wallet;
      const payees = Array.from({ length: 20 + index(31) }, () => wallets[index(wallets.length)] as Wallet);
      const tx = spend(pool, [], [], payees.map((payee) => plainOutput(payee.tree, between(ERG / 2n, 5n * ERG), height)), height);
      payees.forEach((payee, i) => payee.received.push(tx.outputs[i] as ChainBox));
      return tx;
    },
  };

  const traffic: OrdinaryTraffic = {
    mix,
    block(height) {
      const kinds: OrdinaryKind[] = [
        ...Array<OrdinaryKind>(mix.payments).fill('payment'),
        ...Array<OrdinaryKind>(mix.tokenTransfers).fill('token transfer'),
        ...Array<OrdinaryKind>(mix.poolSwaps).fill('pool swap'),
        ...Array<OrdinaryKind>(mix.oracleUpdates).fill('oracle update'),
        ...(height % mix.payoutEvery === 0 ? ['mining-pool payout' as const] : []),
      ];
      for (let i = kinds.length - 1; i > 0; i--) {
        const j = index(i + 1);
        [kinds[i], kinds[j]] = [kinds[j] as OrdinaryKind, kinds[i] as OrdinaryKind];
      }
      return kinds.map((kind) => ({ kind, transaction: generators[kind](height) }));
    },
    feeCollection(transactions, height) {
      const fees = transactions.flatMap((tx) => tx.outputs.filter((box) => box.ergoTree === FEE_CONTRACT));
      if (fees.length === 0) return null;
      const value = fees.reduce((sum, box) => sum + box.value, 0n);
      return generatedTransaction(fees.map(unsigned), [plainOutput(rewardTrees[index(rewardTrees.length)] as string, value, height)]);
    },
  };

  const collection = traffic.feeCollection(setup, setupHeight);
  chain.appendPrevalidatedBlock(collection ? [...setup, collection] : setup);
  return traffic;
}

export interface BusyHistoryOptions {
  blocks: number;
  traffic: OrdinaryTraffic;
  /** A LETS's trades, spread evenly through the blocks, each at a pseudo-random place among the ordinary transactions. */
  trades?: { generator: TradeGenerator; count: number };
  seed?: number;
  /** Called after every block with how many are appended, the block's header and its transactions by kind. */
  onBlock?: (appended: number, header: ChainHeader, transactions: readonly KindedTransaction<OrdinaryKind | 'LETS trade'>[]) => void;
}

/** Appends `blocks` blocks of ordinary traffic, with a LETS's trades among it and the miner's fee collection last. */
export function appendBusyHistory(chain: DevnetChain, options: BusyHistoryOptions): void {
  const random = pseudoRandom(options.seed ?? 1);
  const trade = options.trades?.generator;
  const tradeCount = options.trades?.count ?? 0;
  for (let b = 0; b < options.blocks; b++) {
    const height = chain.height + 1;
    const ordinary: KindedTransaction<OrdinaryKind | 'LETS trade'>[] = options.traffic.block(height);
    // Block b holds the trades numbered from ⌊b·T/B⌋ up to ⌊(b+1)·T/B⌋: T trades over B blocks, as evenly as they go.
    const due = Math.floor(((b + 1) * tradeCount) / options.blocks) - Math.floor((b * tradeCount) / options.blocks);
    // Places among the ordinary transactions, in order: a trade may spend what the one before it in the block created.
    const places = Array.from({ length: trade ? due : 0 }, () => Math.floor(random() * (ordinary.length + 1))).sort((x, y) => x - y);
    const block: KindedTransaction<OrdinaryKind | 'LETS trade'>[] = [];
    let next = 0;
    for (const place of places) {
      while (next < place) block.push(ordinary[next++] as KindedTransaction);
      block.push({ kind: 'LETS trade', transaction: (trade as TradeGenerator).next(height) });
    }
    block.push(...ordinary.slice(next));
    const collection = options.traffic.feeCollection(
      block.map((t) => t.transaction),
      height,
    );
    if (collection) block.push({ kind: 'fee collection', transaction: collection });
    const { header } = chain.appendPrevalidatedBlock(block.map((t) => t.transaction));
    options.onBlock?.(b + 1, header, block);
  }
}
