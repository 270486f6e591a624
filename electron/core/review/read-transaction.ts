import { FEE_CONTRACT, type EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { ErgoAddress } from '@fleet-sdk/core';
import type { AccountReading, BoxReading, TransactionKind, TransactionReading } from '../api/calls/review-types';
import { createdBoxes } from '../builders/created-boxes';
import type { ChainBox } from '../chain/chain-source';
import { formatAmount, formatErg } from '../lets/amount';
import { recognise, type MirroredBox } from '../mirror/sync/classify-transaction';
import type { ReadingContext } from './reading-context';

/*
 * What a transaction does, in the LETS's terms, read from its boxes alone: each box is recognised by script, tokens
 * and registers exactly as the mirror recognises boxes on chain (classify-transaction.ts), balances come from the
 * account boxes' registers, the committee key and pool from the management box. Nothing of the form that asked for
 * the transaction is used, so a review built from this describes what a signature covers; an output the reader
 * cannot explain is named, with its ERG, instead of left out.
 */

type Box = EIP12UnsignedTransaction['inputs'][number] | ReturnType<typeof createdBoxes>[number];

function chainBox(box: Box): ChainBox {
  return {
    boxId: box.boxId,
    transactionId: box.transactionId,
    index: box.index,
    value: BigInt(box.value),
    ergoTree: box.ergoTree,
    creationHeight: box.creationHeight,
    assets: box.assets.map((a) => ({ tokenId: a.tokenId, amount: BigInt(a.amount) })),
    additionalRegisters: box.additionalRegisters,
  };
}

const P2PK = /^0008cd(0[23][0-9a-f]{64})$/;
const short = (key: string) => `${key.slice(0, 8)}…`;

/** What the transaction does; `signerKeys` are the keys that sign its inputs (their wallets' change is explained). */
export function readTransaction(tx: EIP12UnsignedTransaction, context: ReadingContext, signerKeys: readonly string[]): TransactionReading {
  const inputs = tx.inputs.map(chainBox);
  const outputs = createdBoxes(tx).map(chainBox);
  const known = (box: ChainBox) => recognise(box, context.tracked, context.letsTokenIds);
  const letsIn = inputs.map(known);
  const letsOut = outputs.map(known);
  const letsIds = new Set([...letsIn, ...letsOut].flatMap((b) => (b ? [b.letsId] : [])));
  const warnings: string[] = [];
  if (letsIds.size > 1) warnings.push('It spends or creates boxes of more than one LETS: no action of our contracts does that.');
  const mint = mintedMembership(tx, context);
  const letsId = [...letsIds][0] ?? mint?.letsId;
  const lets = letsId === undefined ? null : context.lets(letsId);
  const nameOf = (key: string) => (letsId === undefined ? null : context.memberName(letsId, key));

  const accounts = pairAccounts(letsIn, letsOut, nameOf);
  const management = (side: (MirroredBox | undefined)[]) => side.find((b) => b?.kind === 'management' || b?.kind === 'public-token');
  const holderIn = management(letsIn);
  const holderOut = management(letsOut);
  const poolOf = (box: MirroredBox | undefined) => box?.box.assets[1]?.amount;
  // A genesis creates the pool: nothing was in it before.
  const pool = holderOut ? { before: holderIn ? (poolOf(holderIn) ?? 0n) : 0n, after: poolOf(holderOut) ?? 0n } : null;
  const committee = holderIn?.kind === 'management' && holderOut?.kind === 'management' ? { before: holderIn.ownerKey, after: holderOut.ownerKey } : null;
  const kind: TransactionKind = mint ? 'genesis-mint' : kindOf(accounts, holderIn, holderOut, pool, committee, lets?.model);
  const amount = kind === 'trade' ? tradeAmount(accounts, warnings) : null;
  if (letsIds.size > 0 && kind === 'unknown') warnings.push(`It changes boxes of ${lets?.name ?? 'a LETS'} in a way none of its contracts’ actions does.`);

  const signers = new Set(signerKeys.map((k) => k.toLowerCase()));
  const walletOf = (key: string) => {
    if (committee?.before === key) return 'the committee’s wallet';
    const name = nameOf(key);
    return name ? `${name}’s wallet` : `the wallet of ${short(key)}`;
  };
  const describe = (box: ChainBox, mirrored: MirroredBox | undefined, side: 'input' | 'output'): { what: string; explained: boolean } => {
    if (mirrored) return { what: describeLetsBox(mirrored, lets?.name ?? 'the LETS', nameOf), explained: true };
    if (box.ergoTree === FEE_CONTRACT) return { what: 'the miner fee', explained: side === 'output' };
    const key = P2PK.exec(box.ergoTree)?.[1];
    if (mint && side === 'output' && box.index === 0) return { what: `the ${mint.amount} new membership tokens of ${lets?.name ?? 'the LETS'}, in the founder’s box that the founding spends next`, explained: true };
    if (key !== undefined && signers.has(key)) return { what: side === 'input' ? `${walletOf(key)} (pays the fee)` : `change back to ${walletOf(key)}`, explained: true };
    return { what: key === undefined ? 'a box under a script' : walletOf(key), explained: side === 'input' };
  };
  const read = (side: 'input' | 'output') => (box: ChainBox, i: number): BoxReading => {
    const { what, explained } = describe(box, (side === 'input' ? letsIn : letsOut)[i], side);
    return { index: i, what, address: context.address(box.ergoTree), nanoErgs: box.value, tokens: box.assets, explained };
  };
  const inputReadings = inputs.map(read('input'));
  const outputReadings = outputs.map(read('output'));
  for (const output of outputReadings.filter((o) => !o.explained)) {
    warnings.push(`It also sends ${formatErg(output.nanoErgs)}${output.tokens.length > 0 ? ` and ${output.tokens.length} kind(s) of token` : ''} to ${output.address}, which is not part of what it does for the LETS.`);
  }
  return {
    lets: lets && { id: lets.id, name: lets.name, unit: lets.unit },
    kind,
    headline: headlineOf(kind, { accounts, amount, lets, pool, committee, mintAmount: mint?.amount ?? null, keyAddress: (key) => context.address(ErgoAddress.fromPublicKey(key).ergoTree) }),
    accounts,
    amount,
    committee,
    pool,
    inputs: inputReadings,
    outputs: outputReadings,
    fee: outputs.filter((o) => o.ergoTree === FEE_CONTRACT).reduce((sum, o) => sum + o.value, 0n),
    warnings,
  };
}

/** The first genesis transaction of a followed LETS mints its membership token (its id is the first input's box id). */
function mintedMembership(tx: EIP12UnsignedTransaction, context: ReadingContext): { letsId: number; amount: bigint } | undefined {
  const first = tx.inputs[0]?.boxId;
  const lets = context.tracked.find((t) => t.membershipTokenId === first);
  if (!lets || first === undefined) return undefined;
  const amount = tx.outputs.flatMap((o) => o.assets).filter((a) => a.tokenId === first).reduce((sum, a) => sum + BigInt(a.amount), 0n);
  return { letsId: lets.letsId, amount };
}

/** Accounts spent and created, paired by owner key as the mirror pairs them (classify-transaction.ts). */
function pairAccounts(letsIn: (MirroredBox | undefined)[], letsOut: (MirroredBox | undefined)[], nameOf: (key: string) => string | null): AccountReading[] {
  const accounts = new Map<string, AccountReading>();
  const entry = (key: string) => {
    let account = accounts.get(key);
    if (!account) {
      account = { ownerKey: key, name: nameOf(key), before: null, after: null };
      accounts.set(key, account);
    }
    return account;
  };
  for (const box of letsIn) if (box?.kind === 'account') entry(box.ownerKey).before = box.balance;
  for (const box of letsOut) if (box?.kind === 'account') entry(box.ownerKey).after = box.balance;
  return [...accounts.values()];
}

function kindOf(
  accounts: AccountReading[],
  holderIn: MirroredBox | undefined,
  holderOut: MirroredBox | undefined,
  pool: TransactionReading['pool'],
  committee: TransactionReading['committee'],
  model: 'committee' | 'trustless' | undefined,
): TransactionKind {
  const opened = accounts.filter((a) => a.before === null && a.after !== null);
  const closed = accounts.filter((a) => a.before !== null && a.after === null);
  const kept = accounts.filter((a) => a.before !== null && a.after !== null);
  if (!holderIn && holderOut && accounts.length === 0) return 'genesis';
  if (!holderIn && !holderOut) return kept.length === 2 && opened.length + closed.length === 0 ? 'trade' : 'unknown';
  if (!holderIn || !holderOut || !pool) return 'unknown';
  const joins = model === 'trustless';
  if (pool.after === pool.before - 1n && opened.length === 1 && accounts.length === 1) return joins ? 'join' : 'enrolment';
  if (pool.after === pool.before + 1n && closed.length === 1 && accounts.length === 1) return joins ? 'withdrawal' : 'closing';
  if (pool.after === pool.before && accounts.length === 0 && committee && committee.before !== committee.after) return 'committee-rotation';
  return 'unknown';
}

/** The payer's decrease; the payee's increase must be the same (the contract checks it; the reader says so if not). */
function tradeAmount(accounts: AccountReading[], warnings: string[]): bigint | null {
  const change = (a: AccountReading) => (a.after ?? 0n) - (a.before ?? 0n);
  const payer = accounts.find((a) => change(a) < 0n);
  const payee = accounts.find((a) => change(a) > 0n);
  if (!payer || !payee) {
    warnings.push('It spends two accounts without moving a balance from one to the other.');
    return null;
  }
  if (change(payee) !== -change(payer)) warnings.push(`The payee’s balance goes up by ${formatAmount(change(payee))}, not by the ${formatAmount(-change(payer))} the payer’s goes down by.`);
  return -change(payer);
}

function describeLetsBox(box: MirroredBox, letsName: string, nameOf: (key: string) => string | null): string {
  if (box.kind === 'management') return `the management box of ${letsName}`;
  if (box.kind === 'public-token') return `the public token box of ${letsName}`;
  const name = nameOf(box.ownerKey);
  return `${name ? `${name}’s` : `the (not in the member list) ${short(box.ownerKey)}`} account at ${formatAmount(box.balance ?? 0n)}`;
}

interface HeadlineFacts {
  accounts: AccountReading[];
  amount: bigint | null;
  lets: { name: string; unit: string; model: 'committee' | 'trustless' } | null;
  pool: TransactionReading['pool'];
  committee: TransactionReading['committee'];
  mintAmount: bigint | null;
  /** A key as the address wallets show for it: what the treasurer compares with the new treasurer's wallet. */
  keyAddress: (publicKey: string) => string;
}

function headlineOf(kind: TransactionKind, facts: HeadlineFacts): string {
  const { accounts, amount, lets, pool, committee } = facts;
  const letsName = lets?.name ?? 'a LETS';
  const who = (a: AccountReading | undefined) => (a ? (a.name ?? `an account not in the member list (${short(a.ownerKey)})`) : 'nobody');
  const [only] = accounts;
  switch (kind) {
    case 'trade': {
      const payer = accounts.find((a) => (a.after ?? 0n) < (a.before ?? 0n));
      const payee = accounts.find((a) => a !== payer);
      return `${who(payer)} pays ${who(payee)} ${formatAmount(amount ?? 0n)} ${lets?.unit ?? ''}`.trimEnd();
    }
    case 'enrolment':
      return `The committee enrols ${who(only)} in ${letsName}, with a new account at ${formatAmount(only?.after ?? 0n)}`;
    case 'closing':
      return `The committee closes ${who(only)}’s account in ${letsName}, at ${formatAmount(only?.before ?? 0n)}`;
    case 'committee-rotation':
      return committee
        ? `The committee key of ${letsName} passes from ${facts.keyAddress(committee.before)} to ${facts.keyAddress(committee.after)}`
        : `The committee key of ${letsName} changes`;
    case 'join':
      return `${who(only)} joins ${letsName}, with a new account at ${formatAmount(only?.after ?? 0n)}`;
    case 'withdrawal':
      return `${who(only)} leaves ${letsName} at ${formatAmount(only?.before ?? 0n)} and takes back their collateral`;
    case 'genesis-mint':
      return `Founding ${letsName}: ${facts.mintAmount ?? 0n} membership tokens are minted`;
    case 'genesis':
      return `Founding ${letsName}: its ${lets?.model === 'trustless' ? 'public token box' : 'management box'} receives the LETS id and ${pool?.after ?? 0n} membership tokens`;
    case 'unknown':
      return lets ? `A transaction on ${letsName} that the app cannot read as one of its actions` : 'A transaction that touches no LETS this app follows';
  }
}
