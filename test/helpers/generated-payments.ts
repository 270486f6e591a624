import type { ChainBox, ChainTransaction } from '../../electron/core/chain/chain-source';
import type { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { generatedTransaction, proofBytes, pseudoRandom, randomHex } from './generated-transactions';
import type { TradeGenerator } from './generated-trades';

/*
 * The everyday traffic of a public chain, which a LETS's own transactions are a small share of: wallet-to-wallet
 * payments, generated in memory as generated-trades.ts generates trades. Each payment spends one P2PK box of its sender
 * and creates two P2PK boxes, the payment to another wallet and the sender's change, so it is about the size of a real
 * one (a 36-byte tree per output, a 56-byte proof; a real one also pays a miner's fee box, left out here, so these blocks
 * are if anything smaller than a public chain's); the ids are real, the proofs random bytes. A sender always spends
 * its last change, so every input is unspent; what a wallet receives stays unspent. The public keys are random points
 * of secp256k1 (the interpreter refuses a tree whose key is not on the curve when the faucet pays the wallets); nobody
 * holds their secrets.
 */

export interface PaymentOptions {
  /** How many wallets send and receive; each gets one box from the devnet's faucet. */
  wallets: number;
  /** Seed of the pseudo-random keys, senders, recipients and amounts. */
  seed?: number;
  /** Largest payment, nanoERG. */
  maxAmount?: bigint;
  /** What each wallet starts with, nanoERG; enough for all its payments. */
  funding?: bigint;
}

export interface PaymentGenerator {
  /** The next payment, for the block at `height`. */
  next(height: number): ChainTransaction;
}

const ERG = 1_000_000_000n;
/** P2PK ErgoTree: header 00, then the constant SigmaProp(ProveDlog(key)) as 08 cd and the 33-byte compressed key. */
const P2PK_PREFIX = '0008cd';
/** Shared by every payment box: nothing mutates a box once it is on the chain, and a million of them add up. */
const NO_ASSETS: ChainBox['assets'] = Object.freeze([]) as unknown as ChainBox['assets'];
const NO_REGISTERS: ChainBox['additionalRegisters'] = Object.freeze({});
const NO_EXTENSION: Record<string, string> = Object.freeze({});

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

/**
 * Gives `options.wallets` wallets a box each from the devnet's faucet (a real transaction, validated, in one new block)
 * and answers a generator of payments between them.
 */
export async function fundPaymentWallets(chain: DevnetChain, options: PaymentOptions): Promise<PaymentGenerator> {
  const random = pseudoRandom(options.seed ?? 1);
  const maxAmount = Number(options.maxAmount ?? 10n * ERG);
  const funding = options.funding ?? 10_000n * ERG;
  const trees = Array.from({ length: options.wallets }, () => `${P2PK_PREFIX}${randomPublicKey(random)}`);
  const faucetId = await chain.faucet(trees.map((ergoTree) => ({ ergoTree, value: funding })));
  const { transactions } = chain.mine();
  const faucet = transactions.find((tx) => tx.id === faucetId);
  if (!faucet) throw new Error('the faucet transaction was not mined');
  /** Each wallet's last change: the box its next payment spends. */
  const unspent = trees.map((tree, i) => {
    const box = faucet.outputs[i];
    if (box?.ergoTree !== tree) throw new Error('the faucet did not pay the wallets in order');
    return box;
  });
  return {
    next(height) {
      const sender = Math.floor(random() * trees.length);
      let recipient = Math.floor(random() * (trees.length - 1));
      if (recipient >= sender) recipient++;
      const input = unspent[sender] as ChainBox;
      const amount = BigInt(1 + Math.floor(random() * maxAmount));
      if (amount >= input.value) throw new Error('a payment wallet ran dry: fund the wallets with more');
      const output = (ergoTree: string, value: bigint) => ({ value, ergoTree, creationHeight: height, assets: NO_ASSETS, additionalRegisters: NO_REGISTERS });
      const tx = generatedTransaction(
        [{ boxId: input.boxId, proofBytes: proofBytes(random), extension: NO_EXTENSION }],
        [output(trees[recipient] as string, amount), output(input.ergoTree, input.value - amount)],
      );
      unspent[sender] = tx.outputs[1] as ChainBox;
      return tx;
    },
  };
}

export interface BusyHistoryOptions {
  blocks: number;
  paymentsPerBlock: number;
  payments: PaymentGenerator;
  /** A LETS's trades, spread evenly through the blocks, each at a pseudo-random place among the payments. */
  trades?: { generator: TradeGenerator; count: number };
  seed?: number;
  /** Called after every block, with how many are appended (progress of a long generation). */
  onBlock?: (appended: number) => void;
}

/** Appends `blocks` blocks of payments, with a LETS's trades among them. */
export function appendBusyHistory(chain: DevnetChain, options: BusyHistoryOptions): void {
  const random = pseudoRandom(options.seed ?? 1);
  const trade = options.trades?.generator;
  const tradeCount = options.trades?.count ?? 0;
  for (let b = 0; b < options.blocks; b++) {
    const height = chain.height + 1;
    const payments = Array.from({ length: options.paymentsPerBlock }, () => options.payments.next(height));
    // Block b holds the trades numbered from ⌊b·T/B⌋ up to ⌊(b+1)·T/B⌋: T trades over B blocks, as evenly as they go.
    const due = Math.floor(((b + 1) * tradeCount) / options.blocks) - Math.floor((b * tradeCount) / options.blocks);
    // Places among the payments, in order: a trade may spend what the one before it in the block created.
    const places = Array.from({ length: trade ? due : 0 }, () => Math.floor(random() * (payments.length + 1))).sort((x, y) => x - y);
    const block: ChainTransaction[] = [];
    let next = 0;
    for (const place of places) {
      while (next < place) block.push(payments[next++] as ChainTransaction);
      block.push((trade as TradeGenerator).next(height));
    }
    block.push(...payments.slice(next));
    chain.appendPrevalidatedBlock(block);
    options.onBlock?.(b + 1);
  }
}
