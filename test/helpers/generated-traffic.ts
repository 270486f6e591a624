import { compile } from '@fleet-sdk/compiler';
import { FEE_CONTRACT, RECOMMENDED_MIN_FEE_VALUE, SAFE_MIN_BOX_VALUE } from '@fleet-sdk/core';
import { SByte, SColl, SGroupElement, SInt, SLong } from '@fleet-sdk/serializer';
import type { ChainBox, ChainHeader, ChainInput, ChainToken, ChainTransaction } from '../../electron/core/chain/chain-source';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import {
  feeOutput,
  generatedTransaction,
  NO_ASSETS,
  NO_EXTENSION,
  NO_REGISTERS,
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
 * - first in every block, the emission transaction, as on mainnet: the emission box (a 225-byte script after ergo's
 *   emission contract, with EIP-27's re-emission tokens) → the emission box less the block's reward, and the reward
 *   with its re-emission tokens in the block's miner's reward box (the miner's key, spendable 720 blocks later);
 * - wallet payments: the sender's change and, half the time, a box it received → the payment, the miner's fee box, the
 *   change;
 * - token transfers: one or two token boxes of the sender (1–3 distinct tokens between them) and its change → the
 *   recipient's box with part of the tokens, the sender's box with the rest (amounts conserved), the fee, the change;
 * - DEX swaps as mainnet's go, through an order: the trader's change → an order box (a 457-byte script after
 *   mainnet's DEX orders, 4 registers: the trader's key, the pool's NFT id, what it offers, the least it takes) holding
 *   the ERG it sells, the fee, the change; in the next block, a batcher's swap: the liquidity pool (a 267-byte
 *   script, its NFT, 4 registers) and the order → the pool anew, the trader's payout, the fee;
 * - oracle datapoints (a 111-byte script, the oracle's NFT, 3 registers, signed by the operator, who pays the fee from
 *   the box), each spending the box and recreating it with new registers;
 * - now and then a mining pool's payout: its change → 20–50 miners' boxes, the fee, the change;
 * - last in every block, the miner's transaction collecting the block's fee boxes into its reward box, as a node's
 *   miner does (the reward script FEE_CONTRACT requires: the miner's key, spendable 720 blocks later).
 * Left out, though mainnet has them and each would make the blocks larger: larger scripts; the emission box's NFT
 * (EIP-27 gave it two tokens, this one has the re-emission token alone); a batcher's reward output in a swap; a
 * pool's second asset as a token: its reserve is a register here, as before the orders, so orders and payouts carry
 * ERG alone (what a trader gives or takes of the pool's token is a figure in the order's and the pool's registers).
 *
 * Tokens, pools, oracles and the emission box's re-emission token are minted in one block of their own (one token per
 * transaction, its id the first input's box id, EIP-4 registers on a minted token's box); the wallets, the mining
 * pools and the emission box's founder are paid by the devnet's faucet.
 * The public keys are random points of secp256k1 (the interpreter refuses a tree whose key is not on the curve when
 * the faucet pays the wallets); nobody holds their secrets.
 */

export interface TrafficMix {
  /** Per block, in a random order. */
  payments: number;
  tokenTransfers: number;
  /** Swaps through a pool, each of an order placed in an earlier block; as many orders are placed. */
  poolSwaps: number;
  oracleUpdates: number;
  /** A mining pool pays out in one block of this many. */
  payoutEvery: number;
}

/**
 * The emission transaction, 28 wallet and contract transactions in every block (4 swaps, each with its order), a
 * payout in one block of ten and the miner's fee collection: about 30 a block, 12 of them payments, 6 token transfers,
 * 10 contract transactions. An assumed model of mainnet's kinds of transactions, not a measurement of its blocks.
 */
export const MAINNET_LIKE_MIX: TrafficMix = { payments: 12, tokenTransfers: 6, poolSwaps: 4, oracleUpdates: 2, payoutEvery: 10 };

export type OrdinaryKind = 'emission' | 'payment' | 'token transfer' | 'swap order' | 'pool swap' | 'oracle update' | 'mining-pool payout' | 'fee collection';
/** The kinds a block is drawn from; the emission transaction heads them and the fee collection follows them. */
type GeneratedKind = Exclude<OrdinaryKind, 'emission' | 'fee collection'>;

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
  /** The block's first transaction: the emission box pays the block's reward to the miner chosen for the block. */
  emission(height: number): ChainTransaction;
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

/*
 * The emission contract, written after ergo's (ErgoScriptPredef.emissionBoxProp, which mainnet's emission box is
 * under since its genesis): the box goes on under this script less the reward of the height, and the reward goes to
 * a box under the reward script of the key MinerPubkey (the header's), spendable 720 blocks later. EIP-27 left the
 * script as it was and checks the re-emission tokens in the node's rules.
 */
const EMISSION_SCRIPT = `{
  val fixedRatePeriod = 525600
  val epochLength = 64800
  val fixedRate = 75000000000L
  val oneEpochReduction = 3000000000L
  val emissionOut = OUTPUTS(0)
  val minerOut = OUTPUTS(1)
  val epoch = 1 + (HEIGHT - fixedRatePeriod) / epochLength
  val coinsToIssue = if (HEIGHT < fixedRatePeriod) fixedRate else fixedRate - oneEpochReduction * epoch.toLong
  // The reward script of the group's generator, its key (constant 1) replaced by the miner's.
  val genericMinerProp = fromBase16("${minerRewardTree('0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')}")
  val expectedMinerProp = substConstants(genericMinerProp, Coll(1), Coll(proveDlog(decodePoint(MinerPubkey))))
  val correctMinerOutput = minerOut.propositionBytes == expectedMinerProp && minerOut.creationInfo._1 == HEIGHT
  val heightIncreased = HEIGHT > SELF.creationInfo._1
  val sameScriptRule = SELF.propositionBytes == emissionOut.propositionBytes
  val heightCorrect = emissionOut.creationInfo._1 == HEIGHT
  val correctCoinsConsumed = coinsToIssue == SELF.value - emissionOut.value
  val lastCoins = SELF.value <= oneEpochReduction
  sigmaProp(heightIncreased && correctMinerOutput && ((OUTPUTS.size == 2 && sameScriptRule && correctCoinsConsumed && heightCorrect) || lastCoins))
}`;

/** The reward the emission contract pays at `height`: 75 ERG a block for two years, then 3 ERG less every 64 800 blocks. */
function blockReward(height: number): bigint {
  if (height < 525_600) return 75n * ERG;
  const reward = 75n * ERG - 3n * ERG * BigInt(1 + Math.floor((height - 525_600) / 64_800));
  return reward > 0n ? reward : 0n;
}

/** EIP-27: of a reward of 15 ERG or more, 12 ERG go to re-emission; of less, all but 3 ERG. As many re-emission tokens go into the miner's reward box. */
function reemissionOf(reward: bigint): bigint {
  if (reward >= 15n * ERG) return 12n * ERG;
  return reward > 3n * ERG ? reward - 3n * ERG : 0n;
}

/** The re-emission tokens EIP-27 put into mainnet's emission box: 20 million ERG's worth. */
const REEMISSION_TOKENS = 20_000_000n * ERG;
/** What the emission box starts with here: enough for some 260 000 blocks of 75 ERG. */
const EMISSION_FUNDS = 20_000_000n * ERG;

/*
 * A swap order, after mainnet's DEX (Spectrum's swap orders): its trader can take it back, and anybody (a batcher) can
 * execute it against the pool it names, if the trader gets at least the least it asked for at the pool's price and the
 * miner's fee is small. Mainnet's orders hold these parameters as constants of each order's tree; here they are
 * registers, so that one tree serves every order.
 */
const ORDER_SCRIPT = `{
  val FeeDenom = 1000
  val MaxMinerFee = 10000000L
  val redeemer = SELF.R4[GroupElement].get
  val poolNft = SELF.R5[Coll[Byte]].get
  val offered = SELF.R6[Long].get
  val minReceived = SELF.R7[Long].get
  val poolIn = INPUTS(0)
  val poolOut = OUTPUTS(0)
  val payout = OUTPUTS(1)
  val validTrade =
    if (INPUTS.size == 2 && poolIn.tokens.size == 1) {
      val validPool = poolIn.tokens(0)._1 == poolNft && poolOut.tokens(0)._1 == poolNft
      val feeNum = poolIn.R4[Int].get
      val deltaX = poolOut.value - poolIn.value
      val deltaY = poolOut.R6[Long].get - poolIn.R6[Long].get
      val received = if (deltaX > 0L) -deltaY else payout.value - SELF.value
      val fairPrice =
        if (deltaX > 0L) poolIn.R6[Long].get.toBigInt * deltaX * feeNum >= received.toBigInt * (poolIn.value.toBigInt * FeeDenom + deltaX * feeNum)
        else poolIn.value.toBigInt * (-deltaX) * feeNum <= deltaY.toBigInt * (poolIn.R6[Long].get.toBigInt * FeeDenom + deltaY * feeNum)
      val minerFee = OUTPUTS.fold(0L, { (sum: Long, box: Box) => if (box.propositionBytes == fromBase16("${FEE_CONTRACT}")) sum + box.value else sum })
      validPool && payout.propositionBytes == proveDlog(redeemer).propBytes && received >= minReceived &&
        (deltaX == offered || deltaY == offered) && fairPrice && minerFee <= MaxMinerFee
    } else false
  proveDlog(redeemer) || sigmaProp(validTrade)
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

/** An order waiting for a batcher: its box, the pool it names, and what it sells or buys of the pool's ERG. */
interface Order {
  box: ChainBox;
  pool: ContractState;
  trader: Wallet;
  sells: boolean;
  amount: bigint;
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

  // The wallets, the mining pools, and last the one who founds the emission box (with its funds and the re-emission token).
  const keys = Array.from({ length: options.wallets + miningPoolCount + 1 }, () => randomPublicKey(random));
  const fundingOf = (i: number) => (i < options.wallets ? funding : i < options.wallets + miningPoolCount ? miningPoolFunding : EMISSION_FUNDS + ERG);
  const faucetId = await chain.faucet(keys.map((key, i) => ({ ergoTree: `${P2PK_PREFIX}${key}`, value: fundingOf(i) })));
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
  const miningPools = accounts.slice(options.wallets, options.wallets + miningPoolCount);
  const emissionFounder = accounts.at(-1) as Wallet;
  const rewardTrees = miningPools.map((pool) => minerRewardTree(pool.publicKey));
  /** The reward tree of the block's miner, chosen by its emission transaction; its fee collection pays there too. */
  let blockMiner: string | null = null;

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
    const state: ContractState = { box: wallet.change /* until its first box is minted, below */, fixed, epoch: 0, figure };
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
  // The emission box, with its re-emission token minted into it (on mainnet it predates the genesis block, and EIP-27's tokens were put into it at block 777 217).
  const emissionTree = compile(EMISSION_SCRIPT).toHex();
  let emissionBox = mint(emissionFounder, REEMISSION_TOKENS, (token) => ({
    value: EMISSION_FUNDS,
    ergoTree: emissionTree,
    creationHeight: setupHeight,
    assets: [token],
    additionalRegisters: NO_REGISTERS,
  }));
  const orderTree = compile(ORDER_SCRIPT).toHex();
  /** Orders placed and not yet executed, oldest first. */
  const orders: Order[] = [];

  const otherWallet = (wallet: Wallet) => {
    for (;;) {
      const other = wallets[index(wallets.length)] as Wallet;
      if (other !== wallet) return other;
    }
  };

  const generators: Record<GeneratedKind, (height: number) => ChainTransaction> = {
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

    'swap order'(height) {
      const pool = pools[index(pools.length)] as ContractState;
      const trader = wallets[index(wallets.length)] as Wallet;
      // The trader sells ERG to the pool or buys ERG from it, as far as its change and the pool's reserve allow.
      const amount = between(ERG / 10n, 100n * ERG);
      const sells = trader.change.value > amount + 2n * ERG && (random() < 0.5 || pool.box.value < 1_000n * ERG);
      // At the pool's price now, less 1 % for the swaps that may come first: what the trader gives or takes of the pool's token.
      const feeNum = 997n;
      const [value, reserve] = [pool.box.value, pool.figure];
      const offered = sells ? amount : (reserve * amount * 1000n) / ((value - amount) * feeNum) + 1n;
      const minReceived = sells ? ((reserve * amount * feeNum) / (value * 1000n + amount * feeNum) / 100n) * 99n : amount;
      // The order holds what it sells, the swap's fee, and the least value of the trader's payout box.
      const box: GeneratedOutput = {
        value: (sells ? amount : 0n) + RECOMMENDED_MIN_FEE_VALUE + SAFE_MIN_BOX_VALUE,
        ergoTree: orderTree,
        creationHeight: height,
        assets: NO_ASSETS,
        additionalRegisters: {
          R4: registerHex(SGroupElement(trader.publicKey)),
          R5: registerHex(SColl(SByte, (pool.box.assets[0] as ChainToken).tokenId)),
          R6: registerHex(SLong(offered)),
          R7: registerHex(SLong(minReceived)),
        },
      };
      const tx = spend(trader, [], [], [box], height);
      orders.push({ box: tx.outputs[0] as ChainBox, pool, trader, sells, amount });
      return tx;
    },

    'pool swap'(height) {
      const order = orders.shift();
      if (!order) throw new Error('a swap without an order');
      const { pool, trader, sells, amount } = order;
      const reserveX = pool.box.value + (sells ? amount : -amount);
      if (reserveX < 100n * ERG) throw new Error('a pool ran dry');
      pool.figure = (pool.box.value * pool.figure) / reserveX;
      pool.epoch++;
      const next = { value: reserveX, ergoTree: pool.box.ergoTree, creationHeight: height, assets: pool.box.assets, additionalRegisters: poolRegisters(pool) };
      // Neither the pool nor the order needs a proof; the order pays the fee and the trader's payout.
      const fee = feeOutput(height);
      const payout = plainOutput(trader.tree, order.box.value - fee.value + (sells ? -amount : amount), height);
      const tx = generatedTransaction([unsigned(pool.box), unsigned(order.box)], [next, payout, fee]);
      pool.box = tx.outputs[0] as ChainBox;
      trader.received.push(tx.outputs[1] as ChainBox);
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
      const miningPool = miningPools[index(miningPools.length)] as Wallet;
      const payees = Array.from({ length: 20 + index(31) }, () => wallets[index(wallets.length)] as Wallet);
      const tx = spend(miningPool, [], [], payees.map((payee) => plainOutput(payee.tree, between(ERG / 2n, 5n * ERG), height)), height);
      payees.forEach((payee, i) => payee.received.push(tx.outputs[i] as ChainBox));
      return tx;
    },
  };

  const traffic: OrdinaryTraffic = {
    mix,
    emission(height) {
      blockMiner = rewardTrees[index(rewardTrees.length)] as string;
      const reward = blockReward(height);
      const reemission = reemissionOf(reward);
      const { tokenId, amount } = emissionBox.assets[0] as ChainToken;
      const tx = generatedTransaction(
        [unsigned(emissionBox)],
        [
          { value: emissionBox.value - reward, ergoTree: emissionTree, creationHeight: height, assets: [{ tokenId, amount: amount - reemission }], additionalRegisters: NO_REGISTERS },
          { value: reward, ergoTree: blockMiner, creationHeight: height, assets: [{ tokenId, amount: reemission }], additionalRegisters: NO_REGISTERS },
        ],
      );
      emissionBox = tx.outputs[0] as ChainBox;
      return tx;
    },
    block(height) {
      // The swaps execute orders of earlier blocks (as many as the mix has, once there are), oldest first.
      const swaps = Math.min(mix.poolSwaps, orders.length);
      const kinds: GeneratedKind[] = [
        ...Array<GeneratedKind>(mix.payments).fill('payment'),
        ...Array<GeneratedKind>(mix.tokenTransfers).fill('token transfer'),
        ...Array<GeneratedKind>(mix.poolSwaps).fill('swap order'),
        ...Array<GeneratedKind>(swaps).fill('pool swap'),
        ...Array<GeneratedKind>(mix.oracleUpdates).fill('oracle update'),
        ...(height % mix.payoutEvery === 0 ? ['mining-pool payout' as const] : []),
      ];
      for (let i = kinds.length - 1; i > 0; i--) {
        const j = index(i + 1);
        [kinds[i], kinds[j]] = [kinds[j] as GeneratedKind, kinds[i] as GeneratedKind];
      }
      return kinds.map((kind) => ({ kind, transaction: generators[kind](height) }));
    },
    feeCollection(transactions, height) {
      const fees = transactions.flatMap((tx) => tx.outputs.filter((box) => box.ergoTree === FEE_CONTRACT));
      if (fees.length === 0) return null;
      const value = fees.reduce((sum, box) => sum + box.value, 0n);
      const miner = blockMiner ?? (rewardTrees[index(rewardTrees.length)] as string);
      blockMiner = null;
      return generatedTransaction(fees.map(unsigned), [plainOutput(miner, value, height)]);
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

/** Appends `blocks` blocks of ordinary traffic: the emission transaction first, a LETS's trades among the rest, the miner's fee collection last. */
export function appendBusyHistory(chain: DevnetChain, options: BusyHistoryOptions): void {
  const random = pseudoRandom(options.seed ?? 1);
  const trade = options.trades?.generator;
  const tradeCount = options.trades?.count ?? 0;
  for (let b = 0; b < options.blocks; b++) {
    const height = chain.height + 1;
    const emission = options.traffic.emission(height);
    const ordinary: KindedTransaction<OrdinaryKind | 'LETS trade'>[] = options.traffic.block(height);
    // Block b holds the trades numbered from ⌊b·T/B⌋ up to ⌊(b+1)·T/B⌋: T trades over B blocks, as evenly as they go.
    const due = Math.floor(((b + 1) * tradeCount) / options.blocks) - Math.floor((b * tradeCount) / options.blocks);
    // Places among the ordinary transactions, in order: a trade may spend what the one before it in the block created.
    const places = Array.from({ length: trade ? due : 0 }, () => Math.floor(random() * (ordinary.length + 1))).sort((x, y) => x - y);
    const block: KindedTransaction<OrdinaryKind | 'LETS trade'>[] = [{ kind: 'emission', transaction: emission }];
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
